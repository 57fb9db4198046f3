import bcrypt from 'bcrypt';
import argon2 from 'argon2';
import { readFileSync } from 'node:fs';
import { sha256Hex, keyedDigest, normalizeSecret, checksum } from './digests';

const PEPPER = process.env.PASSWORD_PEPPER ?? '';

interface SignUp {
  email: string;
  password: string;
  pin: string;
}

export function storePassword(form: SignUp) {
  const prepared = normalizeSecret(form.password).toLowerCase();
  // ruleid: weak-password-hash-fast-digest-flow
  return { email: form.email, hash: sha256Hex(PEPPER + prepared) };
}

export function storePin(user: string, pin: string) {
  const salted = `${user}:${pin}`;
  // ruleid: weak-password-hash-fast-digest-flow
  return keyedDigest(PEPPER, salted);
}

export async function storePasswordSlowly(form: SignUp) {
  // ok: weak-password-hash-fast-digest-flow
  return argon2.hash(normalizeSecret(form.password), { type: argon2.argon2id });
}

export async function preHashForBcrypt(password: string) {
  // bcrypt reads 72 bytes: a digest before it is fine
  // ok: weak-password-hash-fast-digest-flow
  return bcrypt.hash(sha256Hex(password), 12);
}

export function resetTokenDigest(resetToken: string) {
  // a random token, not a password
  // ok: weak-password-hash-fast-digest-flow
  return sha256Hex(resetToken);
}

export function passwordResetTokenDigest(user: { passwordResetToken: string }) {
  // ok: weak-password-hash-fast-digest-flow
  return sha256Hex(user.passwordResetToken);
}

export function attachmentChecksum(path: string) {
  // ok: weak-password-hash-fast-digest-flow
  return checksum(readFileSync(path));
}
