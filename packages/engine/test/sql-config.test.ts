import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { apiProfile, bodyFormat, parseSubmission, parseUploadSubmission, readJobConfig, readSqlJobConfig, SeaTunnelError, uploadFormat } from '../src/index.js';
import { buildSqlJob } from '../src/sql/job-builder.js';
import { readSqlScript } from '../src/sql/script.js';

/**
 * The expectations below were read off SeaTunnel's SqlConfigBuilder logic run over JSqlParser 4.9
 * (the parser 2.3.12/2.3.13 ship): which statements it takes, and the HOCON it renders.
 */

/** The SQL example of SeaTunnel's REST API v2 docs (apache/seatunnel#9802). */
const DOCS_SQL_JOB = `/* config
env {
  parallelism = 2
  job.mode = "BATCH"
}
*/

CREATE TABLE fake_source (
    id INT,
    name STRING,
    age INT
) WITH (
    'connector' = 'FakeSource',
    'rows' = '[
        { fields = [1, "Alice", 25], kind = INSERT },
        { fields = [2, "Bob", 30], kind = INSERT }
    ]',
    'schema' = '{
        fields {
            id = "int",
            name = "string",
            age = "int"
        }
    }',
    'type' = 'source'
);

CREATE TABLE console_sink (
    id INT,
    name STRING,
    age INT
) WITH (
    'connector' = 'Console',
    'type' = 'sink'
);

INSERT INTO console_sink SELECT * FROM fake_source;
`;

/** The same job as a JSON body: `INSERT … SELECT … FROM` became a Sql transform writing `<table>__temp1`. */
const DOCS_JSON_JOB = {
  env: { parallelism: 2, 'job.mode': 'BATCH' },
  source: [
    {
      rows: [
        { fields: [1, 'Alice', 25], kind: 'INSERT' },
        { fields: [2, 'Bob', 30], kind: 'INSERT' },
      ],
      schema: { fields: { id: 'int', name: 'string', age: 'int' } },
      plugin_output: 'fake_source',
      plugin_name: 'FakeSource',
    },
  ],
  transform: [{ plugin_input: 'fake_source', query: 'SELECT * FROM fake_source', plugin_output: 'fake_source__temp1', plugin_name: 'sql' }],
  sink: [{ plugin_input: 'fake_source__temp1', plugin_name: 'Console' }],
};

const HEAD = `/* config
env {
  job.mode = "BATCH"
}
*/
CREATE TABLE fake (id INT, name STRING) WITH (
  'connector' = 'FakeSource',
  'row.num' = '10',
  'schema' = '{ fields { id = "int", name = "string" } }',
  'type' = 'source'
);
CREATE TABLE sink (id INT) WITH ('connector' = 'Console', 'type' = 'sink');
`;

const job = (statements: string): string => `${HEAD}${statements}\n`;

const PARSE_FAILED = 'Failed to parse job config: ';

/** Config objects are null-prototype maps: compared as the plain JSON they hold. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const refused = (fn: () => unknown, status: number, message: string | null) =>
  assert.throws(fn, (e: unknown) => e instanceof SeaTunnelError && e.httpStatus === status && e.detail === message);

const SQL_FORMATS = apiProfile('2.3.13').formats;

describe('readSqlJobConfig: a SQL job read as SeaTunnel 2.3.12+ reads it', () => {
  it('the docs example is the same JobConfig as its JSON equivalent', () => {
    assert.deepEqual(plain(readSqlJobConfig(DOCS_SQL_JOB)), plain(readJobConfig(DOCS_JSON_JOB)));
  });

  it('renders the HOCON SqlConfigBuilder renders, character for character', () => {
    assert.equal(
      buildSqlJob(DOCS_SQL_JOB),
      [
        'env {', '  parallelism = 2', '  job.mode = "BATCH"', '}',
        'source {', '  FakeSource {',
        '    rows = [ { fields = [1, "Alice", 25], kind = INSERT }, { fields = [2, "Bob", 30], kind = INSERT } ]',
        '    schema = { fields { id = "int", name = "string", age = "int" } }',
        '    plugin_output = "fake_source"', '  }', '}',
        'transform {', '  sql {', '    plugin_input = "fake_source"', '    query = """SELECT * FROM fake_source"""', '    plugin_output = "fake_source__temp1"', '  }', '}',
        'sink {', '  Console {', '    plugin_input = "fake_source__temp1"', '  }', '}', '',
      ].join('\n'),
    );
  });

  it('INSERT INTO sink SELECT table wires the sink straight to the table; option values become strings', () => {
    const config = readSqlJobConfig(job('INSERT INTO sink SELECT fake;'));
    assert.deepEqual(config.transforms, []);
    assert.equal(config.sources[0]!.options['row.num'], '10');
    assert.deepEqual(config.sources[0]!.output, 'fake');
    assert.deepEqual([config.sinks[0]!.pluginName, config.sinks[0]!.inputs], ['Console', ['fake']]);
  });

  it('each INSERT is a copy of its sink; CREATE TABLE … AS SELECT is a Sql transform named after the table', () => {
    const config = readSqlJobConfig(job("CREATE TABLE adults AS SELECT id, name FROM fake WHERE id > 1;\nINSERT INTO sink SELECT adults;\nINSERT INTO sink SELECT upper(name) AS n FROM fake WHERE name LIKE 'a%';"));
    assert.deepEqual(
      config.transforms.map((t) => [t.pluginName, t.inputs, t.output, t.options['query']]),
      [
        ['sql', ['fake'], 'adults', 'SELECT id, name FROM fake WHERE id > 1'],
        ['sql', ['fake'], 'fake__temp1', "SELECT upper(name) AS n FROM fake WHERE name LIKE 'a%'"],
      ],
    );
    assert.deepEqual(config.sinks.map((s) => s.inputs), [['adults'], ['fake__temp1']]);
  });

  it('sink options are kept, its own plugin_input is not; \'\' is a quote', () => {
    const config = readSqlJobConfig(job("CREATE TABLE out (a INT) WITH ('connector'='Console', 'type'='SINK', 'plugin_input'='zzz', 'log.print.data'='it''s');\nINSERT INTO out SELECT fake;"));
    assert.deepEqual(plain(config.sinks.map((s) => s.options)), [{ 'log.print.data': "it's", plugin_input: 'fake', plugin_name: 'Console' }]);
  });

  it('comments: -- lines, /* … */ blocks and a trailing " --" are dropped; config blocks add up', () => {
    const script = readSqlScript("-- head\n/* config\nenv { a = 1 }\n*/\n/*\n note\n*/\n/* config\nsource {}\n*/\nINSERT INTO s SELECT t; -- tail\nINSERT INTO s\n  SELECT u;\nINSERT INTO s SELECT v");
    assert.deepEqual(script.configBlocks, ['env { a = 1 }', 'source {}']);
    // the last statement has no `;`: SeaTunnel drops it
    assert.deepEqual(script.statements, ['INSERT INTO s SELECT t', 'INSERT INTO s SELECT u']);
  });

  it('JSqlParser\'s column types: ARRAY<INT>, DECIMAL(10, 2), INT[] and constraints pass', () => {
    const sql = job("CREATE TABLE out (a ARRAY<DECIMAL(10,2)>, b INT[], c MAP, d varchar(10) NOT NULL DEFAULT 'x', PRIMARY KEY (a)) WITH ('connector'='Console','type'='sink');\nINSERT INTO out SELECT fake;");
    assert.equal(readSqlJobConfig(sql).sinks.length, 1);
  });

  describe('every failure is the one 500 "Failed to parse job config: "', () => {
    const cases: Record<string, string> = {
      'not SQL': 'hello world',
      'a JSON body': '{"env": {}}',
      'an empty body': '',
      'no INSERT': HEAD,
      'no source table': "CREATE TABLE sink (id INT) WITH ('connector' = 'Console', 'type' = 'sink');\nINSERT INTO sink SELECT fake;",
      'an unknown source table': job('INSERT INTO sink SELECT * FROM nosuch;'),
      'an unknown sink table': job('INSERT INTO nosuch SELECT * FROM fake;'),
      'inserting into a source': job('INSERT INTO fake SELECT * FROM fake;'),
      'INSERT with columns': job('INSERT INTO sink (a, b) SELECT * FROM fake;'),
      'INSERT … VALUES': job('INSERT INTO sink VALUES (1, 2);'),
      'UNION': job('INSERT INTO sink SELECT * FROM fake UNION SELECT * FROM fake;'),
      'a subquery in FROM': job('INSERT INTO sink SELECT * FROM (SELECT * FROM fake) x;'),
      'a SELECT statement': job('SELECT * FROM fake;'),
      'a syntax error': job('INSERT INTO sink SELECT * FROM fake WHERE;'),
      'two select items without FROM': job('INSERT INTO sink SELECT fake, fake;'),
      'a literal without FROM': job("INSERT INTO sink SELECT 'fake';"),
      'a duplicate table': job("CREATE TABLE fake (a INT) WITH ('connector'='Console', 'type'='sink');\nINSERT INTO sink SELECT fake;"),
      'a sink without connector': job("CREATE TABLE s2 (a INT) WITH ('type'='sink');\nINSERT INTO s2 SELECT fake;"),
      'MAP<…> columns': job("CREATE TABLE s2 (a MAP<STRING, INT>) WITH ('connector'='Console','type'='sink');\nINSERT INTO s2 SELECT fake;"),
      'a BYTES column (a JSqlParser keyword)': job("CREATE TABLE s2 (a BYTES) WITH ('connector'='Console','type'='sink');\nINSERT INTO s2 SELECT fake;"),
      'a negative option value': job("CREATE TABLE s2 (a INT) WITH ('connector'='Console', 'n'=-1, 'type'='sink');\nINSERT INTO s2 SELECT fake;"),
      'unquoted option keys (the option text does not split: no type)': job("CREATE TABLE s2 (a INT) WITH (connector='Console', type='sink');\nINSERT INTO s2 SELECT fake;"),
      'an option value the HOCON template breaks on': job("CREATE TABLE s2 (a INT) WITH ('connector'='Console', 'type'='sink', 'm'='{ x = }');\nINSERT INTO s2 SELECT fake;"),
      'a bad config block': '/* config\nenv {\n  job.mode = \n*/\n' + job('INSERT INTO sink SELECT fake;').split('*/\n')[1],
      'CREATE TABLE without options or query': job('CREATE TABLE t2 (a INT);\nINSERT INTO sink SELECT fake;'),
    };
    for (const [name, sql] of Object.entries(cases)) it(name, () => refused(() => readSqlJobConfig(sql), 500, PARSE_FAILED));
  });

  it('after the builder, the config is read like HOCON: no config block → no env', () =>
    refused(() => readSqlJobConfig(job('INSERT INTO sink SELECT fake;').split('*/\n')[1]!), 500, "No configuration setting found for key 'env'"));
});

describe('format=sql and .sql uploads follow the release', () => {
  it('ConfigFormat.fromString: any case; releases before 2.3.12 read JSON', () => {
    assert.equal(bodyFormat('SQL', SQL_FORMATS), 'sql');
    assert.equal(bodyFormat('sql', apiProfile('2.3.12').formats), 'sql');
    assert.equal(bodyFormat('sql', apiProfile('2.3.11').formats), 'json');
    assert.equal(bodyFormat('sqlx', SQL_FORMATS), 'json');
  });

  it('submit-job: a SQL body on 2.3.13; on 2.3.11 it is JSON and gets the JSON error', () => {
    const submission = parseSubmission({ format: 'sql', jobName: 'sql-job' }, DOCS_SQL_JOB, SQL_FORMATS);
    assert.equal(submission.jobName, 'sql-job');
    assert.deepEqual(plain(submission.config), plain(readJobConfig(DOCS_JSON_JOB)));
    refused(() => parseSubmission({ format: 'sql' }, DOCS_SQL_JOB, apiProfile('2.3.11').formats), 400, 'Invalid JSON format in request body.');
  });

  it('the savepoint check comes before the SQL, the SQL before the job id', () => {
    refused(() => parseSubmission({ format: 'sql', isStartWithSavePoint: 'true' }, 'not sql', SQL_FORMATS), 400, 'Please provide jobId when start with save point.');
    refused(() => parseUploadSubmission({ jobId: 'x1' }, { fileName: 'job.sql', content: 'not sql' }, SQL_FORMATS), 500, PARSE_FAILED);
  });

  it('uploads: .sql is SQL from 2.3.12 (HOCON before), .json JSON, anything else HOCON; names are case-sensitive', () => {
    assert.equal(uploadFormat('job.sql', SQL_FORMATS), 'sql');
    assert.equal(uploadFormat('job.SQL', SQL_FORMATS), 'hocon');
    assert.equal(uploadFormat('job.sql', apiProfile('2.3.11').formats), 'hocon');
    assert.equal(uploadFormat('job.json', SQL_FORMATS), 'json');
    const upload = parseUploadSubmission({ jobName: 'up' }, { fileName: 'job.sql', content: DOCS_SQL_JOB }, SQL_FORMATS);
    assert.deepEqual(plain(upload.config), plain(readJobConfig(DOCS_JSON_JOB)));
    assert.throws(() => parseUploadSubmission({}, { fileName: 'job.sql', content: DOCS_SQL_JOB }, apiProfile('2.3.11').formats), SeaTunnelError);
  });
});
