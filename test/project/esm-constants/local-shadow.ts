import * as crypto from 'node:crypto';
const ALGORITHM = 'aes-128-gcm';
export function local(key: Buffer, iv: Buffer) {
  // ok: project-esm-constants
  return crypto.createCipheriv(ALGORITHM, key, iv);
}
