import type { CipherStrength } from '../weak-algorithms.js';

/** RFC 9580 §9 algorithm registries, with what each means for a finding. */

interface SymmetricAlgorithm {
  name: string;
  strength: CipherStrength;
}

export const SYMMETRIC_ALGORITHMS: Readonly<Record<number, SymmetricAlgorithm>> = {
  0: { name: 'plaintext (algorithm 0)', strength: 'broken' },
  1: { name: 'IDEA', strength: 'legacy' },
  2: { name: 'TripleDES', strength: 'legacy' },
  3: { name: 'CAST5', strength: 'legacy' },
  4: { name: 'Blowfish', strength: 'legacy' },
  7: { name: 'AES-128', strength: 'ok' },
  8: { name: 'AES-192', strength: 'ok' },
  9: { name: 'AES-256', strength: 'ok' },
  10: { name: 'Twofish', strength: 'ok' },
  11: { name: 'Camellia-128', strength: 'ok' },
  12: { name: 'Camellia-192', strength: 'ok' },
  13: { name: 'Camellia-256', strength: 'ok' },
};

export const PUBLIC_KEY_ALGORITHMS: Readonly<Record<number, string>> = {
  1: 'RSA',
  2: 'RSA (encrypt-only)',
  3: 'RSA (sign-only)',
  16: 'Elgamal',
  17: 'DSA',
  18: 'ECDH',
  19: 'ECDSA',
  22: 'EdDSA (legacy)',
  25: 'X25519',
  26: 'X448',
  27: 'Ed25519',
  28: 'Ed448',
};

/** Public-key algorithms that can receive an encrypted session key. */
export const ENCRYPTION_ALGORITHMS: ReadonlySet<number> = new Set([1, 2, 16, 18, 25, 26]);

export const AEAD_ALGORITHMS: Readonly<Record<number, { name: string; nonceLength: number }>> = {
  1: { name: 'EAX', nonceLength: 16 },
  2: { name: 'OCB', nonceLength: 15 },
  3: { name: 'GCM', nonceLength: 12 },
};

export const HASH_ALGORITHMS: Readonly<Record<number, string>> = {
  1: 'MD5',
  2: 'SHA-1',
  3: 'RIPEMD-160',
  8: 'SHA-256',
  9: 'SHA-384',
  10: 'SHA-512',
  11: 'SHA-224',
  12: 'SHA3-256',
  14: 'SHA3-512',
};

export function symmetricName(id: number): string {
  return SYMMETRIC_ALGORITHMS[id]?.name ?? `unknown cipher ${id}`;
}

export function publicKeyName(id: number): string {
  return PUBLIC_KEY_ALGORITHMS[id] ?? `unknown algorithm ${id}`;
}
