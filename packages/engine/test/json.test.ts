import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJson, stringifyJson, javaToString } from '../src/index.js';

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
});
