import { createHash } from 'node:crypto';
import { BodyReader } from './packets.js';

export const PUBLIC_KEY_TAG = 6;
export const PUBLIC_SUBKEY_TAG = 14;
export const SECRET_KEY_TAG = 5;
export const SECRET_SUBKEY_TAG = 7;
export const USER_ID_TAG = 13;

/** Identity of a key packet, computed as RFC 9580 §5.5.4 defines it. */
export interface KeyIdentity {
  version: number;
  algorithm: number;
  fingerprint: string;
  keyId: string;
}

export interface SecretKeyFacts extends KeyIdentity {
  /** The secret part is protected by a passphrase (S2K usage octet not zero). */
  protected: boolean;
}

/** The public part of a key packet body (public or secret), or undefined if it does not parse. */
function publicPart(body: Uint8Array): { version: number; algorithm: number; length: number } | undefined {
  const reader = new BodyReader(body);
  const version = reader.byte();
  if (version === 4) {
    if (reader.take(4) === undefined) return undefined;
    const algorithm = reader.byte();
    if (algorithm === undefined || !skipV4Material(reader, algorithm)) return undefined;
    return { version, algorithm, length: body.length - reader.remaining };
  }
  if (version === 5 || version === 6) {
    if (reader.take(4) === undefined) return undefined;
    const algorithm = reader.byte();
    const materialLength = reader.uint(4);
    if (algorithm === undefined || materialLength === undefined || !reader.take(materialLength)) return undefined;
    return { version, algorithm, length: body.length - reader.remaining };
  }
  return undefined;
}

function skipV4Material(reader: BodyReader, algorithm: number): boolean {
  const mpis = (count: number) => Array.from({ length: count }).every(() => reader.mpi() !== undefined);
  const oid = () => {
    const length = reader.byte();
    return length !== undefined && length > 0 && length < 255 && reader.take(length) !== undefined;
  };
  switch (algorithm) {
    case 1:
    case 2:
    case 3:
      return mpis(2);
    case 16:
      return mpis(3);
    case 17:
      return mpis(4);
    case 18: {
      if (!oid() || !mpis(1)) return false;
      const kdfLength = reader.byte();
      return kdfLength !== undefined && reader.take(kdfLength) !== undefined;
    }
    case 19:
    case 22:
      return oid() && mpis(1);
    case 25:
    case 27:
      return reader.take(32) !== undefined;
    case 26:
      return reader.take(56) !== undefined;
    case 28:
      return reader.take(57) !== undefined;
    default:
      return false;
  }
}

export function keyIdentity(body: Uint8Array): KeyIdentity | undefined {
  const part = publicPart(body);
  if (!part) return undefined;
  const publicBody = body.subarray(0, part.length);
  let fingerprint: string;
  if (part.version === 4) {
    const prefix = Uint8Array.of(0x99, (publicBody.length >> 8) & 0xff, publicBody.length & 0xff);
    fingerprint = createHash('sha1').update(prefix).update(publicBody).digest('hex');
  } else {
    const prefix = Buffer.alloc(5);
    prefix[0] = part.version === 6 ? 0x9b : 0x9a;
    prefix.writeUInt32BE(publicBody.length, 1);
    fingerprint = createHash('sha256').update(prefix).update(publicBody).digest('hex');
  }
  const keyId = part.version === 4 ? fingerprint.slice(-16) : fingerprint.slice(0, 16);
  return { version: part.version, algorithm: part.algorithm, fingerprint, keyId };
}

export function secretKeyFacts(body: Uint8Array): SecretKeyFacts | undefined {
  const identity = keyIdentity(body);
  const part = publicPart(body);
  if (!identity || !part) return undefined;
  const usage = body[part.length];
  if (usage === undefined) return undefined;
  return { ...identity, protected: usage !== 0 };
}
