import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';

// bcrypt reads only 72 bytes: a digest first, then bcrypt, is a known and sound construction
export async function hashPassword(password: string) {
  // ok: weak-password-hash-fast-digest-flow
  const pre = createHash('sha256').update(password).digest('base64');
  return bcrypt.hash(pre, 12);
}
