import { decodeArmour, type Armour } from './armour.js';
import { decodeBase64 } from './base64.js';
import { readEnvelope, type Envelope } from './envelope.js';
import { decodeHex } from './hex.js';
import { decodeSmime } from './smime.js';
import { asText, bytesOf } from './text.js';

/** A sample after peeling off its encodings, with the steps taken (outermost first). */
export interface DecodedSample {
  bytes: Uint8Array;
  chain: string[];
  /** Every layer that was text, outermost first: where embedded private keys are looked for. */
  textLayers: string[];
  /** The innermost layer as text, when it is text. */
  text?: string;
  armour?: Armour;
  /** A compact JOSE serialisation (JWE: 5 segments, JWS/JWT: 3). */
  jose?: string;
  /** A JSON document that is the sample itself (a JWE JSON serialisation, a JWK, or plain data). */
  json?: unknown;
  envelope?: Envelope;
}

const MAX_LAYERS = 5;
const MAX_JSON_TEXT = 16 * 1024 * 1024;
const JOSE_COMPACT = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)?$/;

type Layer =
  | { step: string | string[]; bytes: Uint8Array; armour?: Armour; envelope?: Envelope }
  | { stop: 'jose'; text: string }
  | { stop: 'json'; json: unknown };

/**
 * Decodes one sample on its own (pitfall: mixed folders are normal), at most five layers deep so a
 * log's base64-of-hex or armour-inside-JSON is peeled but nothing can loop.
 */
export function decodeSample(raw: Uint8Array): DecodedSample {
  const decoded: DecodedSample = { bytes: raw, chain: [], textLayers: [] };
  for (let depth = 0; depth < MAX_LAYERS; depth++) {
    const text = asText(decoded.bytes);
    if (text === undefined) break;
    decoded.textLayers.push(text);
    decoded.text = text;
    const layer = nextLayer(text.trim());
    if (!layer) break;
    if ('stop' in layer) {
      if (layer.stop === 'jose') decoded.jose = layer.text;
      else decoded.json = layer.json;
      break;
    }
    decoded.chain.push(...[layer.step].flat());
    decoded.bytes = layer.bytes;
    delete decoded.text;
    if (layer.armour) decoded.armour = layer.armour;
    if (layer.envelope) decoded.envelope = layer.envelope;
  }
  return decoded;
}

function nextLayer(text: string): Layer | undefined {
  if (text === '') return undefined;
  const armour = decodeArmour(text);
  if (armour) return { step: `armour(${armour.label})`, bytes: armour.bytes, armour };
  const smime = decodeSmime(text);
  if (smime) return { step: 'smime', bytes: smime };
  if (JOSE_COMPACT.test(text) && joseHeader(text)) return { stop: 'jose', text };
  if (/^[[{"]/.test(text)) return jsonLayer(text);
  const dataUrl = /^data:[^,;]*;base64,(.*)$/s.exec(text);
  if (dataUrl) {
    const decoded = decodeBase64(dataUrl[1]!);
    if (decoded) return { step: 'data-url', bytes: decoded.bytes };
  }
  const hex = decodeHex(text);
  if (hex) return { step: 'hex', bytes: hex };
  const base64 = decodeBase64(text);
  if (base64) return { step: base64.variant, bytes: base64.bytes };
  if (/%[0-9A-Fa-f]{2}/.test(text)) {
    try {
      const unescaped = decodeURIComponent(text);
      if (unescaped !== text) return { step: 'url-encoding', bytes: bytesOf(unescaped) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function jsonLayer(text: string): Layer | undefined {
  if (text.length > MAX_JSON_TEXT) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof json === 'string') return { step: 'json-string', bytes: bytesOf(json) };
  if (isJoseJson(json)) return { stop: 'json', json };
  const envelope = readEnvelope(json);
  if (envelope) return { step: [`json(.${envelope.ciphertextField})`, envelope.ciphertextEncoding], bytes: envelope.ciphertextBytes, envelope };
  return { stop: 'json', json };
}

function isJoseJson(json: unknown): boolean {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return false;
  const record = json as Record<string, unknown>;
  const isJwe = typeof record.ciphertext === 'string' && ('recipients' in record || 'encrypted_key' in record || 'protected' in record || 'iv' in record);
  return isJwe || typeof record.kty === 'string' || (typeof record.payload === 'string' && ('signatures' in record || 'signature' in record));
}

/** The first segment must be a JSON object with `alg` or `enc`: otherwise dots are just dots. */
function joseHeader(compact: string): Record<string, unknown> | undefined {
  const first = compact.slice(0, compact.indexOf('.'));
  try {
    const header: unknown = JSON.parse(Buffer.from(first, 'base64url').toString('utf8'));
    if (header === null || typeof header !== 'object' || Array.isArray(header)) return undefined;
    const record = header as Record<string, unknown>;
    return typeof record.alg === 'string' || typeof record.enc === 'string' ? record : undefined;
  } catch {
    return undefined;
  }
}
