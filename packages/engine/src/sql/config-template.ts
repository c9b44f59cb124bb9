/**
 * The HOCON text SeaTunnel's SqlConfigBuilder renders a SQL job into (ConfigTemplate.generate),
 * character for character: the builder hands this text to Typesafe's parser, so what the job
 * becomes — and whether it parses at all — follows from it.
 */

/** A source or sink: its connector and its options as HOCON value text, in insertion order. */
export interface SqlConnectorBlock {
  connector: string;
  /** key → value text; SeaTunnel's Option set keeps the first value of a key. */
  options: Map<string, string>;
}

/** A Sql transform the builder made from a query. */
export interface SqlTransformBlock {
  input: string;
  output: string;
  query: string;
}

export interface SqlJobModel {
  configBlocks: string[];
  sources: SqlConnectorBlock[];
  transforms: SqlTransformBlock[];
  sinks: SqlConnectorBlock[];
}

function connectorItems(blocks: readonly SqlConnectorBlock[]): string {
  let text = '';
  for (const block of blocks) {
    if (block.options.size === 0) continue;
    text += `  ${block.connector} {\n`;
    for (const [key, value] of block.options) text += `    ${key} = ${value}\n`;
    text += '  }\n';
  }
  return text;
}

function transformItems(transforms: readonly SqlTransformBlock[]): string {
  return transforms
    .map((t) => `  sql {\n    plugin_input = "${t.input}"\n    query = """${t.query}"""\n    plugin_output = "${t.output}"\n  }\n`)
    .join('');
}

export function renderSqlJob(job: SqlJobModel): string {
  const env = job.configBlocks.map((block) => `${block}\n`).join('');
  return (
    env +
    `source {\n${connectorItems(job.sources)}}\n` +
    `transform {\n${transformItems(job.transforms)}}\n` +
    `sink {\n${connectorItems(job.sinks)}}\n`
  );
}
