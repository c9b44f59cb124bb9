import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clusterMembersView, healthMetricsView, numberToUnit, overviewView, type HealthSample } from '../src/index.js';

const counts = { runningJobs: 1, finishedJobs: 3, failedJobs: 0, cancelledJobs: 1, pendingJobs: 2 };

describe('overview', () => {
  const fixed = [
    { tags: { node: 'node1' }, slots: { total: 20, dynamic: false }, inUse: 2 },
    { tags: { node: 'node2' }, slots: { total: 20, dynamic: false }, inUse: 0 },
  ];

  it('renders every value as a string, in SeaTunnel key order, with "workers"', () => {
    const view = overviewView(fixed, counts, {});
    assert.deepEqual(Object.keys(view), ['projectVersion', 'gitCommitAbbrev', 'totalSlot', 'unassignedSlot', 'runningJobs', 'finishedJobs', 'failedJobs', 'cancelledJobs', 'workers']);
    assert.deepEqual(view, {
      projectVersion: '2.3.9', gitCommitAbbrev: 'DeadD0d0', totalSlot: '40', unassignedSlot: '38',
      runningJobs: '1', finishedJobs: '3', failedJobs: '0', cancelledJobs: '1', workers: '2',
    });
  });

  it('2.3.13 counts pending jobs between failedJobs and cancelledJobs (OverviewInfo field order, #9902), tags or not', () => {
    const release = { projectVersion: '2.3.13', gitCommitAbbrev: 'DeadD0d0', pendingJobs: true };
    const view = overviewView(fixed, counts, { node: 'node3' }, release);
    assert.deepEqual(Object.keys(view), ['projectVersion', 'gitCommitAbbrev', 'totalSlot', 'unassignedSlot', 'runningJobs', 'finishedJobs', 'failedJobs', 'pendingJobs', 'cancelledJobs', 'workers']);
    assert.equal(view.pendingJobs, '2');
  });

  it('filters workers and slots by tags, never the job counters', () => {
    const one = overviewView(fixed, counts, { node: 'node1' });
    assert.equal(one.workers, '1');
    assert.equal(one.totalSlot, '20');
    assert.equal(one.unassignedSlot, '18');
    assert.equal(one.runningJobs, '1');
    const none = overviewView(fixed, counts, { node: 'node3' });
    assert.deepEqual([none.workers, none.totalSlot, none.unassignedSlot], ['0', '0', '0']);
    const untagged = overviewView([{ tags: {}, slots: { total: 2, dynamic: true }, inUse: 0 }], counts, { node: 'x' });
    assert.equal(untagged.workers, '0');
    const allPairs = overviewView(fixed, counts, { node: 'node1', zone: 'a' });
    assert.equal(allPairs.workers, '0');
  });

  it('with dynamic slots reports no free slots and the used ones as total', () => {
    const view = overviewView([{ tags: {}, slots: { total: 2, dynamic: true }, inUse: 3 }, { tags: {}, slots: { total: 2, dynamic: true }, inUse: 0 }], counts, {});
    assert.deepEqual([view.totalSlot, view.unassignedSlot, view.workers], ['3', '0', '2']);
  });
});

describe('system monitoring', () => {
  const sample: HealthSample = {
    processors: 8, physicalMemoryTotal: 16 * 1024 ** 3 + 1, physicalMemoryFree: 135.7 * 1024 ** 2, swapTotal: 0, swapFree: 0,
    heapUsed: 40 * 1024 ** 2, heapTotal: 80 * 1024 ** 2, heapMax: 4 * 1024 ** 3, minorGcCount: 12, minorGcMillis: 110.4,
    majorGcCount: 1, majorGcMillis: 7, processCpuPercent: 24.781, systemCpuPercent: 3, loadAverage: 2.071,
    threadCount: 11, threadPeakCount: 12, operationsCompleted: 40, proxyCount: 4,
  };

  it("renders SeaTunnel's keys in order with its units", () => {
    const view = healthMetricsView(sample, { isMaster: true, host: 'localhost', port: 8080, nodeCount: 2 });
    const keys = Object.keys(view);
    assert.deepEqual(keys.slice(0, 4), ['isMaster', 'host', 'port', 'processors']);
    assert.equal(keys.at(-1), 'connection.count');
    assert.equal(keys.length, 48);
    assert.ok(Object.values(view).every((v) => typeof v === 'string'));
    assert.equal(view['isMaster'], 'true');
    assert.equal(view['port'], '8080');
    assert.equal(view['physical.memory.total'], '16.0G');
    assert.equal(view['physical.memory.free'], '135.7M');
    assert.equal(view['swap.space.total'], '0');
    assert.equal(view['heap.memory.used/total'], '50.00%');
    assert.equal(view['minor.gc.time'], '110ms');
    assert.equal(view['load.process'], '24.78%');
    assert.equal(view['load.systemAverage'], '2.07');
    assert.equal(view['operations.pending.invocations.percentage'], '0.00%');
  });

  it('uses the largest 1024 power strictly below the number', () => {
    assert.equal(numberToUnit(1024), '1024');
    assert.equal(numberToUnit(1025), '1.0K');
    assert.equal(numberToUnit(1536 * 1024), '1.5M');
  });
});

describe('/hazelcast/rest/cluster', () => {
  it('lists members as Hazelcast does', () => {
    const view = clusterMembersView(
      [{ host: '127.0.0.1', port: 8080, uuid: 'a', local: false }, { host: '127.0.0.1', port: 8081, uuid: 'b', local: true }],
      2,
    ) as any;
    assert.deepEqual(view.members[1], { address: '[127.0.0.1]:8081', liteMember: false, localMember: true, uuid: 'b', memberVersion: '5.1.0' });
    assert.equal(view.connectionCount, 2);
    assert.equal(view.allConnectionCount, 3);
  });
});
