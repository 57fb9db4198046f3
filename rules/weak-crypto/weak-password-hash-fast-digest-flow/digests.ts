import { createHash, createHmac } from 'node:crypto';

// General-purpose helpers: which of their callers hash a password decides the finding.
export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

export function keyedDigest(pepper: string, input: string): string {
  return createHmac('sha512', pepper).update(input).digest('base64');
}

export function normalizeSecret(value: string): string {
  return value.trim().normalize('NFKC');
}

export function checksum(data: Buffer): string {
  return createHash('sha1').update(data).digest('hex');
}
