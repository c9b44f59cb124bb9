import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkoutRoot, hazelcastFetchScript, hazelcastJarPath, memberConfigPath } from '@seatunnel-sim/cluster';

// dist/test/repo-paths.test.js → the repository root is four levels up.
const ROOT = fileURLToPath(new URL('../../../..', import.meta.url)).replace(/\/$/, '');

// The installed-package side (no checkout: bundled config, jar in the user's cache, fetched by
// mvn from the CLI) is proven by scripts/ci/use-from-outside.sh, which installs the tarballs.
describe('paths in a checkout', () => {
  it('finds the repository by its member config and fetch script', () => {
    assert.equal(checkoutRoot(), ROOT);
    assert.equal(hazelcastFetchScript(), join(ROOT, 'scripts', 'hazelcast', 'fetch.sh'));
  });

  it("uses the repository's member config and .cache for the jar unless the environment names others", () => {
    const saved = { jar: process.env['SEATUNNEL_SIM_HZ_JAR'], config: process.env['SEATUNNEL_SIM_HZ_CONFIG'] };
    try {
      delete process.env['SEATUNNEL_SIM_HZ_JAR'];
      delete process.env['SEATUNNEL_SIM_HZ_CONFIG'];
      assert.equal(memberConfigPath(), join(ROOT, 'config', 'hazelcast-member.yaml'));
      assert.equal(hazelcastJarPath(), join(ROOT, '.cache', 'hazelcast', 'hazelcast-5.6.0.jar'));
      process.env['SEATUNNEL_SIM_HZ_JAR'] = '/opt/hz.jar';
      process.env['SEATUNNEL_SIM_HZ_CONFIG'] = '/opt/member.yaml';
      assert.equal(hazelcastJarPath(), '/opt/hz.jar');
      assert.equal(memberConfigPath(), '/opt/member.yaml');
    } finally {
      for (const [key, value] of [['SEATUNNEL_SIM_HZ_JAR', saved.jar], ['SEATUNNEL_SIM_HZ_CONFIG', saved.config]] as const) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
  });
});
