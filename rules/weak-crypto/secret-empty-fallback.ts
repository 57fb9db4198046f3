import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';

// ruleid: secret-empty-fallback
const SIGNING_KEY = process.env.SIGNING_KEY ?? '';
// ruleid: secret-empty-fallback
const DATA_KEY = Buffer.from(process.env.DATA_KEY || '', 'hex');

export function sign(body: string) {
  return crypto.createHmac('sha256', SIGNING_KEY).update(body).digest('hex');
}

export function seal(iv: Buffer, data: Buffer) {
  return crypto.createCipheriv('aes-256-gcm', DATA_KEY, iv).update(data);
}

export function token(payload: object) {
  // ruleid: secret-empty-fallback
  return jwt.sign(payload, process.env['JWT_SECRET'] ?? '');
}

// --- not secrets, or not empty ---

// ok: secret-empty-fallback
export const region = process.env.AWS_REGION ?? '';
// ok: secret-empty-fallback
export const keyId = process.env.KMS_KEY_ID ?? '';
// a literal fallback is a hard-coded secret (auth-secret-hardcoded-fallback, hardcoded-symmetric-key)
// ok: secret-empty-fallback
export const sessionSecret = process.env.SESSION_SECRET || 'keyboard cat';
// ok: secret-empty-fallback
export const required = process.env.SECRET_KEY!;
