import https from 'node:https';
import tls from 'tls';
import { Agent } from 'undici';

const LEGACY_CIPHERS = 'ECDHE-RSA-AES128-GCM-SHA256:RC4-SHA:AES128-SHA';

export function server(key: Buffer, cert: Buffer) {
  // ruleid: tls-insecure-cipher-suites
  return https.createServer({ key, cert, ciphers: 'HIGH:aNULL:!MD5' });
}

// ruleid: tls-insecure-cipher-suites
export const agent = new https.Agent({ ciphers: LEGACY_CIPHERS });

// ruleid: tls-insecure-cipher-suites
export const seclevel = new Agent({ connect: { ciphers: 'DEFAULT:@SECLEVEL=0' } });

export function exportGrade(host: string) {
  // ruleid: tls-insecure-cipher-suites
  return tls.connect({ host, port: 443, ciphers: 'EXP-RC4-MD5:EXP-EDH-RSA-DES-CBC-SHA' });
}

export function nullCipher(host: string) {
  // ruleid: tls-insecure-cipher-suites
  return tls.connect({ host, port: 443, ciphers: ['ECDHE-RSA-AES256-GCM-SHA384', 'NULL-SHA256'].join(':') });
}

export function singleDes(host: string) {
  // ruleid: tls-insecure-cipher-suites
  return tls.connect({ host, port: 443, ciphers: 'EDH-RSA-DES-CBC-SHA' });
}

export function processWide() {
  // ruleid: tls-insecure-cipher-suites
  tls.DEFAULT_CIPHERS = 'ALL:eNULL';
}

// --- negatives ---

// ok: tls-insecure-cipher-suites
export const hardened = new https.Agent({ ciphers: 'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA' });

// ok: tls-insecure-cipher-suites
export const aeadOnly = new https.Agent({ ciphers: 'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-CHACHA20-POLY1305' });

// ok: tls-insecure-cipher-suites
export const removed = { ciphers: 'DEFAULT:-RC4:-3DES' };

// ok: tls-insecure-cipher-suites
export const tripleDesIsTheOtherRule = { ciphers: 'ECDHE-RSA-AES128-GCM-SHA256:DES-CBC3-SHA' };

export function unknown(list: string) {
  // ok: tls-insecure-cipher-suites
  return new https.Agent({ ciphers: list });
}
