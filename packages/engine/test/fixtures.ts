import {
  finishedJobJson,
  METRICS_2_3_8,
  metricsJson,
  parseJson,
  readJobConfig,
  runningJobJson,
  type JobConfig,
  type JobRecord,
  type JobShape,
  type JobSnapshot,
} from '../src/index.js';

/** The body of SeaTunnel's REST docs example (FakeSource "fake" → Console). */
export const DOCS_EXAMPLE = `{
  "env": {"job.mode": "batch"},
  "source": [{"plugin_name": "FakeSource", "result_table_name": "fake", "row.num": 100,
              "schema": {"fields": {"name": "string", "age": "int", "card": "int"}}}],
  "transform": [],
  "sink": [{"plugin_name": "Console", "source_table_name": ["fake"]}]
}`;

export const config = (text: string): JobConfig => readJobConfig(parseJson(text));

const SHAPE_2_3_9: JobShape = { connectorVersion: '2.3.9', startTime: false, metrics: METRICS_2_3_8 };

/** The job's metrics as 2.3.9 answers them, parsed. */
export const metricsOf = (record: JobRecord, snapshot: JobSnapshot): Record<string, any> => JSON.parse(metricsJson(record, snapshot));
/** A running job as 2.3.9 answers it on `api`, parsed. */
export const runningView = (record: JobRecord, snapshot: JobSnapshot, api: 'v1' | 'v2'): Record<string, any> => JSON.parse(runningJobJson(record, snapshot, api, SHAPE_2_3_9));
/** A job in history as 2.3.9 answers it, parsed. */
export const finishedView = (record: JobRecord, snapshot: JobSnapshot): Record<string, any> => JSON.parse(finishedJobJson(record, snapshot, SHAPE_2_3_9));
