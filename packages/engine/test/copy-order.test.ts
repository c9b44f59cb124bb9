import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { compareJobCopies, JOB_STATUSES, LIFECYCLE_ORDER } from '../src/index.js';

const MERGE_POLICY = fileURLToPath(
  new URL('../../../cluster/member-extension/org/seatunnelsim/member/JobVersionMergePolicy.java', import.meta.url),
);

describe('the later of two copies of a job (after a partition)', () => {
  it('ranks every SeaTunnel status once', () => {
    assert.deepEqual([...LIFECYCLE_ORDER].sort(), [...JOB_STATUSES].sort());
  });

  it('is the copy with more committed changes, whatever their statuses', () => {
    assert.ok(compareJobCopies({ status: 'RUNNING', version: 7 }, { status: 'CANCELED', version: 6 }) > 0);
    assert.ok(compareJobCopies({ status: 'FINISHED', version: 3 }, { status: 'RUNNING', version: 4 }) < 0);
  });

  it('on equal versions is the copy further along the lifecycle', () => {
    assert.ok(compareJobCopies({ status: 'CANCELING', version: 5 }, { status: 'RUNNING', version: 5 }) > 0);
    assert.ok(compareJobCopies({ status: 'DOING_SAVEPOINT', version: 5 }, { status: 'SAVEPOINT_DONE', version: 5 }) < 0);
    assert.equal(compareJobCopies({ status: 'RUNNING', version: 2 }, { status: 'RUNNING', version: 2 }), 0);
  });

  it('ranks statuses as the members\' merge policy does (same list in the Java source)', () => {
    const source = readFileSync(MERGE_POLICY, 'utf8');
    const list = /LIFECYCLE = List\.of\(([^)]*)\)/.exec(source);
    assert.ok(list, 'LIFECYCLE list not found in JobVersionMergePolicy.java');
    assert.deepEqual([...list[1]!.matchAll(/"([A-Z_]+)"/g)].map((m) => m[1]), [...LIFECYCLE_ORDER]);
  });
});
