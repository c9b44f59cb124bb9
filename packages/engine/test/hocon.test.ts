import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConfigError,
  parseConfig,
  parseSubmission,
  parseUploadSubmission,
  readConfigText,
  renderConfig,
  SeaTunnelError,
  servletHoconBody,
  type ConfigValue,
  type SubmitFormat,
} from '../src/index.js';

/** A parsed value as plain data (unresolved values as `<Class text>`), to compare with deepEqual. */
function plain(value: ConfigValue): unknown {
  switch (value.type) {
    case 'object':
      return Object.fromEntries([...value.entries].map(([k, v]) => [k, plain(v)]));
    case 'list':
      return value.items.map(plain);
    case 'string':
    case 'boolean':
      return value.value;
    case 'number':
      return Number(value.text);
    case 'null':
      return null;
    case 'unresolved':
      return `<${value.className} ${value.text}>`;
  }
}

const parsed = (text: string, syntax: 'conf' | 'json' = 'conf') => plain(parseConfig(text, syntax));
const parseFails = (text: string, message: string, syntax: 'conf' | 'json' = 'conf') =>
  assert.throws(() => parseConfig(text, syntax), (e: unknown) => e instanceof ConfigError && e.message === message);
const fails = (fn: () => unknown, status: number, message: string | null) =>
  assert.throws(fn, (e: unknown) => e instanceof SeaTunnelError && e.httpStatus === status && e.detail === message);

// SeaTunnel's own test resources for its shaded config (seatunnel-config-shade/src/test/resources).
const SERIALIZE_CONF = `
env {
  job.mode = BATCH
}

source {
  FakeSource {
    row.num = 100
    schema {
      fields {
        name = string
        age = int
      }
    }
  }
}

sink {
  Console {}
}
`;

const FACTORY_CONF = `
######
###### This config file is a demonstration of streaming processing in seatunnel config
######

env {
  spark.app.name = "SeaTunnel"
  spark.executor.instances = 2
  "spark.executor.cores" = 1
  "spark.executor.memory" = "1g"
  "spark.stream.batchDuration" = 5
}

source {

  fakeStream {
    content = ["Hello World, SeaTunnel"]
  }

}

transform {

  split {
    fields = ["msg", "name"]
    delimiter = ","
  }

  sql1 {
    sql = "sql1"
  }

  sql2 {
    sql = "sql2"
  }

  sql3 {
    sql = "sql3"
  }

  json {
    sql = "sql3"
  }

}

sink {
  Console {}
  c.Console {}
}
`;

const SPARK_BATCH_CONF = `
env {
  spark.app.name = "SeaTunnel"
  spark.executor.instances = 2
  spark.executor.cores = 1
  spark.executor.memory = "1g"
}

source {
  Fake {
    plugin_output = "my_dataset"
  }


}

transform {


}

sink {
  Console {}


}
`;

const SPARK_BATCH_JSON = `{
  "env" : {
    "spark.app.name" : "SeaTunnel",
    "spark.executor.cores" : 1,
    "spark.executor.instances" : 2,
    "spark.executor.memory" : "1g"
  },
  "sink" : [
    {
      "plugin_name" : "Console"
    }
  ],
  "source" : [
    {
      "plugin_name" : "Fake",
      "plugin_output" : "my_dataset"
    }
  ],
  "transform" : []
}`;

const VARIABLES_CONF = `
source {
  fakestream {
    content = [
      "20190318, beijing, first message",
      "20190319, shanghai, second message",
      "20190318, shanghai, third message"
    ]
    rate = 1
  }
}

transform {
  split {
    fields = ["dt", "city", "msg"]
    delimiter = ","
  }

  sql {
    table_name = "user_view"
    sql = "select * from dual where city = '"\${city2}"'"
    plugin_output = "result1"
  }

  sql {
    table_name = "user_view"
    sql = "select * from dual where dt = '"\${dt}"'"
    plugin_output = "result2"
  }
}

sink {
  stdout {
    plugin_input="result1"
  }

  stdout {
  }
}
`;

// The HOCON example of the REST v2 docs (PR #8000) and its JSON twin.
const DOCS_HOCON = `env {
  job.mode = "batch"
}

source {
  FakeSource {
    result_table_name = "fake"
    row.num = 100
    schema = {
      fields {
        name = "string"
        age = "int"
        card = "int"
      }
    }
  }
}

transform {
}

sink {
  Console {
    source_table_name = "fake"
  }
}
`;

const DOCS_JSON = JSON.stringify({
  env: { 'job.mode': 'batch' },
  source: [{ plugin_name: 'FakeSource', result_table_name: 'fake', 'row.num': 100, schema: { fields: { name: 'string', age: 'int', card: 'int' } } }],
  transform: [],
  sink: [{ plugin_name: 'Console', source_table_name: ['fake'] }],
});

// The upload test file of PR #8442 (upload-file/fake_to_console.conf).
const FAKE_TO_CONSOLE_CONF = `
#
# Licensed to the Apache Software Foundation (ASF) under one or more
#
######
###### This config file is a demonstration of streaming processing in seatunnel config
######

env {
  parallelism = 1
  job.mode = "BATCH"
}

source {
  # This is a example source plugin **only for test and demonstrate the feature source plugin**
  FakeSource {
    plugin_output = "fake"
    parallelism = 1
    schema = {
      fields {
        name = "string"
        age = "int"
      }
    }
  }
}

transform {
}

sink {
  console {
    plugin_input="fake"
  }
}
`;

const HOCON: ReadonlySet<SubmitFormat> = new Set(['hocon']);

describe('HOCON as SeaTunnel\'s shaded Typesafe Config reads it', () => {
  it('serialize.conf renders as SeaTunnel\'s ConfigTest expects: flat dotted keys, plugin_name last', () => {
    assert.equal(
      renderConfig(parseConfig(SERIALIZE_CONF)),
      '{"env":{"job.mode":"BATCH"},"source":[{"row.num":100,"schema":{"fields":{"name":"string","age":"int"}},"plugin_name":"FakeSource"}],"sink":[{"plugin_name":"Console"}]}',
    );
  });

  it('config.conf: quoted and unquoted dotted env keys stay flat; plugins keep their order; c.Console is one name', () => {
    const config = parsed(FACTORY_CONF) as Record<string, any>;
    assert.deepEqual(config['env'], {
      'spark.app.name': 'SeaTunnel',
      'spark.executor.instances': 2,
      'spark.executor.cores': 1,
      'spark.executor.memory': '1g',
      'spark.stream.batchDuration': 5,
    });
    assert.deepEqual(config['transform'].map((t: any) => t.plugin_name), ['split', 'sql1', 'sql2', 'sql3', 'json']);
    assert.deepEqual(config['sink'], [{ plugin_name: 'Console' }, { plugin_name: 'c.Console' }]);
    assert.deepEqual(config['source'], [{ content: ['Hello World, SeaTunnel'], plugin_name: 'fakeStream' }]);
  });

  it('spark.batch.conf equals its JSON twin (JsonFormatTest); an empty block is an empty list', () => {
    assert.deepEqual(parsed(SPARK_BATCH_CONF), parsed(SPARK_BATCH_JSON, 'json'));
  });

  it('variables.conf: two plugins of one name stay two, in order; ${var} inside stays unresolved', () => {
    const config = parsed(VARIABLES_CONF) as Record<string, any>;
    assert.deepEqual(config['transform'].map((t: any) => [t.plugin_name, t.plugin_output ?? null]), [['split', null], ['sql', 'result1'], ['sql', 'result2']]);
    assert.match(config['transform'][1].sql, /^<ConfigConcatenation /);
    assert.deepEqual(config['sink'], [{ plugin_input: 'result1', plugin_name: 'stdout' }, { plugin_name: 'stdout' }]);
  });

  it('a plugin_name set in the block wins over its key, and keeps its place', () => {
    assert.deepEqual(parsed('source { Fake { a = 1, plugin_name = "Real", b = 2 } }'), { source: [{ a: 1, plugin_name: 'Real', b: 2 }] });
  });

  it('`->` is the path separator: a->b nests, a.b does not', () => {
    assert.deepEqual(parsed('a->b = 1\na->c = 2\n"x->y" = 3\nrow.num = 4'), { a: { c: 2, b: 1 }, 'x->y': 3, 'row.num': 4 });
    assert.deepEqual(parsed('source { FakeSource->row.num = 5 }'), { source: [{ 'row.num': 5, plugin_name: 'FakeSource' }] });
  });

  it('repeated keys: objects merge (the later wins, its keys first), anything else is replaced', () => {
    assert.deepEqual(parsed('a { x = 1, y = 2 }\na { z = 3, x = 4 }\nb = 1\nb = [2]'), { a: { z: 3, x: 4, y: 2 }, b: [2] });
  });

  it('values: concatenation, numbers, booleans, null, triple quotes, comments, separators', () => {
    assert.deepEqual(
      parsed(`
        s = foo bar 1.5 true   // a comment
        n = 16, d = 1.5e3, big = 99999999999999999999, hex = 0x10
        t = """say "hi" """
        q = "a" "b"
        nul = null
        l = [1, 2] [3]
        o = {a: 1} {b: 2}
        e : []
        trailing = [1, 2,]
        multi = [
          one
          two
        ]
      `),
      {
        s: 'foo bar 1.5 true', n: 16, d: 1500, big: '99999999999999999999', hex: '0x10', t: 'say "hi" ', q: 'a b', nul: null,
        l: [1, 2, 3], o: { b: 2, a: 1 }, e: [], trailing: [1, 2], multi: ['one', 'two'],
      },
    );
  });

  it('substitutions and += are kept unresolved (nothing is resolved on SeaTunnel\'s REST path)', () => {
    assert.deepEqual(parsed('home = ${?HOME}\nx = ${a->b}\nl += 1'), {
      home: '<ConfigReference ${?HOME}>',
      x: '<ConfigReference ${a->b}>',
      l: '<ConfigConcatenation ${?l}[1]>',
    });
  });

  it('an optional include reads nothing; a required one fails', () => {
    assert.deepEqual(parsed('include "other.conf"\na = 1'), { a: 1 });
    parseFails('include required("other.conf")', 'String: 1: resource not found on classpath: other.conf');
  });

  it('a list of objects under source is itself turned into plugin lists (SeaTunnel\'s patch reaches into arrays)', () => {
    assert.deepEqual(parsed('source = [ { plugin_name = "Fake" } ]'), { source: [['Fake']] });
  });
});

describe('HOCON syntax errors: Typesafe Config 1.3.3\'s messages', () => {
  it('unclosed object', () => parseFails('env {\n  job.mode = "BATCH"\n', "String: 3: expecting a close parentheses ')' here, not: end of file"));
  it('object value without a separator before the end', () => parseFails('a { b = 1', 'String: 1: Expecting close brace } or a comma, got end of file'));
  it('unterminated string', () =>
    parseFails(
      'a = "abc',
      "String: 1: Expecting a value but got wrong token: '' (End of input but string quote was still open) (if you intended '' (End of input but string quote was still open) to be part of a key or string value, try enclosing the key or value in double quotes, or you may be able to rename the file .properties rather than .conf)",
    ));
  it('a stray close brace', () =>
    parseFails(
      'a = 1 }',
      "String: 1: unbalanced close brace '}' with no open brace (if you intended '}' to be part of a key or string value, try enclosing the key or value in double quotes, or you may be able to rename the file .properties rather than .conf)",
    ));
  it('a reserved character', () =>
    parseFails(
      'a = foo!bar',
      "String: 1: Expecting end of input or a comma, got '!' (Reserved character '!' is not allowed outside quotes) (if you intended '!' (Reserved character '!' is not allowed outside quotes) to be part of a key or string value, try enclosing the key or value in double quotes, or you may be able to rename the file .properties rather than .conf)",
    ));
  it('a key without a value', () =>
    parseFails('source {\n  FakeSource\n}', "String: 3: Key 'FakeSource' may not be followed by token: '}' (if you intended '}' to be part of a key or string value, try enclosing the key or value in double quotes)"));
  it('a list cut short', () =>
    parseFails('a = [1,', 'String: 1: List should have had new element after a comma, instead had token: end of file (if you want the comma or end of file to be part of a string value, then double-quote it)'));
  it('a bad escape', () =>
    parseFails(
      'a = "\\q"',
      "String: 1: Expecting a value but got wrong token: 'q' (backslash followed by 'q', this is not a valid escape sequence (quoted strings use JSON escaping, so use double-backslash \\\\ for literal backslash)) (if you intended 'q' (backslash followed by 'q', this is not a valid escape sequence (quoted strings use JSON escaping, so use double-backslash \\\\ for literal backslash)) to be part of a key or string value, try enclosing the key or value in double quotes, or you may be able to rename the file .properties rather than .conf)",
    ));
  it('a key path with an empty element', () =>
    parseFails('a-> = 1', 'String: 1: path has a leading, trailing, or two adjacent period \'.\' (use quoted "" empty string if you want an empty element)'));
  it('mixing an object and a string in a concatenation', () =>
    parseFails('a = "x" {b: 1}', 'String: 1: Cannot concatenate object or list with a non-object-or-list, Quoted("x") and SimpleConfigObject({"b":1}) are not compatible'));
});

describe('JSON syntax (uploaded .json files)', () => {
  it('parses JSON, keeps plugin lists as written', () =>
    assert.deepEqual(parsed('{"source": [{"plugin_name": "F", "row.num": 1}]}', 'json'), { source: [{ plugin_name: 'F', 'row.num': 1 }] }));
  it('refuses duplicate fields', () => parseFails('{"a": 1, "a": 2}', "String: 1: JSON does not allow duplicate fields: 'a' was already seen", 'json'));
  it('refuses HOCON', () => parseFails('env { }', "String: 1: Token not allowed in valid JSON: 'env'", 'json'));
  it('refuses an empty document', () => parseFails('  \n', 'String: 2: Empty document', 'json'));
  it('refuses an array at the root', () => parseFails('[1]', 'String: 1:  has type LIST rather than object at file root', 'json'));
});

describe('HOCON job configs as SeaTunnel\'s REST submission reads them', () => {
  it('the docs\' HOCON example gives the same job config as its JSON twin', () => {
    const fromHocon = readConfigText(DOCS_HOCON, 'conf');
    const fromJson = parseSubmission({}, DOCS_JSON).config;
    assert.deepEqual(fromHocon.envOptions, { 'job.mode': 'batch' });
    assert.deepEqual(fromHocon.envOptions, fromJson.envOptions);
    const shape = (c: typeof fromHocon) => [...c.sources, ...c.transforms, ...c.sinks].map((p) => [p.kind, p.index, p.pluginName, p.inputs, p.output]);
    assert.deepEqual(shape(fromHocon), shape(fromJson));
    assert.equal(fromHocon.sources[0]?.options['row.num'], 100);
  });

  it('fake_to_console.conf (PR #8442): env values render as strings, lower-case console sink', () => {
    const config = readConfigText(FAKE_TO_CONSOLE_CONF, 'conf');
    assert.deepEqual(config.envOptions, { parallelism: '1', 'job.mode': 'BATCH' });
    assert.deepEqual(config.sinks.map((s) => [s.pluginName, s.inputs]), [['console', ['fake']]]);
  });

  it('two sources of the same plugin are two sources, in order', () => {
    const config = readConfigText('env {}\nsource {\n  FakeSource { plugin_output = "a" }\n  FakeSource { plugin_output = "b" }\n}\nsink { Console { plugin_input = "a,b" } }', 'conf');
    assert.deepEqual(config.sources.map((s) => [s.index, s.pluginName, s.output]), [[0, 'FakeSource', 'a'], [1, 'FakeSource', 'b']]);
  });

  it('errors in SeaTunnel\'s reading order', () => {
    fails(() => readConfigText('', 'conf'), 500, "No configuration setting found for key 'env'");
    fails(() => readConfigText('env = 5', 'conf'), 500, 'String: 1: env has type NUMBER rather than OBJECT');
    fails(() => readConfigText('env = ${X}', 'conf'), 500, 'env has not been resolved, you need to call Config#resolve(), see API docs for Config#resolve()');
    fails(() => readConfigText('env { mode = ${?MODE} }\nsource { F {} }\nsink { C {} }', 'conf'), 400, 'Json parsing exception.');
    fails(() => readConfigText('env {}\nsource { F { pass = ${?PASS} } }\nsink { C {} }', 'conf'), 400, 'Json parsing exception.');
    fails(() => readConfigText('env { a = 1. }\nsource { F {} }\nsink { C {} }', 'conf'), 400, 'Json parsing exception.');
    fails(() => readConfigText('env { a = "x }', 'conf'), 500, "String: 1: Expecting a value but got wrong token: '' (End of input but string quote was still open) (if you intended '' (End of input but string quote was still open) to be part of a key or string value, try enclosing the key or value in double quotes, or you may be able to rename the file .properties rather than .conf)");
    // Unresolved values nobody reads are harmless.
    assert.equal(readConfigText('home = ${?HOME}\nenv {}\nsource { F {} }\nsink { C {} }', 'conf').sources.length, 1);
  });
});

describe('submit-job?format=hocon and submit-job/upload', () => {
  const JOB = 'env { job.mode = "BATCH" }\nsource { FakeSource {} }\nsink { Console {} }';

  it('format=hocon in any case reads HOCON; anything else reads JSON, and so does hocon where the release has no HOCON', () => {
    fails(() => parseSubmission({ format: 'hocon' }, JOB), 400, 'Invalid JSON format in request body.');
    assert.equal(parseSubmission({ format: 'HOCON' }, JOB, HOCON).config.sources[0]?.pluginName, 'FakeSource');
    fails(() => parseSubmission({ format: 'conf' }, JOB, HOCON), 400, 'Invalid JSON format in request body.');
    fails(() => parseSubmission({ format: 'hocon' }, '   ', HOCON), 500, "No configuration setting found for key 'env'");
  });

  it('the savepoint and id checks still come first', () => {
    fails(() => parseSubmission({ format: 'hocon', isStartWithSavePoint: 'true' }, '{', HOCON), 400, 'Please provide jobId when start with save point.');
    fails(() => parseSubmission({ format: 'hocon', jobId: 'x' }, '{', HOCON), 400, 'For input string: "x"');
  });

  it('v2 re-joins HOCON lines with \\n (BufferedReader.readLine)', () => {
    assert.equal(servletHoconBody('a = 1\r\nb = 2\rc = 3\n\nd = 4'), 'a = 1\nb = 2\nc = 3\n\nd = 4\n');
    assert.equal(servletHoconBody('x\n'), 'x\n');
    assert.equal(servletHoconBody(''), '');
  });

  it('upload: .json → JSON syntax, anything else → HOCON; the file is parsed before the parameters are checked', () => {
    assert.equal(parseUploadSubmission({ jobName: 'u' }, { fileName: 'job.conf', content: JOB }).jobName, 'u');
    assert.equal(parseUploadSubmission({}, { fileName: 'job.txt', content: JOB }).config.sinks[0]?.pluginName, 'Console');
    assert.equal(parseUploadSubmission({}, { fileName: 'job.json', content: DOCS_JSON }).config.sources[0]?.pluginName, 'FakeSource');
    // `.JSON` is not `.json`: the JSON is read as HOCON, where SeaTunnel's patch turns each object
    // of the `source` list into a list too, so the plugin config is no object (SeaTunnel: 500 as well).
    fails(() => parseUploadSubmission({}, { fileName: 'job.JSON', content: DOCS_JSON }), 500, 'Config of source[0] must be an object');
    fails(() => parseUploadSubmission({ isStartWithSavePoint: 'true' }, { fileName: 'job.json', content: 'x' }), 500, "String: 1: Token not allowed in valid JSON: 'x'");
    fails(() => parseUploadSubmission({ isStartWithSavePoint: 'true' }, { fileName: 'job.conf', content: JOB }), 400, 'Please provide jobId when start with save point.');
  });

  it('upload without the part, or a part without a file name: NullPointerException (500, no message)', () => {
    fails(() => parseUploadSubmission({}, null), 500, null);
    fails(() => parseUploadSubmission({}, { fileName: null, content: JOB }), 500, null);
  });
});
