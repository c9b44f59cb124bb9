import { invalidJobConfig } from './errors.js';
import { jobMode, type JobConfig, type PluginConfig } from './job-config.js';
import { isJsonObject, type JsonObject, type JsonValue } from './json.js';
import { PLUGIN_MAPPINGS } from './plugin-mapping.js';
import { rowBytes } from './row-size.js';
import { readObservability, type ObservabilitySettings } from './observability.js';
import { readSimOptions, type SimOptions } from './sim-options.js';

export type VertexType = 'source' | 'transform' | 'sink';

/** One vertex of SeaTunnel's JobDAGInfo (`vertexInfoMap` entries). */
export interface PlanVertex {
  vertexId: number;
  type: VertexType;
  vertexName: string;
  tablePaths: string[];
}

export interface PlanEdge {
  inputVertexId: number;
  targetVertexId: number;
}

/** A table a source produces, with what the simulation needs to generate its rows. */
export interface SourceTable {
  tablePath: string;
  /** null: unbounded (streaming). */
  totalRows: number | null;
  rowsPerSecond: number;
  bytesPerRow: number;
}

export interface SinkTables {
  vertexId: number;
  tablePaths: string[];
}

/** The logical DAG in the shape SeaTunnel ≤ 2.3.8 reported (`{vertices, edges}`), for older profiles. */
export interface LogicalDag {
  vertices: { id: number; name: string; parallelism: number }[];
  edges: { inputVertex: string; targetVertex: string }[];
}

export interface JobPlan {
  mode: 'BATCH' | 'STREAMING';
  parallelism: number;
  vertices: PlanVertex[];
  pipelineEdges: Record<string, PlanEdge[]>;
  sourceTables: SourceTable[];
  sinks: SinkTables[];
  logical: LogicalDag;
  /** Connector artifacts the job needs (`connector-fake`), in the order SeaTunnel lists their jars. */
  pluginJars: string[];
  sim: SimOptions;
  /** `env.engine.observability` when it turns realtime metrics on (3.0, #10572); absent otherwise. */
  observability?: ObservabilitySettings;
}

interface LogicalVertex {
  id: number;
  plugin: PluginConfig;
  actionName: string;
  tablePaths: string[];
  /** A Shuffle vertex the execution plan inserts (never part of a transform chain). */
  shuffle?: boolean;
}

const MULTI_TABLE_SINKS = new Set([
  'console', 'localfile', 'hdfsfile', 's3file', 'ossfile', 'ftpfile', 'sftpfile', 'jdbc', 'doris', 'starrocks',
  'iceberg', 'paimon', 'hive', 'hudi', 'clickhouse', 'elasticsearch', 'assert', 'kafka', 'redis', 'mongodb',
]);

function intOption(value: JsonValue | undefined, fallback: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return Math.trunc(value);
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return fallback;
}

function schemaTable(options: JsonObject): string | null {
  const schema = options['schema'];
  if (isJsonObject(schema) && typeof schema['table'] === 'string') return schema['table'];
  return null;
}

function sourceTables(plugin: PluginConfig, parallelism: number, mode: JobPlan['mode'], sim: SimOptions): SourceTable[] {
  const configs = plugin.options['tables_configs'];
  const tables: JsonObject[] = Array.isArray(configs) ? configs.filter(isJsonObject) : [plugin.options];
  return tables.map((table) => {
    const path = schemaTable(table) ?? plugin.output ?? 'default.default.default';
    const rowNum = intOption(table['row.num'] ?? plugin.options['row.num'], 5);
    // FakeSource reads `row.num` rows per reader and then idles, in streaming jobs too; other
    // connectors have nothing to run out of while streaming.
    const bounded = mode === 'BATCH' || plugin.pluginName?.toLowerCase() === 'fakesource';
    return {
      tablePath: path,
      totalRows: bounded ? Math.max(0, rowNum) * parallelism : null,
      rowsPerSecond: sim.rowsPerSecond * parallelism,
      bytesPerRow: rowBytes(table['schema'] ?? plugin.options['schema'], plugin.options),
    };
  });
}

/** Which producers feed a plugin: named tables, or by default the previous stage's output. */
function resolveInputs(plugin: PluginConfig, previous: LogicalVertex[], producers: Map<string, LogicalVertex>): LogicalVertex[] {
  const named = plugin.inputs.map((name) => producers.get(name));
  if (named.length > 0 && named.every((producer) => producer !== undefined)) return named as LogicalVertex[];
  // No input named, or (in a simple graph, which SeaTunnel only logs) a table nobody makes: the
  // previous stage's output. Complex graphs with unknown tables never get here (checkJob).
  const last = previous[previous.length - 1];
  if (!last) throw invalidJobConfig(`${plugin.kind} ${plugin.pluginName ?? ''} has no input`);
  return [last];
}

/**
 * Builds SeaTunnel's physical JobDAGInfo from a job config: vertex ids assigned in order of the
 * logical edges sorted by (input, target), transforms merged into `TransformChain[...]` vertices
 * with fresh ids after the plain ones, and one pipeline per connected sub-graph.
 */
export function buildPlan(config: JobConfig): JobPlan {
  const mode = jobMode(config);
  const sim = readSimOptions(config.envOptions);
  const observability = readObservability(config.env);
  const envParallelism = Math.max(1, intOption(config.env['parallelism'], 1));

  let nextId = 1;
  const logical: LogicalVertex[] = [];
  const producers = new Map<string, LogicalVertex>();
  const edges: [LogicalVertex, LogicalVertex][] = [];
  const sourceTableList: SourceTable[] = [];
  const stageOutputs: LogicalVertex[] = [];

  for (const plugin of config.sources) {
    const parallelism = Math.max(1, intOption(plugin.options['parallelism'], envParallelism));
    const tables = sourceTables(plugin, parallelism, mode, sim);
    sourceTableList.push(...tables);
    const vertex = { id: nextId++, plugin, actionName: `Source[${plugin.index}]-${name(plugin)}`, tablePaths: tables.map((t) => t.tablePath) };
    logical.push(vertex);
    if (plugin.output) producers.set(plugin.output, vertex);
    stageOutputs.push(vertex);
  }
  let previous = [...stageOutputs];
  for (const plugin of config.transforms) {
    const inputs = resolveInputs(plugin, previous, producers);
    const vertex = {
      id: nextId++,
      plugin,
      actionName: `Transform[${plugin.index}]-${name(plugin)}`,
      tablePaths: [...new Set(inputs.flatMap((input) => input.tablePaths))],
    };
    logical.push(vertex);
    for (const input of inputs) edges.push([input, vertex]);
    if (plugin.output) producers.set(plugin.output, vertex);
    previous = [vertex];
  }
  const sinkDefaults = config.transforms.length > 0 ? previous : stageOutputs;
  for (const plugin of config.sinks) {
    const inputs = plugin.inputs.length > 0 ? resolveInputs(plugin, previous, producers) : sinkDefaults;
    const tablePaths = [...new Set(inputs.flatMap((input) => input.tablePaths))];
    const multiTable = MULTI_TABLE_SINKS.has(name(plugin).toLowerCase());
    const suffix = multiTable ? 'MultiTableSink' : (tablePaths[0] ?? 'default');
    // A multi-table sink is made once per table and then wrapped: each of those takes an id first.
    if (multiTable) nextId += Math.max(1, tablePaths.length);
    const vertex = { id: nextId++, plugin, actionName: `Sink[${plugin.index}]-${name(plugin)}-${suffix}`, tablePaths };
    logical.push(vertex);
    for (const input of inputs) edges.push([input, vertex]);
  }

  return {
    mode,
    parallelism: envParallelism,
    ...physicalDag(logical, edges),
    sourceTables: sourceTableList,
    logical: {
      // Listed as the edges reach them (a source, then what it feeds), as SeaTunnel's LogicalDag does.
      vertices: edgeOrder(logical, edges).map((v) => ({ id: v.id, name: `${v.actionName}(id=${v.id})`, parallelism: envParallelism })),
      edges: edges.map(([from, to]) => ({ inputVertex: from.actionName, targetVertex: to.actionName })),
    },
    pluginJars: [
      ...new Set([
        ...config.sources.map((p) => connectorArtifact('source', name(p))),
        ...config.sinks.map((p) => connectorArtifact('sink', name(p))),
        ...(config.transforms.length > 0 ? ['seatunnel-transforms-v2'] : []),
      ]),
    ],
    sim,
    ...(observability ? { observability } : {}),
  };
}

const name = (plugin: PluginConfig): string => plugin.pluginName ?? '';

/** The connector artifact a plugin comes from (`FakeSource` → `connector-fake`); the release adds its version to the jar name. */
function connectorArtifact(kind: 'source' | 'sink', pluginName: string): string {
  const mapping = PLUGIN_MAPPINGS['2.3.13'][kind];
  const lower = pluginName.toLowerCase();
  const found = Object.entries(mapping).find(([plugin]) => plugin.toLowerCase() === lower);
  if (found) return found[1];
  return `connector-${pluginName.replace(/Source$|Sink$/, '').replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()}`;
}

/** Vertices in the order a walk over the edges meets them (input, then target), then any left over. */
function edgeOrder(vertices: LogicalVertex[], edges: [LogicalVertex, LogicalVertex][]): LogicalVertex[] {
  const seen = new Set<LogicalVertex>();
  for (const [from, to] of edges) {
    seen.add(from);
    seen.add(to);
  }
  for (const vertex of vertices) seen.add(vertex);
  return [...seen];
}

function physicalDag(logicalVertices: LogicalVertex[], logicalEdges: [LogicalVertex, LogicalVertex][]) {
  let logical = logicalVertices;
  let sorted = [...logicalEdges].sort((a, b) => a[0].id - b[0].id || a[1].id - b[1].id);
  const execId = new Map<LogicalVertex, number>();
  let next = 1;
  for (const [from, to] of sorted) {
    if (!execId.has(from)) execId.set(from, next++);
    if (!execId.has(to)) execId.set(to, next++);
  }
  // A multi-table source feeding several consumers gets a Shuffle vertex in between (fresh id,
  // given before transform chains get theirs, as SeaTunnel's ExecutionPlanGenerator orders it).
  for (const source of logical.filter((v) => v.plugin.kind === 'source' && v.tablePaths.length > 1)) {
    const targets = sorted.filter(([from]) => from === source).map(([, to]) => to);
    if (targets.length < 2) continue;
    const shuffle: LogicalVertex = { id: -source.id, plugin: { ...source.plugin, kind: 'transform' }, actionName: `Shuffle [${source.actionName}]`, tablePaths: [], shuffle: true };
    execId.set(shuffle, next++);
    logical = [...logical, shuffle];
    sorted = [...sorted.filter(([from]) => from !== source), [source, shuffle], ...targets.map((t): [LogicalVertex, LogicalVertex] => [shuffle, t])];
  }
  const inputsOf = (v: LogicalVertex) => sorted.filter(([, to]) => to === v).map(([from]) => from);
  const outputsOf = (v: LogicalVertex) => sorted.filter(([from]) => from === v).map(([, to]) => to);

  // Chains of transforms with a single input and output collapse into one vertex.
  const chainOf = new Map<LogicalVertex, LogicalVertex[]>();
  for (const vertex of logical) {
    if (vertex.plugin.kind !== 'transform' || vertex.shuffle || chainOf.has(vertex)) continue;
    const start = inputsOf(vertex);
    const head = start.length === 1 && start[0]!.plugin.kind === 'transform' && !start[0]!.shuffle && outputsOf(start[0]!).length === 1 ? null : vertex;
    if (!head) continue;
    const chain = [head];
    let tail = head;
    for (;;) {
      const outs = outputsOf(tail);
      const nextT = outs[0];
      if (outs.length !== 1 || !nextT || nextT.plugin.kind !== 'transform' || nextT.shuffle || inputsOf(nextT).length !== 1) break;
      chain.push(nextT);
      tail = nextT;
    }
    for (const member of chain) chainOf.set(member, chain);
  }
  const chainIds = new Map<LogicalVertex[], number>();
  for (const chain of new Set(chainOf.values())) chainIds.set(chain, next++);

  const idOf = (v: LogicalVertex): number => {
    const chain = chainOf.get(v);
    return chain ? chainIds.get(chain)! : execId.get(v)!;
  };
  const vertices = new Map<number, Omit<PlanVertex, 'vertexName'> & { actionName: string }>();
  for (const v of logical) {
    const chain = chainOf.get(v);
    if (chain) {
      const id = chainIds.get(chain)!;
      vertices.set(id, { vertexId: id, type: 'transform', actionName: `TransformChain[${chain.map((c) => c.actionName).join('->')}]`, tablePaths: [] });
    } else if (execId.has(v)) {
      vertices.set(idOf(v), { vertexId: idOf(v), type: v.plugin.kind, actionName: v.actionName, tablePaths: v.tablePaths });
    }
  }
  const edges: PlanEdge[] = [];
  const seen = new Set<string>();
  for (const [from, to] of sorted) {
    const a = idOf(from);
    const b = idOf(to);
    if (a === b || seen.has(`${a}>${b}`)) continue;
    seen.add(`${a}>${b}`);
    edges.push({ inputVertexId: a, targetVertexId: b });
  }

  // One pipeline per connected sub-graph, numbered by their smallest vertex id.
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let root = x;
    while (parent.get(root) !== undefined && parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const id of vertices.keys()) parent.set(id, id);
  for (const e of edges) {
    const a = find(e.inputVertexId);
    const b = find(e.targetVertexId);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const roots = [...new Set([...vertices.keys()].map(find))].sort((a, b) => a - b);
  const pipelineOf = (id: number) => String(roots.indexOf(find(id)) + 1);
  const pipelineEdges: Record<string, PlanEdge[]> = {};
  for (const e of edges) (pipelineEdges[pipelineOf(e.inputVertexId)] ??= []).push(e);

  const ordered = [...vertices.values()].sort((a, b) => a.vertexId - b.vertexId);
  return {
    vertices: ordered.map(({ actionName, ...v }) => ({ ...v, vertexName: `pipeline-${pipelineOf(v.vertexId)} [${actionName}]` })),
    pipelineEdges,
    sinks: ordered.filter((v) => v.type === 'sink').map((v) => ({ vertexId: v.vertexId, tablePaths: v.tablePaths })),
  };
}
