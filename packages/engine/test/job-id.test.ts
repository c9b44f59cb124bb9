import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJobId, SeaTunnelError } from '../src/index.js';

describe('parseJobId', () => {
  it('keeps every digit of a 64-bit Flake id', () => {
    assert.equal(parseJobId('733584788375666689'), '733584788375666689');
    assert.equal(parseJobId('9223372036854775807'), '9223372036854775807');
  });
  it('accepts what Long.parseLong accepts (sign, leading zeros) and canonicalises it', () => {
    assert.equal(parseJobId('+0012'), '12');
    assert.equal(parseJobId('-5'), '-5');
  });
  for (const bad of ['abc', '', '12a', '1.5', '9223372036854775808', ' 1']) {
    it(`rejects ${JSON.stringify(bad)} with SeaTunnel's NumberFormatException message`, () => {
      assert.throws(() => parseJobId(bad), (e: unknown) => e instanceof SeaTunnelError && e.httpStatus === 400 && e.detail === `For input string: "${bad}"`);
    });
  }
});
