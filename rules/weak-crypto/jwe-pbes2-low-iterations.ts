import * as jose from 'jose';
import { CompactEncrypt, EncryptJWT } from 'jose';
import nodeJose from 'node-jose';

const P2C = 1000;

export async function lowCount(plaintext: Uint8Array, password: string) {
  // ruleid: jwe-pbes2-low-iterations
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).setKeyManagementParameters({ p2c: P2C }).encrypt(new TextEncoder().encode(password));
}

export async function sha256NeedsMore(claims: jose.JWTPayload, password: Uint8Array) {
  // ruleid: jwe-pbes2-low-iterations
  return new EncryptJWT(claims)
    .setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A256GCM' })
    .setKeyManagementParameters({ p2c: 310_000 })
    .encrypt(password);
}

export async function joseDefault(plaintext: Uint8Array, password: Uint8Array) {
  // ruleid: jwe-pbes2-low-iterations
  return new jose.CompactEncrypt(plaintext).setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM' }).encrypt(password);
}

export async function nodeJoseFields(key: nodeJose.JWK.Key, payload: Buffer) {
  // ruleid: jwe-pbes2-low-iterations
  return nodeJose.JWE.createEncrypt({ format: 'compact', fields: { alg: 'PBES2-HS256+A128KW', p2c: 8192 } }, key).update(payload).final();
}

// --- negatives ---

export async function owaspSha512(plaintext: Uint8Array, password: Uint8Array) {
  // ok: jwe-pbes2-low-iterations
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'PBES2-HS512+A256KW', enc: 'A256GCM' }).setKeyManagementParameters({ p2c: 210_000 }).encrypt(password);
}

export async function owaspSha256(plaintext: Uint8Array, password: Uint8Array) {
  // ok: jwe-pbes2-low-iterations
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).setKeyManagementParameters({ p2c: 600_000 }).encrypt(password);
}

export async function notPasswordBased(plaintext: Uint8Array, key: jose.KeyLike) {
  // ok: jwe-pbes2-low-iterations
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(key);
}

export async function decryptCap(jwe: string, password: Uint8Array) {
  // ok: jwe-pbes2-low-iterations
  return jose.compactDecrypt(jwe, password, { maxPBES2Count: 1_000_000 });
}
