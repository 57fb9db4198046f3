import bcrypt from 'bcrypt';
import * as bcryptjs from 'bcryptjs';
import { hash, genSaltSync } from 'bcryptjs';
import { hash as rsHash } from '@node-rs/bcrypt';
import { hash as argonHash } from 'argon2';
const legacyBcrypt = require('bcrypt');

const SALT_ROUNDS = 8;
const config = { auth: { bcryptRounds: 6 } } as const;

export async function register(password: string) {
  // ruleid: bcrypt-low-cost
  return bcrypt.hash(password, SALT_ROUNDS);
}

export function registerSync(password: string) {
  // ruleid: bcrypt-low-cost
  return bcryptjs.hashSync(password, 5);
}

export async function namedImport(password: string) {
  // ruleid: bcrypt-low-cost
  return hash(password, config.auth.bcryptRounds);
}

export function saltFirst(password: string) {
  // ruleid: bcrypt-low-cost
  const salt = genSaltSync(4);
  return bcryptjs.hashSync(password, salt);
}

export async function requireStyle(password: string) {
  // ruleid: bcrypt-low-cost
  const salt = await legacyBcrypt.genSalt(9);
  return legacyBcrypt.hash(password, salt);
}

export async function callbackStyle(password: string, done: (err: Error | undefined, hash: string) => void) {
  // ruleid: bcrypt-low-cost
  bcrypt.hash(password, 7, done);
}

export async function nodeRs(password: string) {
  // ruleid: bcrypt-low-cost
  return rsHash(password, 8);
}

// --- negatives ---

export async function owasp(password: string) {
  // ok: bcrypt-low-cost
  return bcrypt.hash(password, 12);
}

export async function minimum(password: string) {
  // ok: bcrypt-low-cost
  return bcryptjs.hash(password, 10);
}

export async function defaultSalt(password: string) {
  // ok: bcrypt-low-cost
  const salt = await bcrypt.genSalt();
  return bcrypt.hash(password, salt);
}

export async function configured(password: string, rounds: number) {
  // ok: bcrypt-low-cost
  return bcrypt.hash(password, rounds);
}

export async function argonIsNotBcrypt(password: string) {
  // ok: bcrypt-low-cost
  return argonHash(password, { timeCost: 3 } as never);
}

export function otherHashFunction(h: { hash(s: string, n: number): string }, password: string) {
  // ok: bcrypt-low-cost
  return h.hash(password, 4);
}
