import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { javaDoubleToString } from '../src/index.js';

describe('javaDoubleToString matches Java Double.toString', () => {
  const cases: [number, string][] = [
    [0, '0.0'],
    [20, '20.0'],
    [20.408163265306122, '20.408163265306122'],
    [3.3333333333333335, '3.3333333333333335'],
    [12345678, '1.2345678E7'],
    [1e7, '1.0E7'],
    [0.0001, '1.0E-4'],
    [0.001, '0.001'],
    [9999999, '9999999.0'],
  ];
  for (const [value, expected] of cases) it(`${value} → ${expected}`, () => assert.equal(javaDoubleToString(value), expected));
});
