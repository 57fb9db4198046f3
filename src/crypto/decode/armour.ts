import { base64Field } from './base64.js';

export interface Armour {
  label: string;
  headers: Record<string, string>;
  bytes: Uint8Array;
}

const BEGIN = /^-----BEGIN ([A-Z0-9 ]{1,64})-----$/;

/**
 * PEM (RFC 7468) and OpenPGP ASCII armour (RFC 9580 §6.2): header lines up to a blank line, a base64
 * body, and for OpenPGP an optional `=XXXX` CRC-24 line. Only a sample that is one whole block counts;
 * blocks embedded in other text are found by the private-key search instead.
 */
export function decodeArmour(text: string): Armour | undefined {
  const lines = text.trim().split(/\r?\n/);
  const begin = BEGIN.exec(lines[0]?.trim() ?? '');
  if (!begin) return undefined;
  const label = begin[1]!;
  const endIndex = lines.length - 1;
  if (lines[endIndex]?.trim() !== `-----END ${label}-----`) return undefined;
  const inner = lines.slice(1, endIndex).map((line) => line.trim());
  const headers: Record<string, string> = {};
  let bodyStart = 0;
  const blank = inner.indexOf('');
  if (blank >= 0 && inner.slice(0, blank).every((line) => /^[A-Za-z0-9-]+: /.test(line))) {
    for (const line of inner.slice(0, blank)) {
      const colon = line.indexOf(': ');
      headers[line.slice(0, colon)] = line.slice(colon + 2);
    }
    bodyStart = blank + 1;
  }
  let body = inner.slice(bodyStart).filter((line) => line !== '');
  if (body.length > 1 && /^=[A-Za-z0-9+/]{4}$/.test(body[body.length - 1]!)) body = body.slice(0, -1);
  if (body.length === 0) return { label, headers, bytes: new Uint8Array(0) };
  const bytes = base64Field(body.join(''));
  return bytes ? { label, headers, bytes } : undefined;
}
