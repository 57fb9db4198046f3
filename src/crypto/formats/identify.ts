import type { DecodedSample } from '../decode/decode-sample.js';
import type { Envelope } from '../decode/envelope.js';
import { detectCompression } from '../plain/compressed.js';
import { fileKind } from '../plain/file-magic.js';
import { readableKind } from '../plain/readable.js';
import { emptyContainer, observe, type Container, type ReuseClass } from '../types.js';
import { parseAge } from './age.js';
import { parseCms } from './cms.js';
import { parseFernet } from './fernet.js';
import { parseJoseCompact, parseJoseJson } from './jose.js';
import { parseOpenPgp } from './openpgp/message.js';
import { parseOpensslSalted } from './openssl-salted.js';
import { parsePkcs8, pemPrivateKeyContainer } from './private-keys.js';

/** Decides what a decoded sample is: a known container, readable or compressed data, or unknown bytes. */
export function identifyContainer(decoded: DecodedSample): Container {
  if (decoded.jose !== undefined) return parseJoseCompact(decoded.jose) ?? unknownBytes(decoded);
  if (decoded.json !== undefined) return jsonContainer(decoded);
  const armoured = decoded.armour ? armouredContainer(decoded) : undefined;
  if (armoured) return armoured;
  const bytes = decoded.bytes;
  return (
    parseAge(bytes) ??
    parseOpensslSalted(bytes) ??
    parseFernet(bytes) ??
    parseCms(bytes) ??
    parsePkcs8(bytes) ??
    ((bytes[0] ?? 0) & 0x80 ? parseOpenPgp(bytes, false) : undefined) ??
    notEncrypted(decoded) ??
    unknownBytes(decoded)
  );
}

function jsonContainer(decoded: DecodedSample): Container {
  const json = decoded.json;
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const jose = parseJoseJson(json as Record<string, unknown>);
    if (jose) return jose;
  }
  return notEncrypted(decoded) ?? unknownBytes(decoded);
}

function armouredContainer(decoded: DecodedSample): Container | undefined {
  const label = decoded.armour!.label;
  if (label.startsWith('PGP ')) return parseOpenPgp(decoded.bytes, true);
  if (label === 'AGE ENCRYPTED FILE') return parseAge(decoded.bytes);
  if (label === 'PKCS7' || label === 'CMS') return parseCms(decoded.bytes);
  if (label.endsWith('PRIVATE KEY')) return pemPrivateKeyContainer(label, decoded.textLayers.at(-1) ?? '');
  if (label === 'CERTIFICATE' || label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY') {
    const container = emptyContainer(`PEM ${label.toLowerCase()}`, false);
    container.details.push('a public key or certificate, not a message');
    return container;
  }
  return undefined;
}

/** Readable text, a file format or compressed data: recognised by structure, never by entropy alone. */
function notEncrypted(decoded: DecodedSample): Container | undefined {
  const { bytes } = decoded;
  const chain = describeChain(decoded.chain);
  const text = decoded.textLayers.at(-1);
  if (decoded.text !== undefined && text?.trimStart().startsWith('-----BEGIN PGP SIGNED MESSAGE-----')) {
    return readable('OpenPGP cleartext-signed message', 'fmt.not-encrypted', { FORMAT: 'OpenPGP', DETAIL: 'a cleartext-signed message: readable by anyone' });
  }
  const file = fileKind(bytes);
  if (file) return readable(file, 'plain.file-magic', { KIND: file });
  const compression = detectCompression(bytes);
  if (compression) return readable(`${compression.kind} data`, 'plain.compressed', { KIND: compression.kind, EVIDENCE: compression.evidence });
  const kind = readableKind(bytes);
  if (kind) return readable(`readable ${kind}`, 'plain.text', { KIND: kind, CHAIN: chain });
  if (decoded.text !== undefined && bytes.length < SHORT_TEXT) {
    const container = emptyContainer('short text', false);
    container.details.push('too short to be a ciphertext or to judge');
    return container;
  }
  return undefined;
}

const SHORT_TEXT = 8;

function readable(format: string, check: 'plain.text' | 'plain.file-magic' | 'plain.compressed' | 'fmt.not-encrypted', values: Record<string, string>): Container {
  const container = emptyContainer(format, false);
  container.details.push('not encrypted');
  container.observations.push(observe(check, values, format));
  return container;
}

/** Bytes in no known format: the app's own layout, which the cross-sample checks examine. */
function unknownBytes(decoded: DecodedSample): Container {
  const container = emptyContainer(decoded.envelope ? 'JSON envelope' : 'unrecognised bytes', true);
  container.appLayout = true;
  container.body = decoded.bytes;
  if (decoded.envelope) addEnvelopeFields(container, decoded.envelope);
  return container;
}

function addEnvelopeFields(container: Container, envelope: Envelope): void {
  const algorithm = envelope.algorithm?.toLowerCase() ?? '';
  const hasTag = envelope.fields.some((field) => field.role === 'tag');
  for (const field of envelope.fields.filter((candidate) => candidate.role !== 'tag')) {
    container.randomFields.push({
      field: `JSON field "${field.name}"`,
      bytes: field.bytes,
      reuse: envelopeReuse(algorithm, hasTag, field.bytes.length, field.role),
      mode: envelope.algorithm ?? (hasTag ? 'AEAD (has a tag field)' : 'unknown mode'),
      keyContext: 'envelope',
    });
  }
  container.details.push(`fields: ${[envelope.ciphertextField, ...envelope.fields.map((field) => field.name)].join(', ')}`);
}

/** What a repeated envelope nonce means, from the algorithm name, a tag field or a 96-bit length. */
function envelopeReuse(algorithm: string, hasTag: boolean, length: number, role: string): ReuseClass {
  if (role === 'salt') return 'block';
  // SIV is misuse-resistant: a repeated nonce only shows equal messages, as a fixed CBC IV does.
  if (/siv|cbc|ecb/.test(algorithm)) return 'block';
  if (/gcm|ctr|chacha|poly1305|salsa|ccm|ocb|ofb|cfb/.test(algorithm)) return 'stream';
  return hasTag || length === 12 || length === 24 ? 'stream' : 'block';
}

export function describeChain(chain: readonly string[]): string {
  return chain.length === 0 ? 'none' : chain.join(' → ');
}
