import { orderedEnvOptions } from './env-order.js';
import type { JobRecord } from '../job-record.js';

/** SeaTunnel 2.3.9's JobDAGInfo: edge ids as strings, vertexInfoMap an array (despite its name). */
export function jobDagView(record: JobRecord) {
  const pipelineEdges: Record<string, { inputVertexId: string; targetVertexId: string }[]> = {};
  for (const [pipeline, edges] of Object.entries(record.plan.pipelineEdges)) {
    pipelineEdges[pipeline] = edges.map((e) => ({ inputVertexId: String(e.inputVertexId), targetVertexId: String(e.targetVertexId) }));
  }
  return {
    jobId: record.jobId,
    pipelineEdges,
    envOptions: orderedEnvOptions(record.envOptions),
    vertexInfoMap: record.plan.vertices.map((v) => ({
      vertexId: v.vertexId,
      type: v.type,
      vertexName: v.vertexName,
      tablePaths: v.tablePaths,
    })),
  };
}
