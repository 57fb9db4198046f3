export type Base64Variant = 'base64' | 'base64url';

const MIN_LENGTH = 8;
const SHORT_TEXT = 64;

/**
 * Standard or URL-safe base64, padded or not, wrapped at any width (PEM, age, MIME) with LF or CRLF.
 * Rejects what is more likely a word than encoded bytes: short all-letter strings, and short strings
 * missing upper or lower case, which random bytes' base64 almost always has.
 */
export function decodeBase64(text: string): { bytes: Uint8Array; variant: Base64Variant } | undefined {
  const compact = text.trim().replace(/[ \t]*\r?\n[ \t]*/g, '');
  const unpadded = compact.replace(/={1,2}$/, '');
  if (unpadded.length < MIN_LENGTH || unpadded.length % 4 === 1) return undefined;
  if (compact.length !== unpadded.length && compact.length % 4 !== 0) return undefined;
  let variant: Base64Variant;
  if (/^[A-Za-z0-9+/]+$/.test(unpadded)) variant = 'base64';
  else if (/^[A-Za-z0-9_-]+$/.test(unpadded)) variant = 'base64url';
  else return undefined;
  if (/^[A-Za-z]+$/.test(unpadded) && unpadded.length < 32) return undefined;
  if (unpadded.length < SHORT_TEXT && (!/[A-Z]/.test(unpadded) || !/[a-z]/.test(unpadded))) return undefined;
  return { bytes: Uint8Array.from(Buffer.from(unpadded, variant)), variant };
}

/** Strict base64url for fields inside JOSE structures, where the encoding is fixed by the spec. */
export function base64UrlField(value: unknown): Uint8Array | undefined {
  if (typeof value !== 'string' || !/^[A-Za-z0-9_-]*$/.test(value) || value.length % 4 === 1) return undefined;
  return Uint8Array.from(Buffer.from(value, 'base64url'));
}

/** Lenient base64 or base64url of any length, for fields whose name already says they are encoded. */
export function base64Field(value: string): Uint8Array | undefined {
  const compact = value.replace(/\s+/g, '').replace(/={1,2}$/, '');
  if (compact.length === 0 || compact.length % 4 === 1) return undefined;
  if (/^[A-Za-z0-9+/]+$/.test(compact)) return Uint8Array.from(Buffer.from(compact, 'base64'));
  if (/^[A-Za-z0-9_-]+$/.test(compact)) return Uint8Array.from(Buffer.from(compact, 'base64url'));
  return undefined;
}
