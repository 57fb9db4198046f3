import * as jose from 'jose';
import { CompactEncrypt, compactDecrypt, importSPKI } from 'jose';
import nodeJose from 'node-jose';

const KEY_ALG = 'RSA1_5';

export async function encryptForPartner(plaintext: Uint8Array, spki: string) {
  // ruleid: jwe-rsa1-5-key-management
  const key = await importSPKI(spki, 'RSA1_5');
  // ruleid: jwe-rsa1-5-key-management
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: KEY_ALG, enc: 'A128CBC-HS256' }).encrypt(key);
}

export async function decryptLegacy(jwe: string, privateKey: jose.KeyLike) {
  // ruleid: jwe-rsa1-5-key-management
  return compactDecrypt(jwe, privateKey, { keyManagementAlgorithms: ['RSA-OAEP-256', 'RSA1_5'] });
}

export async function nodeJoseEncrypt(key: nodeJose.JWK.Key, payload: Buffer) {
  // ruleid: jwe-rsa1-5-key-management
  return nodeJose.JWE.createEncrypt({ format: 'compact', fields: { alg: 'RSA1_5' } }, key).update(payload).final();
}

// --- negatives ---

export async function oaep(plaintext: Uint8Array, key: jose.KeyLike) {
  // ok: jwe-rsa1-5-key-management
  return new jose.CompactEncrypt(plaintext).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);
}

export function rsaSignatureAlg() {
  // ok: jwe-rsa1-5-key-management
  return { alg: 'RS256', use: 'sig' };
}

export function documentationString() {
  // ok: jwe-rsa1-5-key-management
  return 'RSA1_5 is not supported by this service';
}
