import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Key and trust stores made the way a SeaTunnel operator makes them: openssl and Java's keytool. */
export interface TestPki {
  dir: string;
  /** PEM of the CA that signs the server's and the trusted client's certificates. */
  ca: string;
  /** PKCS12 key store (openssl pkcs12 -export), password STORE_PASSWORD. */
  serverP12: string;
  /** The same identity in the legacy ciphers older tools wrote (RC2/3DES), when this openssl can still write them. */
  legacyP12: string | null;
  /** PKCS12 trust store written by keytool (certificate-only entry), password TRUST_PASSWORD. */
  trustP12: string;
  /** Java's own JKS key store (keytool -genkeypair -storetype JKS). */
  serverJks: string;
  /** A client certificate signed by the CA, and one signed by a CA nobody trusts. */
  client: { key: string; cert: string };
  stranger: { key: string; cert: string };
}

export const STORE_PASSWORD = 'changeit';
export const TRUST_PASSWORD = 'trustit';

const run = (command: string, args: string[], cwd: string): void => {
  execFileSync(command, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
};

function issue(dir: string, name: string, caName: string, extensions: string): void {
  run('openssl', ['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.csr`, '-subj', `/CN=${name}`], dir);
  writeFileSync(join(dir, `${name}.ext`), `${extensions}\n`);
  run('openssl', ['x509', '-req', '-in', `${name}.csr`, '-CA', `${caName}.crt`, '-CAkey', `${caName}.key`, '-CAcreateserial', '-out', `${name}.crt`, '-days', '2', '-extfile', `${name}.ext`], dir);
}

const selfSignedCa = (dir: string, name: string): void =>
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}.key`, '-out', `${name}.crt`, '-days', '2', '-subj', `/CN=${name}`], dir);

/** Creates every store in a fresh temporary directory (openssl and keytool must be on the PATH). */
export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'seatunnel-sim-pki-'));
  selfSignedCa(dir, 'test-ca');
  selfSignedCa(dir, 'other-ca');
  issue(dir, 'server', 'test-ca', 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth');
  issue(dir, 'client', 'test-ca', 'extendedKeyUsage=clientAuth');
  issue(dir, 'stranger', 'other-ca', 'extendedKeyUsage=clientAuth');
  const exportArgs = ['pkcs12', '-export', '-in', 'server.crt', '-inkey', 'server.key', '-certfile', 'test-ca.crt', '-name', 'server', '-passout', `pass:${STORE_PASSWORD}`];
  run('openssl', [...exportArgs, '-out', 'server.p12'], dir);
  let legacyP12: string | null = join(dir, 'server-legacy.p12');
  try {
    run('openssl', [...exportArgs, '-legacy', '-out', 'server-legacy.p12'], dir);
  } catch {
    legacyP12 = null; // this openssl build has no legacy provider: nothing to test with
  }
  run('keytool', ['-importcert', '-noprompt', '-alias', 'test-ca', '-file', 'test-ca.crt', '-keystore', 'trust.p12', '-storetype', 'PKCS12', '-storepass', TRUST_PASSWORD], dir);
  run('keytool', ['-genkeypair', '-alias', 'server', '-keyalg', 'RSA', '-keysize', '2048', '-dname', 'CN=localhost', '-validity', '2', '-keystore', 'server.jks', '-storetype', 'JKS', '-storepass', STORE_PASSWORD, '-keypass', STORE_PASSWORD], dir);
  const pem = (name: string) => readFileSync(join(dir, name), 'utf8');
  return {
    dir,
    ca: pem('test-ca.crt'),
    serverP12: join(dir, 'server.p12'),
    legacyP12,
    trustP12: join(dir, 'trust.p12'),
    serverJks: join(dir, 'server.jks'),
    client: { key: pem('client.key'), cert: pem('client.crt') },
    stranger: { key: pem('stranger.key'), cert: pem('stranger.crt') },
  };
}
