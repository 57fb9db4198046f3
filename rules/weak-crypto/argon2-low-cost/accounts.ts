import argon2 from 'argon2';
import { ARGON2_DEFAULTS, ARGON2_OWASP } from './hashing-defaults';

export async function register(password: string, tuning: Partial<typeof ARGON2_DEFAULTS>) {
  const options = { type: argon2.argon2id, ...ARGON2_DEFAULTS, ...tuning };
  // ruleid: argon2-low-cost
  return argon2.hash(password, options);
}

export async function registerMerged(password: string, tuning: object) {
  // ruleid: argon2-low-cost
  return argon2.hash(password, Object.assign({}, ARGON2_DEFAULTS, tuning));
}

export async function registerStrong(password: string) {
  // ok: argon2-low-cost
  return argon2.hash(password, { ...ARGON2_DEFAULTS, ...ARGON2_OWASP });
}

export async function registerTuned(password: string, memoryCost: number) {
  // ok: argon2-low-cost
  return argon2.hash(password, { ...ARGON2_DEFAULTS, memoryCost });
}
