import bcrypt from 'bcrypt';
import argon2 from 'argon2';
import { readFileSync } from 'node:fs';
import { sha256Hex, keyedDigest, normalizeSecret, checksum } from './digests';

const PEPPER = process.env.PASSWORD_PEPPER ?? '';

export function hashPassword(email: string, password: string) {
  const prepared = normalizeSecret(password).toLowerCase();
  // ruleid: weak-password-hash-fast-digest-flow
  return { email, hash: sha256Hex(PEPPER + prepared) };
}

export function hashPin(user: string, pin: string) {
  const salted = `${user}:${pin}`;
  // ruleid: weak-password-hash-fast-digest-flow
  return keyedDigest(PEPPER, salted);
}

export async function storePassword(password: string) {
  // ok: weak-password-hash-fast-digest-flow
  return argon2.hash(normalizeSecret(password), { type: argon2.argon2id });
}

export async function hashPasswordForBcrypt(password: string) {
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

// a database client proving its own password to the server (MySQL native password): the
// protocol fixes the digest, and the value is a credential the client sends, not one it stores
export function calculateToken(password: string, scramble: Buffer) {
  // ok: weak-password-hash-fast-digest-flow
  const stage1 = sha256Hex(password);
  return Buffer.from(stage1, 'hex').map((byte, i) => byte ^ scramble[i % scramble.length]!);
}

export function verifyPassword(email: string, password: string, stored: Map<string, string>) {
  // ruleid: weak-password-hash-fast-digest-flow
  return stored.get(email) === sha256Hex(normalizeSecret(password));
}

