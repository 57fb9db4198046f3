import { emptyContainer, type Container } from '../types.js';

const VERSION = 0x80;
const HEADER_BYTES = 1 + 8 + 16;
const HMAC_BYTES = 32;
const EARLIEST = Date.UTC(2010, 0, 1) / 1000;
const LATEST = Date.UTC(2100, 0, 1) / 1000;

export interface FernetParts {
  timestamp: number;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  signedPart: Uint8Array;
  hmac: Uint8Array;
}

/** Fernet: 0x80, 8-byte timestamp, 16-byte IV, AES-128-CBC body, HMAC-SHA256 (57 + 16k bytes). */
export function fernetParts(bytes: Uint8Array): FernetParts | undefined {
  if (bytes[0] !== VERSION || bytes.length < HEADER_BYTES + 16 + HMAC_BYTES || (bytes.length - HEADER_BYTES - HMAC_BYTES) % 16 !== 0) return undefined;
  const timestamp = Buffer.from(bytes.subarray(1, 9)).readBigUInt64BE();
  // A plausible time is what separates a token from random bytes that happen to start with 0x80.
  if (timestamp < BigInt(EARLIEST) || timestamp > BigInt(LATEST)) return undefined;
  return {
    timestamp: Number(timestamp),
    iv: bytes.subarray(9, HEADER_BYTES),
    ciphertext: bytes.subarray(HEADER_BYTES, bytes.length - HMAC_BYTES),
    signedPart: bytes.subarray(0, bytes.length - HMAC_BYTES),
    hmac: bytes.subarray(bytes.length - HMAC_BYTES),
  };
}

export function parseFernet(bytes: Uint8Array): Container | undefined {
  const parts = fernetParts(bytes);
  if (!parts) return undefined;
  const container = emptyContainer('Fernet token', true);
  container.details.push('AES-128-CBC + HMAC-SHA256');
  container.details.push(`made ${new Date(parts.timestamp * 1000).toISOString().replace('.000', '')} (timestamp in clear)`);
  container.randomFields.push({ field: 'Fernet IV', bytes: parts.iv, reuse: 'block', mode: 'AES-128-CBC', keyContext: 'fernet' });
  container.body = parts.ciphertext;
  return container;
}
