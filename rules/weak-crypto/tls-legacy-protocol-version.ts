import https from 'node:https';
import crypto, { constants } from 'node:crypto';
import tls from 'tls';
import axios from 'axios';

const MIN_TLS = 'TLSv1';

export function startServer(key: Buffer, cert: Buffer, app: () => void) {
  // ruleid: tls-legacy-protocol-version
  return https.createServer({ key, cert, minVersion: 'TLSv1' }, app);
}

// ruleid: tls-legacy-protocol-version
export const legacyAgent = new https.Agent({ minVersion: MIN_TLS, keepAlive: true });

export const capped = axios.create({
  // ruleid: tls-legacy-protocol-version
  httpsAgent: new https.Agent({ maxVersion: 'TLSv1.1' }),
});

export function oldBank(host: string) {
  // ruleid: tls-legacy-protocol-version
  return tls.connect({ host, port: 443, secureProtocol: 'TLSv1_method' });
}

export function sslv3(host: string) {
  // ruleid: tls-legacy-protocol-version
  return tls.connect(443, host, { secureProtocol: 'SSLv3_client_method' });
}

export function processWide() {
  // ruleid: tls-legacy-protocol-version
  tls.DEFAULT_MIN_VERSION = 'TLSv1.1';
}

// --- negatives ---

// ok: tls-legacy-protocol-version
export const modern = new https.Agent({ minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });

// ok: tls-legacy-protocol-version
export const negotiate = { secureProtocol: 'TLS_method' };

// ok: tls-legacy-protocol-version
export const semver = { minVersion: '1.1.0', name: 'TLSv1 parser' };

export function setTls13() {
  // ok: tls-legacy-protocol-version
  tls.DEFAULT_MIN_VERSION = 'TLSv1.3';
}

// --- secureProtocol: 'SSLv23_method' and secureOptions ---

export function negotiateAnything(host: string) {
  // ruleid: tls-legacy-protocol-version
  return tls.connect({ host, port: 443, secureProtocol: 'SSLv23_method' });
}

export function onlyNoSsl(key: Buffer, cert: Buffer) {
  return https.createServer({
    key,
    cert,
    // ruleid: tls-legacy-protocol-version
    secureOptions: crypto.constants.SSL_OP_NO_SSLv3 | crypto.constants.SSL_OP_NO_SSLv2,
  });
}

export function sslv23WithNoOldTls(host: string) {
  return tls.connect({
    host,
    // ok: tls-legacy-protocol-version
    secureProtocol: 'SSLv23_method',
    secureOptions: crypto.constants.SSL_OP_NO_SSLv3 | crypto.constants.SSL_OP_NO_TLSv1 | crypto.constants.SSL_OP_NO_TLSv1_1,
  });
}

export function noSslWithMinVersion(key: Buffer, cert: Buffer) {
  // ok: tls-legacy-protocol-version
  return https.createServer({ key, cert, minVersion: 'TLSv1.2', secureOptions: crypto.constants.SSL_OP_NO_SSLv3 });
}

export function onlyTls1Off(host: string) {
  // ruleid: tls-legacy-protocol-version
  return tls.connect({ host, secureOptions: constants.SSL_OP_NO_SSLv3 | constants.SSL_OP_NO_TLSv1 });
}

// --- options built from shared defaults ---
const TLS_BASE = { minVersion: 'TLSv1.2' } as const;

export function noSslOverSharedBase(key: Buffer, cert: Buffer, extra: tls.TlsOptions) {
  // the base's minVersion holds unless extra overrides it
  // ok: tls-legacy-protocol-version
  return https.createServer({ ...TLS_BASE, key, cert, secureOptions: crypto.constants.SSL_OP_NO_SSLv3, ...extra });
}
