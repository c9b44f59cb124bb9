import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encryptConfig, parseJson, SeaTunnelError, stringifyJson } from '../src/index.js';

const encrypt = (text: string): string => stringifyJson(encryptConfig(parseJson(text)));

function failsWith(text: string, status: number, message: string | null): void {
  assert.throws(
    () => encryptConfig(parseJson(text)),
    (error: unknown) => error instanceof SeaTunnelError && error.httpStatus === status && error.detail === message,
  );
}

describe('encrypt-config', () => {
  it('base64-shades the sensitive options of sources and sinks, as in the docs example', () => {
    const out = encrypt(
      '{"env":{"parallelism":1,"shade.identifier":"base64"},' +
        '"source":[{"plugin_name":"MySQL-CDC","schema":{"fields":{"name":"string","age":"int"}},"result_table_name":"fake","parallelism":1,"hostname":"127.0.0.1","username":"seatunnel","password":"seatunnel_password","table-name":"inventory_vwyw0n"}],' +
        '"transform":[],' +
        '"sink":[{"plugin_name":"Clickhouse","host":"localhost:8123","database":"default","table":"fake_all","username":"seatunnel","password":"seatunnel_password"}]}',
    );
    assert.equal(
      out,
      '{"env":{"parallelism":1,"shade.identifier":"base64"},' +
        '"source":[{"plugin_name":"MySQL-CDC","schema":{"fields":{"name":"string","age":"int"}},"result_table_name":"fake","parallelism":1,"hostname":"127.0.0.1","username":"c2VhdHVubmVs","password":"c2VhdHVubmVsX3Bhc3N3b3Jk","table-name":"inventory_vwyw0n"}],' +
        '"transform":[],' +
        '"sink":[{"plugin_name":"Clickhouse","host":"localhost:8123","database":"default","table":"fake_all","username":"c2VhdHVubmVs","password":"c2VhdHVubmVsX3Bhc3N3b3Jk"}]}',
    );
  });

  it('shades auth and token too, but leaves env, transforms and nested options alone', () => {
    const out = parseJson(
      encrypt(
        '{"env":{"shade.identifier":"base64","password":"p"},"source":[{"plugin_name":"S","auth":"a","token":"t","nested":{"password":"p"}}],' +
          '"transform":[{"plugin_name":"Sql","password":"p"}],"sink":[{"plugin_name":"K"}]}',
      ),
    ) as any;
    assert.equal(out.source[0].auth, 'YQ==');
    assert.equal(out.source[0].token, 'dA==');
    assert.equal(out.source[0].nested.password, 'p');
    assert.equal(out.env.password, 'p');
    assert.equal(out.transform[0].password, 'p');
  });

  it('is the identity without a known shade identifier', () => {
    const text = '{"env":{},"source":[{"plugin_name":"S","password":"secret"}],"sink":[{"plugin_name":"K","username":"u"}]}';
    assert.equal(encrypt(text), text);
    const unknown = '{"env":{"shade.identifier":"aes"},"source":[{"password":"secret"}],"sink":[{"username":"u"}]}';
    assert.equal(encrypt(unknown), unknown);
  });

  it('keeps numbers as numbers (doubles as Java prints them), big ones exact, and shades non-strings from their Java toString', () => {
    const out = encrypt('{"env":{"shade.identifier":"base64"},"source":[{"id":733584788375666689,"rate":1.50,"password":12345,"username":null}],"sink":[{"password":true}]}');
    assert.equal(
      out,
      `{"env":{"shade.identifier":"base64"},"source":[{"id":733584788375666689,"rate":1.5,"password":"${Buffer.from('12345').toString('base64')}","username":null}],"sink":[{"password":"dHJ1ZQ=="}]}`,
    );
  });

  it('encodes UTF-8 text', () => {
    const out = parseJson(encrypt('{"env":{"shade.identifier":"base64"},"source":[{"password":"密码"}],"sink":[{}]}')) as any;
    assert.equal(Buffer.from(out.source[0].password, 'base64').toString('utf8'), '密码');
  });

  it('fails as SeaTunnel fails', () => {
    failsWith('{"env":{},"source":[],"sink":[{}]}', 400, 'Miss <Source> config! Please check the config file.');
    failsWith('{"env":{},"source":[{}],"sink":[]}', 400, 'Miss <Sink> config! Please check the config file.');
    // Java 17's helpful NullPointerException text, as a real 2.3.8 engine answers (captures/2.3.8/035).
    failsWith('{"env":{},"sink":[{}]}', 500, 'Cannot invoke "java.util.List.isEmpty()" because "sources" is null');
    failsWith('{"env":{},"source":[{}]}', 500, 'Cannot invoke "java.util.List.isEmpty()" because "sinks" is null');
    failsWith('{"source":{"plugin_name":"S"},"sink":[{}]}', 500, "class java.util.LinkedHashMap cannot be cast to class java.util.ArrayList (java.util.LinkedHashMap and java.util.ArrayList are in module java.base of loader 'bootstrap')");
    failsWith('{"source":["x"],"sink":[{}]}', 500, "class java.lang.String cannot be cast to class java.util.Map (java.lang.String and java.util.Map are in module java.base of loader 'bootstrap')");
    failsWith('[1]', 400, 'Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.Object>` from Array value (token `JsonToken.START_ARRAY`)\n at [Source: UNKNOWN; byte offset: #UNKNOWN]');
    failsWith('null', 500, null);
  });
});
