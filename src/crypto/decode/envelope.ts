import { base64Field } from './base64.js';

export type EnvelopeRole = 'nonce' | 'salt' | 'tag';

/** An app's own JSON record around a ciphertext, e.g. `{"iv": "…", "ct": "…", "tag": "…"}`. */
export interface Envelope {
  ciphertextField: string;
  /** The field decoded as hex or base64: an envelope's ciphertext is bytes even when its text looks like a word. */
  ciphertextBytes: Uint8Array;
  ciphertextEncoding: 'hex' | 'base64';
  fields: { name: string; role: EnvelopeRole; bytes: Uint8Array }[];
  algorithm?: string;
}

const CIPHERTEXT_NAMES = new Set([
  'ciphertext', 'ct', 'encrypted', 'encrypteddata', 'encryptedpayload', 'encryptedmessage', 'data', 'payload',
  'content', 'cipher', 'body', 'value', 'blob', 'enc', 'message',
]);
const ROLE_NAMES: Record<string, EnvelopeRole> = {
  iv: 'nonce', nonce: 'nonce', counter: 'nonce', salt: 'salt', tag: 'tag', authtag: 'tag', mac: 'tag', hmac: 'tag',
};
const ALGORITHM_NAMES = new Set(['alg', 'algorithm', 'cipher', 'mode', 'enc', 'encryption']);
const MIN_CIPHERTEXT_BYTES = 8;

/** Recognises an envelope by field names and values that decode to bytes; anything else is left alone. */
export function readEnvelope(json: unknown): Envelope | undefined {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return undefined;
  const entries = Object.entries(json as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
  const ciphertext = entries
    .filter(([name]) => CIPHERTEXT_NAMES.has(normalise(name)))
    .map(([name, value]) => ({ name, value, bytes: fieldBytes(value) }))
    .filter((candidate) => candidate.bytes !== undefined && candidate.bytes.length >= MIN_CIPHERTEXT_BYTES)
    .sort((a, b) => b.bytes!.length - a.bytes!.length)[0];
  if (!ciphertext) return undefined;
  const fields: Envelope['fields'] = [];
  let algorithm: string | undefined;
  for (const [name, value] of entries) {
    if (name === ciphertext.name) continue;
    const role = ROLE_NAMES[normalise(name)];
    const bytes = role ? fieldBytes(value) : undefined;
    if (role && bytes && bytes.length > 0) fields.push({ name, role, bytes });
    else if (ALGORITHM_NAMES.has(normalise(name)) && /^[A-Za-z0-9_/+-]{2,40}$/.test(value)) algorithm = value;
  }
  return {
    ciphertextField: ciphertext.name,
    ciphertextBytes: ciphertext.bytes!,
    ciphertextEncoding: isHex(ciphertext.value) ? 'hex' : 'base64',
    fields,
    ...(algorithm ? { algorithm } : {}),
  };
}

function normalise(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, '');
}

/** Hex when it is hex (even length), else base64 or base64url. */
function fieldBytes(value: string): Uint8Array | undefined {
  const trimmed = value.trim();
  if (isHex(trimmed)) return Uint8Array.from(Buffer.from(trimmed, 'hex'));
  return base64Field(trimmed);
}

function isHex(value: string): boolean {
  return /^([0-9a-fA-F]{2})+$/.test(value.trim());
}
