import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkUpOptions, intOption, NO_JAVA_MESSAGE, type UpOptions } from '../src/index.js';

const base: UpOptions = { nodes: 3, members: 1, port: 8080, hzPort: 5701, clusterName: 'seatunnel', logDir: 'logs', store: 'hazelcast' };

describe('seatunnel-sim up options', () => {
  it('takes the two stores and passes profile and admin API to every node', () => {
    assert.deepEqual(checkUpOptions(base), { store: 'hazelcast', nodeEnv: {} });
    assert.deepEqual(checkUpOptions({ ...base, store: 'memory', profile: '2.3.8', adminApi: true }), {
      store: 'memory',
      nodeEnv: { SEATUNNEL_SIM_PROFILE: '2.3.8', SEATUNNEL_SIM_ADMIN_API: 'true' },
    });
  });

  it('refuses what would fail later: no nodes, an unknown store or profile, a port out of range', () => {
    assert.throws(() => checkUpOptions({ ...base, nodes: 0 }), /at least 1/);
    assert.throws(() => checkUpOptions({ ...base, store: 'redis' }), /--store must be hazelcast or memory/);
    assert.throws(() => checkUpOptions({ ...base, store: 'memory', persistDir: 'data' }), /--persist-dir .* needs --store hazelcast/);
    assert.equal(checkUpOptions({ ...base, persistDir: 'data' }).store, 'hazelcast');
    assert.throws(() => checkUpOptions({ ...base, profile: '9.9' }), /--profile must be one of 2\.3\.8, 2\.3\.9, 2\.3\.10, 2\.3\.11, 2\.3\.12, 2\.3\.13, 3\.0, 3\.1, seed/);
    assert.throws(() => intOption('--port')('70000'), /--port must be an integer/);
    assert.throws(() => intOption('--port')('x'), /--port must be an integer/);
    assert.equal(intOption('--port')('18080'), 18080);
  });

  it('names the way out when Java is missing', () => {
    assert.match(NO_JAVA_MESSAGE, /Java 17/);
    assert.match(NO_JAVA_MESSAGE, /--store memory/);
  });
});
