import { ENCRYPTION_ALGORITHMS } from './algorithms.js';
import { BodyReader } from './packets.js';

/** A Public-Key Encrypted Session Key packet (tag 1): one per public-key recipient. */
export interface PublicKeyRecipient {
  version: 3 | 6;
  /** 16 hex digits; all zeros for a wildcard ("speculative") recipient. */
  keyId: string;
  /** Present in v6 packets: the recipient key's full fingerprint. */
  fingerprint?: string;
  algorithm: number;
  hidden: boolean;
  /** For RSA: the bit count of the encrypted session key, which is the modulus size. */
  rsaBits?: number;
  /** X25519/X448 v3 packets carry the session cipher in the clear. */
  visibleCipher?: number;
}

export interface S2kSpecifier {
  type: number;
  hash?: number;
  salt?: Uint8Array;
  iterations?: number;
  argon2?: { passes: number; parallelism: number; memoryKiB: number };
}

/** A Symmetric-Key Encrypted Session Key packet (tag 3): a password recipient. */
export interface PasswordRecipient {
  version: number;
  cipher: number;
  aead?: number;
  s2k: S2kSpecifier;
}

type Parsed<T> = T | { problem: string };

export function parsePublicKeyRecipient(body: Uint8Array): Parsed<PublicKeyRecipient> {
  const reader = new BodyReader(body);
  const version = reader.byte();
  if (version === 3) {
    const keyIdBytes = reader.take(8);
    const algorithm = reader.byte();
    if (!keyIdBytes || algorithm === undefined) return { problem: 'PKESK v3 is truncated' };
    const keyId = hex(keyIdBytes);
    return finishPublicKey({ version: 3, keyId, algorithm, hidden: /^0+$/.test(keyId) }, reader);
  }
  if (version === 6) {
    const count = reader.byte();
    if (count === undefined) return { problem: 'PKESK v6 is truncated' };
    if (count === 0) {
      const algorithm = reader.byte();
      if (algorithm === undefined) return { problem: 'PKESK v6 is truncated' };
      return finishPublicKey({ version: 6, keyId: '0000000000000000', algorithm, hidden: true }, reader);
    }
    const keyVersion = reader.byte();
    const fingerprintBytes = reader.take(count - 1);
    const algorithm = reader.byte();
    if (keyVersion === undefined || !fingerprintBytes || algorithm === undefined) return { problem: 'PKESK v6 is truncated' };
    const expected = keyVersion === 4 ? 20 : keyVersion === 6 ? 32 : undefined;
    if (expected !== fingerprintBytes.length) return { problem: `PKESK v6 names a v${keyVersion} key with a ${fingerprintBytes.length}-byte fingerprint` };
    const fingerprint = hex(fingerprintBytes);
    // v4 key ids are the fingerprint's last 8 bytes, v6 key ids its first 8 (RFC 9580 §5.5.4).
    const keyId = keyVersion === 4 ? fingerprint.slice(-16) : fingerprint.slice(0, 16);
    return finishPublicKey({ version: 6, keyId, fingerprint, algorithm, hidden: false }, reader);
  }
  return { problem: `unknown PKESK version ${version}` };
}

function finishPublicKey(recipient: PublicKeyRecipient, reader: BodyReader): Parsed<PublicKeyRecipient> {
  if (!ENCRYPTION_ALGORITHMS.has(recipient.algorithm)) return { problem: `public-key algorithm ${recipient.algorithm} cannot encrypt` };
  switch (recipient.algorithm) {
    case 1:
    case 2: {
      const bits = reader.mpi();
      if (bits === undefined) return { problem: 'RSA session key is truncated' };
      return { ...recipient, rsaBits: bits };
    }
    case 25:
    case 26: {
      const ephemeral = reader.take(recipient.algorithm === 25 ? 32 : 56);
      const length = reader.byte();
      if (!ephemeral || length === undefined || reader.remaining !== length) return { problem: 'X25519/X448 session key is truncated' };
      return recipient.version === 3 ? { ...recipient, visibleCipher: reader.byte()! } : recipient;
    }
    default:
      return recipient;
  }
}

export function parsePasswordRecipient(body: Uint8Array): Parsed<PasswordRecipient> {
  const reader = new BodyReader(body);
  const version = reader.byte();
  if (version === 4) {
    const cipher = reader.byte();
    const s2k = readS2k(reader);
    if (cipher === undefined || !s2k) return { problem: 'SKESK v4 is truncated' };
    return { version, cipher, s2k };
  }
  if (version === 5 || version === 6) {
    if (version === 6 && reader.byte() === undefined) return { problem: 'SKESK v6 is truncated' };
    const cipher = reader.byte();
    const aead = reader.byte();
    if (version === 6 && reader.byte() === undefined) return { problem: 'SKESK v6 is truncated' };
    const s2k = readS2k(reader);
    if (cipher === undefined || aead === undefined || !s2k) return { problem: `SKESK v${version} is truncated` };
    return { version, cipher, aead, s2k };
  }
  return { problem: `unknown SKESK version ${version}` };
}

/** RFC 9580 §3.7: simple, salted, iterated+salted and Argon2 specifiers. */
function readS2k(reader: BodyReader): S2kSpecifier | undefined {
  const type = reader.byte();
  switch (type) {
    case 0: {
      const hash = reader.byte();
      return hash === undefined ? undefined : { type, hash };
    }
    case 1: {
      const hash = reader.byte();
      const salt = reader.take(8);
      return hash === undefined || !salt ? undefined : { type, hash, salt };
    }
    case 3: {
      const hash = reader.byte();
      const salt = reader.take(8);
      const coded = reader.byte();
      if (hash === undefined || !salt || coded === undefined) return undefined;
      return { type, hash, salt, iterations: (16 + (coded & 15)) * 2 ** ((coded >> 4) + 6) };
    }
    case 4: {
      const salt = reader.take(16);
      const passes = reader.byte();
      const parallelism = reader.byte();
      const memoryExponent = reader.byte();
      if (!salt || passes === undefined || parallelism === undefined || memoryExponent === undefined) return undefined;
      return { type, salt, argon2: { passes, parallelism, memoryKiB: 2 ** memoryExponent } };
    }
    case undefined:
      return undefined;
    default:
      return { type };
  }
}

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}
