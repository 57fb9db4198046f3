import crypto from 'crypto';
import { createHmac as hmacOf } from 'node:crypto';
import CryptoJS from 'crypto-js';
import { HmacMD5 as hmacMd5Named } from 'crypto-js';
import HmacMD5 from 'crypto-js/hmac-md5';
import forge from 'node-forge';

const LEGACY_MAC = 'md5';

export function signLegacyCallback(secret: string, body: string) {
  // ruleid: weak-hmac-md5
  return crypto.createHmac('md5', secret).update(body).digest('hex');
}

export function constantAlgorithm(secret: Buffer, body: Buffer) {
  // ruleid: weak-hmac-md5
  return hmacOf(LEGACY_MAC, secret).update(body).digest();
}

export function cryptoJs(message: string, key: string) {
  // ruleid: weak-hmac-md5
  return CryptoJS.HmacMD5(message, key).toString();
}

export function cryptoJsModule(message: string, key: string) {
  // ruleid: weak-hmac-md5
  return HmacMD5(message, key).toString();
}

export function cryptoJsNamed(message: string, key: string) {
  // ruleid: weak-hmac-md5
  return hmacMd5Named(message, key).toString();
}

export function forgeHmac(key: string, data: string) {
  const hmac = forge.hmac.create();
  // ruleid: weak-hmac-md5
  hmac.start('md5', key);
  hmac.update(data);
  return hmac.digest().toHex();
}

// --- negatives ---

export function sha256Mac(secret: string, body: string) {
  // ok: weak-hmac-md5
  return crypto.createHmac('sha256', secret).update(body).digest('hex');
}

export function sha1MacIsInfoOnly(secret: string, body: string) {
  // ok: weak-hmac-md5
  return crypto.createHmac('sha1', secret).update(body).digest('hex');
}

export function plainMd5IsNotAnHmac(body: string) {
  // ok: weak-hmac-md5
  return crypto.createHash('md5').update(body).digest('hex');
}

export function unknownAlgorithm(alg: string, secret: string, body: string) {
  // ok: weak-hmac-md5
  return crypto.createHmac(alg, secret).update(body).digest('hex');
}

export function otherStart(timer: { start(name: string): void }) {
  // ok: weak-hmac-md5
  timer.start('md5');
}
