import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { DEVIATIONS } from './deviations.js';

describe('the deviation list', () => {
  it("is README's Fidelity table, entry for entry", () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Fidelity'), readme.indexOf('## Simulation'));
    const listed = [...section.matchAll(/^\| `([\w.-]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual(listed, DEVIATIONS.map((d) => d.id));
  });

  it('has a reason for each entry', () => {
    for (const d of DEVIATIONS) assert.ok(d.reason.length > 20 && d.summary.length > 10, d.id);
  });
});
