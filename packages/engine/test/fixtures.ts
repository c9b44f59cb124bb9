import { parseJson, readJobConfig, type JobConfig } from '../src/index.js';

/** The body of SeaTunnel's REST docs example (FakeSource "fake" → Console). */
export const DOCS_EXAMPLE = `{
  "env": {"job.mode": "batch"},
  "source": [{"plugin_name": "FakeSource", "result_table_name": "fake", "row.num": 100,
              "schema": {"fields": {"name": "string", "age": "int", "card": "int"}}}],
  "transform": [],
  "sink": [{"plugin_name": "Console", "source_table_name": ["fake"]}]
}`;

export const config = (text: string): JobConfig => readJobConfig(parseJson(text));
