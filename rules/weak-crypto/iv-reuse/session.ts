import crypto from 'node:crypto';

// A module that draws its IVs once, when it loads; main.ts encrypts with them.
export const SESSION_IV = crypto.randomBytes(16);
export const CRYPTO_SETTINGS = { nonce: crypto.randomBytes(12), algorithm: 'aes-256-gcm' } as const;
export const IV_LENGTH = 16;
export function freshIv() {
  return crypto.randomBytes(IV_LENGTH);
}
