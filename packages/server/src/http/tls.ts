import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createSecureContext, type TlsOptions } from 'node:tls';
import forge from 'node-forge';
import { ConfigError } from '../config.js';
import type { HttpsSettings } from './http-settings.js';

/** A key or trust store the TLS listener cannot use; the node does not start. */
export class KeyStoreError extends ConfigError {
  override name = 'KeyStoreError';
}

/** What the node's HTTPS server is created with, and whether clients must present a certificate. */
export interface TlsMaterial {
  options: TlsOptions;
  /** Mutual TLS: SeaTunnel's rule, both trust-store-path and trust-store-password non-blank. */
  mutual: boolean;
}

const JKS_MAGIC = 0xfeedfeed;
const JCEKS_MAGIC = 0xcececece;

const isBlank = (value: string | null): boolean => value === null || value.trim() === '';

/**
 * Reads a store file and refuses, with the way out, the formats Node cannot read: Java's own JKS
 * and JCEKS (keytool converts them) and PEM (openssl bundles it).
 */
function readStore(path: string, key: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    throw new KeyStoreError(`${key} ${path}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const magic = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if (magic === JKS_MAGIC || magic === JCEKS_MAGIC) {
    const kind = magic === JKS_MAGIC ? 'JKS' : 'JCEKS';
    const target = path.replace(/\.(jks|jceks|keystore|ks)$/i, '') + '.p12';
    throw new KeyStoreError(
      `${key} ${path} is a Java ${kind} key store, which the simulator cannot read: convert it to PKCS12 with ` +
        `\`keytool -importkeystore -srckeystore ${path} -destkeystore ${target} -deststoretype PKCS12\` and point ${key} at ${target}`,
    );
  }
  if (bytes.subarray(0, 64).toString('latin1').includes('-----BEGIN')) {
    throw new KeyStoreError(
      `${key} ${path} is a PEM file; SeaTunnel reads a key store: bundle it as PKCS12 with ` +
        '`openssl pkcs12 -export -in cert.pem -inkey key.pem -out store.p12` (a trust store: keytool -importcert -storetype PKCS12)',
    );
  }
  return bytes;
}

/** OpenSSL's reason, without Node's prefix noise. */
const reasonOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** PEM of one DER certificate (any key type: forge parses only RSA ones). */
const certificatePem = (der: Buffer): string => new X509Certificate(der).toString();

/**
 * A PKCS12 file opened with node-forge: for the trust store (Java writes its trusted
 * certificates as certificate-only entries, which Node's `pfx` ignores) and for key stores whose
 * legacy ciphers (RC2, as older keytool and openssl wrote) OpenSSL 3 no longer loads by default.
 */
function openPkcs12(bytes: Buffer, password: string): forge.pkcs12.Pkcs12Pfx {
  const asn1 = forge.asn1.fromDer(forge.util.createBuffer(bytes.toString('binary')), false);
  return forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
}

const bagDer = (bag: forge.pkcs12.Bag): Buffer => {
  const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
};

/** Every certificate of a PKCS12 store, as PEM. */
function certificatesOf(p12: forge.pkcs12.Pkcs12Pfx): string[] {
  const bags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  return bags.map((bag) => certificatePem(bagDer(bag)));
}

/** The private key and its certificate chain of a PKCS12 key store, as PEM, through node-forge. */
function keyAndChainOf(p12: forge.pkcs12.Pkcs12Pfx): { key: string; cert: string } {
  const shrouded = forge.pki.oids.pkcs8ShroudedKeyBag!;
  const plain = forge.pki.oids.keyBag!;
  const keyBags = [...(p12.getBags({ bagType: shrouded })[shrouded] ?? []), ...(p12.getBags({ bagType: plain })[plain] ?? [])];
  const keyBag = keyBags[0];
  if (!keyBag) throw new KeyStoreError('it holds no private key');
  const keyInfo = keyBag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(keyBag.key)) : keyBag.asn1;
  const key = createPrivateKey({ key: Buffer.from(forge.asn1.toDer(keyInfo).getBytes(), 'binary'), format: 'der', type: 'pkcs8' });
  const certs = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  // The key's own certificate first (same localKeyId), then the rest of the chain.
  const keyId = (keyBag.attributes as { localKeyId?: string[] }).localKeyId?.[0];
  const own = certs.findIndex((bag) => keyId !== undefined && (bag.attributes as { localKeyId?: string[] }).localKeyId?.[0] === keyId);
  const ordered = own > 0 ? [certs[own]!, ...certs.filter((_, i) => i !== own)] : certs;
  if (ordered.length === 0) throw new KeyStoreError('it holds no certificate for its key');
  return { key: key.export({ format: 'pem', type: 'pkcs8' }).toString(), cert: ordered.map((bag) => certificatePem(bagDer(bag))).join('') };
}

/**
 * The server's key and certificate from a PKCS12 key store. Jetty opens the store with
 * key-store-password and the key with key-manager-password (else the store's); a PKCS12 file has
 * one password in practice (keytool ignores -keypass for PKCS12, openssl asks once), so whichever
 * of the two opens it is used.
 */
function serverIdentity(settings: HttpsSettings): Pick<TlsOptions, 'pfx' | 'passphrase' | 'key' | 'cert'> {
  const path = settings['key-store-path'];
  const bytes = readStore(path, 'key-store-path');
  const passwords = [settings['key-manager-password'], settings['key-store-password']]
    .filter((p): p is string => p !== null)
    .filter((p, i, all) => all.indexOf(p) === i);
  if (passwords.length === 0) passwords.push('');
  const failures: string[] = [];
  for (const passphrase of passwords) {
    try {
      createSecureContext({ pfx: bytes, passphrase });
      return { pfx: bytes, passphrase };
    } catch (error) {
      failures.push(reasonOf(error));
    }
    try {
      return keyAndChainOf(openPkcs12(bytes, passphrase));
    } catch (error) {
      failures.push(reasonOf(error));
    }
  }
  const named = settings['key-manager-password'] !== null ? 'key-store-password / key-manager-password' : 'key-store-password';
  throw new KeyStoreError(`key-store-path ${path}: cannot open it as a PKCS12 key store with ${named} (${[...new Set(failures)].join('; ')})`);
}

/** The CA certificates client certificates must chain to, from a PKCS12 trust store. */
function trustedCertificates(path: string, password: string): string[] {
  const bytes = readStore(path, 'trust-store-path');
  let certificates: string[];
  try {
    certificates = certificatesOf(openPkcs12(bytes, password));
  } catch (error) {
    throw new KeyStoreError(`trust-store-path ${path}: cannot open it as a PKCS12 trust store with trust-store-password (${reasonOf(error)})`);
  }
  if (certificates.length === 0) throw new KeyStoreError(`trust-store-path ${path}: it holds no certificate to trust`);
  return certificates;
}

/**
 * The TLS side of SeaTunnel's HTTPS connector (JettyService.enableHttps): the key store's
 * identity, and client certificates required exactly when both trust-store keys are non-blank
 * (with only one of them, SeaTunnel ignores the trust store).
 */
export function loadTlsMaterial(settings: HttpsSettings): TlsMaterial {
  const identity = serverIdentity(settings);
  const trustPath = settings['trust-store-path'];
  const trustPassword = settings['trust-store-password'];
  if (isBlank(trustPath) || isBlank(trustPassword)) return { options: identity, mutual: false };
  return {
    options: { ...identity, ca: trustedCertificates(trustPath!, trustPassword!), requestCert: true, rejectUnauthorized: true },
    mutual: true,
  };
}
