import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsonDepth, MAX_JSON_DEPTH, parseJson, stringifyJson, javaToString } from '../src/index.js';

describe('lossless JSON', () => {
  it('keeps a 64-bit job id in a request body exact', () => {
    const parsed = parseJson('{"jobId":733584788375666689}') as Record<string, unknown>;
    assert.equal(String(parsed['jobId']), '733584788375666689');
    assert.equal(stringifyJson(parsed), '{"jobId":733584788375666689}');
  });
  it('keeps small numbers as numbers', () => {
    assert.deepEqual({ ...(parseJson('{"row.num":100}') as object) }, { 'row.num': 100 });
  });
  it('treats __proto__ as data, not as a prototype', () => {
    const parsed = parseJson('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
    assert.equal(Object.getPrototypeOf(parsed), null);
  });
  it('renders env values as Java toString', () => {
    assert.equal(javaToString(parseJson('1.5')), '1.5');
    assert.equal(javaToString(parseJson('true')), 'true');
    assert.equal(javaToString(parseJson('12')), '12');
  });
  it('refuses nesting deeper than MAX_JSON_DEPTH before recursing (100 000 levels do not overflow the stack)', () => {
    assert.throws(() => parseJson('['.repeat(100_000) + ']'.repeat(100_000)), SyntaxError);
    assert.throws(() => parseJson('{"a":'.repeat(MAX_JSON_DEPTH + 1) + '1' + '}'.repeat(MAX_JSON_DEPTH + 1)), SyntaxError);
    const deepest = '{"a":'.repeat(MAX_JSON_DEPTH) + '1' + '}'.repeat(MAX_JSON_DEPTH);
    assert.doesNotThrow(() => parseJson(deepest));
  });
  it('counts depth outside strings only', () => {
    assert.equal(jsonDepth('{"a":"[[[[{{{\\"","b":1}'), 1);
    assert.equal(jsonDepth('{"a":"\\"[","b":[[1]]}'), 3);
    assert.equal(jsonDepth('"[[["'), 0);
  });
});
