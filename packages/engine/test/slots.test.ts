import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  activeReservations,
  chooseNode,
  freeSlots,
  holdsSlots,
  isSettled,
  newJobRecord,
  slotsHeld,
  type JobStatus,
  type ProjectedJob,
  type SlotNode,
  type SlotReservation,
  type SlotUsage,
} from '../src/index.js';
import { config, DOCS_EXAMPLE } from './fixtures.js';

const job = (jobId: string, owner: string, status: JobStatus, over: { runningSince?: number | null; createTime?: number } = {}): ProjectedJob => {
  const record = newJobRecord({ jobId, jobNameParam: undefined, isStartWithSavePoint: false, config: config(DOCS_EXAMPLE), owner, now: over.createTime ?? 1_000 });
  return { record: { ...record, runningSince: over.runningSince === undefined ? record.runningSince : over.runningSince }, status };
};
const reservation = (jobId: string, slots: number, kind: SlotReservation['kind'] = 'submit', reservedAt = 2_000, leaseUntil = 10_000): SlotReservation => ({
  jobId,
  slots,
  kind,
  reservedAt,
  leaseUntil,
});
const fixed = (nodeId: string, total: number): SlotNode => ({ nodeId, slots: { total, dynamic: false } });
const usage = (held: Record<string, number>, reservations: Record<string, SlotReservation[]> = {}, reservedJobs: ProjectedJob[] = []): SlotUsage => ({
  held: new Map(Object.entries(held)),
  reservations: new Map(Object.entries(reservations)),
  reservedJobs: new Map(reservedJobs.map((j) => [j.record.jobId, j])),
});

describe('slot accounting', () => {
  it('a job holds slots while it runs or stops, and while placed but slow to start; not while it waits or after it ends', () => {
    for (const status of ['RUNNING', 'DOING_SAVEPOINT', 'CANCELING', 'FAILING'] as const) assert.equal(holdsSlots(job('1', 'a', status)), true, status);
    assert.equal(holdsSlots(job('1', 'a', 'PENDING', { runningSince: 5_000 })), true, 'slow start');
    assert.equal(holdsSlots(job('1', 'a', 'PENDING', { runningSince: null })), false, 'waiting for slots');
    for (const status of ['FINISHED', 'CANCELED', 'FAILED', 'SAVEPOINT_DONE'] as const) assert.equal(holdsSlots(job('1', 'a', status)), false, status);
  });

  it('a job holding slots holds its slotsRequired (the docs example: one subtask and the pipeline coordinator), else none', () => {
    assert.equal(slotsHeld(job('1', 'a', 'RUNNING')), 2);
    assert.equal(slotsHeld(job('2', 'a', 'CANCELING')), 2);
    assert.equal(slotsHeld(job('3', 'b', 'FINISHED')), 0);
    assert.equal(slotsHeld(job('4', 'b', 'PENDING', { runningSince: null })), 0);
  });

  it('a reservation counts until its job is visible, so no job is counted twice or not at all', () => {
    const r = reservation('7', 1);
    assert.equal(isSettled(r, 'a', undefined), false, 'not written yet');
    assert.equal(isSettled(r, 'a', job('7', 'a', 'RUNNING', { createTime: 2_500 })), true, 'written and holding');
    assert.equal(isSettled(r, 'a', job('7', 'a', 'FINISHED', { createTime: 2_500 })), true, 'written and already ended');
    // Restoring from a savepoint: the old, ended run is still visible while the new one is being written.
    assert.equal(isSettled(r, 'a', job('7', 'a', 'SAVEPOINT_DONE', { createTime: 500 })), false, 'an older run of the same id');
    const start = reservation('8', 1, 'start');
    assert.equal(isSettled(start, 'a', job('8', 'b', 'PENDING', { runningSince: null, createTime: 500 })), false, 'still waiting');
    assert.equal(isSettled(start, 'a', job('8', 'a', 'RUNNING', { createTime: 500 })), true, 'started here');
    assert.equal(isSettled(start, 'a', job('8', 'b', 'CANCELED', { createTime: 500 })), true, 'stopped while waiting');
  });

  it('free slots: total minus held minus unsettled reservations; dynamic slots never run out', () => {
    const u = usage({ a: 1 }, { a: [reservation('7', 1), reservation('8', 1)] }, [job('8', 'a', 'RUNNING', { createTime: 3_000 })]);
    assert.equal(freeSlots(fixed('a', 4), u), 2, '4 − 1 held − 1 reserved (job 8 is already counted as held)');
    assert.equal(freeSlots({ nodeId: 'a', slots: { total: 1, dynamic: true } }, u), Infinity);
  });

  it('lapsed reservations no longer count', () => {
    assert.deepEqual(activeReservations([reservation('1', 1, 'submit', 0, 5_000), reservation('2', 1, 'submit', 0, 15_000)], 10_000).map((r) => r.jobId), ['2']);
  });

  it('chooses the asked node when it has room, else the one with most free, else none', () => {
    const nodes = [fixed('a', 2), fixed('b', 2), fixed('c', 3)];
    assert.equal(chooseNode(nodes, usage({}), 1, 'a'), 'a');
    assert.equal(chooseNode(nodes, usage({ a: 2 }), 1, 'a'), 'c');
    assert.equal(chooseNode(nodes, usage({ a: 2, c: 2 }, { b: [reservation('9', 1)] }), 1, 'a'), 'b');
    assert.equal(chooseNode(nodes, usage({ a: 2, b: 1, c: 3 }, { b: [reservation('9', 1)] }), 1, 'a'), null);
    assert.equal(chooseNode(nodes, usage({}), 4, 'a'), null, 'no node has 4 slots');
  });
});
