import type { AnalysedSample } from '../analyse-sample.js';
import { base64UrlField } from '../decode/base64.js';
import { fernetParts } from '../formats/fernet.js';
import { SALTED_BODY_OFFSET, SALTED_SALT_OFFSET } from '../formats/openssl-salted.js';
import { printableFraction } from '../decode/text.js';
import { readableKind } from '../plain/readable.js';
import { aeadOpens, blockDecrypt, hmacMatches, streamDecrypt } from './ciphers.js';
import { saltedKeyMaterial, type DerivedKey } from './derive.js';

/** One way a key opened one sample. */
export interface TrialSuccess {
  mode: string;
  layout: string;
  authenticated: boolean;
}

const PREVIEW = 1024;
const MIN_STREAM_PLAINTEXT = 32;
const MIN_BLOCK_PLAINTEXT = 16;
const MAX_AEAD_BYTES = 16 * 1024 * 1024;

/** Tries key bytes against a sample in the layouts apps and formats use; returns the first that opens. */
export function tryKey(key: DerivedKey, analysed: AnalysedSample): TrialSuccess | undefined {
  const format = analysed.container.format;
  if (format === 'Fernet token') return fernet(key, analysed.decoded.bytes);
  if (format.startsWith('JWE')) return jweDirect(key, analysed);
  if (!analysed.container.appLayout) return undefined;
  const envelope = analysed.decoded.envelope;
  const bytes = analysed.decoded.bytes;
  const nonce = envelope?.fields.find((field) => field.role === 'nonce')?.bytes;
  const tag = envelope?.fields.find((field) => field.role === 'tag')?.bytes;
  return (envelope && nonce ? envelopeTrials(key.bytes, bytes, nonce, tag) : undefined) ?? rawTrials(key.bytes, bytes);
}

/** The passphrase trials for OpenSSL Salted__ samples, reporting which KDF produced the key. */
export function trySaltedPassphrase(passphrase: Uint8Array, analysed: AnalysedSample): TrialSuccess | undefined {
  if (analysed.container.format !== 'OpenSSL Salted__') return undefined;
  const bytes = analysed.decoded.bytes;
  const salt = bytes.subarray(SALTED_SALT_OFFSET, SALTED_BODY_OFFSET);
  const body = bytes.subarray(SALTED_BODY_OFFSET);
  for (const { kdf, material } of saltedKeyMaterial(passphrase, salt)) {
    for (const [algorithm, keyLength] of [['aes-256-cbc', 32], ['aes-128-cbc', 16]] as const) {
      const plaintext = blockDecrypt(algorithm, material.subarray(0, keyLength), material.subarray(keyLength, keyLength + 16), body, 16, PREVIEW);
      if (plaintext && isPlaintextProof(plaintext)) return { mode: algorithm.toUpperCase(), layout: `Salted__, ${kdf}`, authenticated: false };
    }
  }
  return undefined;
}

function fernet(key: DerivedKey, bytes: Uint8Array): TrialSuccess | undefined {
  const parts = fernetParts(bytes);
  if (!parts || key.bytes.length !== 32) return undefined;
  return hmacMatches('sha256', key.bytes.subarray(0, 16), [parts.signedPart], parts.hmac)
    ? { mode: 'Fernet (AES-128-CBC + HMAC-SHA256)', layout: 'Fernet token', authenticated: true }
    : undefined;
}

const JWE_CONTENT: Readonly<Record<string, { keyLength: number; gcm?: 'aes-128-gcm' | 'aes-192-gcm' | 'aes-256-gcm'; hmac?: string }>> = {
  A128GCM: { keyLength: 16, gcm: 'aes-128-gcm' },
  A192GCM: { keyLength: 24, gcm: 'aes-192-gcm' },
  A256GCM: { keyLength: 32, gcm: 'aes-256-gcm' },
  'A128CBC-HS256': { keyLength: 32, hmac: 'sha256' },
  'A192CBC-HS384': { keyLength: 48, hmac: 'sha384' },
  'A256CBC-HS512': { keyLength: 64, hmac: 'sha512' },
};

/** JWE with `alg: dir`: the candidate is the content key itself; the tag (GCM) or HMAC (CBC-HS) proves it. */
function jweDirect(key: DerivedKey, analysed: AnalysedSample): TrialSuccess | undefined {
  const parts = jweParts(analysed);
  if (!parts || parts.alg !== 'dir') return undefined;
  const content = JWE_CONTENT[parts.enc];
  if (!content || key.bytes.length !== content.keyLength) return undefined;
  const aad = Buffer.from(parts.aad, 'ascii');
  let opened: boolean;
  if (content.gcm) opened = aeadOpens(content.gcm, key.bytes, parts.iv, parts.ciphertext, parts.tag, aad);
  else {
    const bitLength = Buffer.alloc(8);
    bitLength.writeBigUInt64BE(BigInt(aad.length * 8));
    opened = hmacMatches(content.hmac!, key.bytes.subarray(0, content.keyLength / 2), [aad, parts.iv, parts.ciphertext, bitLength], parts.tag);
  }
  return opened ? { mode: parts.enc, layout: 'JWE dir', authenticated: true } : undefined;
}

function jweParts(analysed: AnalysedSample): { alg: string; enc: string; aad: string; iv: Uint8Array; ciphertext: Uint8Array; tag: Uint8Array } | undefined {
  const { jose, json } = analysed.decoded;
  let protectedText: string;
  let fields: Record<string, unknown>;
  if (jose) {
    const [protectedPart, , iv, ciphertext, tag] = jose.split('.');
    protectedText = protectedPart ?? '';
    fields = { iv, ciphertext, tag };
  } else if (json && typeof json === 'object') {
    fields = json as Record<string, unknown>;
    protectedText = typeof fields.protected === 'string' ? fields.protected : '';
    if (typeof fields.aad === 'string') protectedText = `${protectedText}.${fields.aad}`;
  } else return undefined;
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(protectedText.split('.')[0]!, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  // A flattened JSON JWE may carry alg/enc outside the protected header too.
  const outer = (json ?? {}) as { unprotected?: Record<string, unknown>; header?: Record<string, unknown> };
  const merged = { ...outer.unprotected, ...outer.header, ...header };
  const [iv, ciphertext, tag] = [fields.iv, fields.ciphertext, fields.tag].map(base64UrlField);
  if (typeof merged.alg !== 'string' || typeof merged.enc !== 'string' || !iv || !ciphertext || !tag) return undefined;
  return { alg: merged.alg, enc: merged.enc, aad: protectedText, iv, ciphertext, tag };
}

function aesName(keyLength: number, mode: string): string | undefined {
  return keyLength === 16 || keyLength === 24 || keyLength === 32 ? `aes-${keyLength * 8}-${mode}` : undefined;
}

function rawTrials(key: Uint8Array, bytes: Uint8Array): TrialSuccess | undefined {
  const gcm = aesName(key.length, 'gcm') as 'aes-256-gcm' | undefined;
  if (bytes.length <= MAX_AEAD_BYTES && bytes.length >= 28) {
    const layouts: [string, Uint8Array, Uint8Array, Uint8Array][] = [
      ['nonce12‖ciphertext‖tag16', bytes.subarray(0, 12), bytes.subarray(12, -16), bytes.subarray(-16)],
      ['nonce12‖tag16‖ciphertext', bytes.subarray(0, 12), bytes.subarray(28), bytes.subarray(12, 28)],
    ];
    if (bytes.length >= 32) layouts.push(['nonce16‖ciphertext‖tag16', bytes.subarray(0, 16), bytes.subarray(16, -16), bytes.subarray(-16)]);
    for (const [layout, nonce, ciphertext, tag] of layouts) {
      if (gcm && aeadOpens(gcm, key, nonce, ciphertext, tag)) return { mode: gcm.toUpperCase(), layout, authenticated: true };
      if (key.length === 32 && nonce.length === 12 && aeadOpens('chacha20-poly1305', key, nonce, ciphertext, tag)) {
        return { mode: 'ChaCha20-Poly1305', layout, authenticated: true };
      }
    }
  }
  const cbc = aesName(key.length, 'cbc');
  if (cbc && bytes.length >= 32) {
    const withIv = blockDecrypt(cbc, key, bytes.subarray(0, 16), bytes.subarray(16), 16, PREVIEW);
    if (withIv && isPlaintextProof(withIv)) return { mode: cbc.toUpperCase(), layout: 'iv16‖ciphertext', authenticated: false };
  }
  if (cbc && bytes.length >= 32) {
    // Without a transmitted IV the first block is garbled under a wrong IV guess; the rest is not.
    const zeroIv = blockDecrypt(cbc, key, new Uint8Array(16), bytes, 16, PREVIEW);
    if (zeroIv && isPlaintextProof(zeroIv.subarray(16))) return { mode: cbc.toUpperCase(), layout: 'ciphertext only (fixed IV)', authenticated: false };
  }
  if (key.length === 24 && bytes.length >= 16) {
    const tripleDes = blockDecrypt('des-ede3-cbc', key, bytes.subarray(0, 8), bytes.subarray(8), 8, PREVIEW);
    if (tripleDes && isPlaintextProof(tripleDes)) return { mode: 'DES-EDE3-CBC', layout: 'iv8‖ciphertext', authenticated: false };
  }
  const ecb = aesName(key.length, 'ecb');
  if (ecb && bytes.length >= 16) {
    const plaintext = blockDecrypt(ecb, key, null, bytes, 16, PREVIEW);
    if (plaintext && isPlaintextProof(plaintext)) return { mode: ecb.toUpperCase(), layout: 'ciphertext only', authenticated: false };
  }
  return ctrTrials(key, bytes);
}

function ctrTrials(key: Uint8Array, bytes: Uint8Array): TrialSuccess | undefined {
  const ctr = aesName(key.length, 'ctr');
  if (!ctr) return undefined;
  const counterBlock = (nonce: Uint8Array, counter: number) => {
    const block = Buffer.alloc(16);
    block.set(nonce);
    block.writeUInt32BE(counter, 12);
    return block;
  };
  const layouts: [string, Uint8Array, Uint8Array][] = [
    ['iv16‖ciphertext', bytes.subarray(0, 16), bytes.subarray(16)],
    ...[0, 1, 2].map((counter): [string, Uint8Array, Uint8Array] => [`nonce12‖ciphertext (counter ${counter})`, counterBlock(bytes.subarray(0, 12), counter), bytes.subarray(12)]),
    ['nonce8‖ciphertext', counterBlock(bytes.subarray(0, 8), 0), bytes.subarray(8)],
  ];
  for (const [layout, block, ciphertext] of layouts) {
    if (ciphertext.length < MIN_STREAM_PLAINTEXT) continue;
    const plaintext = streamDecrypt(ctr, key, block, ciphertext, PREVIEW);
    if (plaintext && plaintext.length >= MIN_STREAM_PLAINTEXT && isPlaintextProof(plaintext)) return { mode: ctr.toUpperCase(), layout, authenticated: false };
  }
  return undefined;
}

/** An app's JSON envelope: the IV/nonce and tag are separate fields, the tag may also trail the ciphertext. */
function envelopeTrials(key: DerivedKey['bytes'], ciphertext: Uint8Array, nonce: Uint8Array, tag: Uint8Array | undefined): TrialSuccess | undefined {
  const gcm = aesName(key.length, 'gcm') as 'aes-256-gcm' | undefined;
  const splits: [string, Uint8Array, Uint8Array][] = tag ? [['JSON iv + ciphertext + tag fields', ciphertext, tag]] : [];
  if (ciphertext.length >= 16) splits.push(['JSON iv + ciphertext‖tag16', ciphertext.subarray(0, -16), ciphertext.subarray(-16)]);
  for (const [layout, body, authTag] of splits) {
    if (gcm && aeadOpens(gcm, key, nonce, body, authTag)) return { mode: gcm.toUpperCase(), layout, authenticated: true };
    if (key.length === 32 && nonce.length === 12 && aeadOpens('chacha20-poly1305', key, nonce, body, authTag)) return { mode: 'ChaCha20-Poly1305', layout, authenticated: true };
  }
  const cbc = aesName(key.length, 'cbc');
  if (cbc && nonce.length === 16) {
    const plaintext = blockDecrypt(cbc, key, nonce, ciphertext, 16, PREVIEW);
    if (plaintext && isPlaintextProof(plaintext)) return { mode: cbc.toUpperCase(), layout: 'JSON iv + ciphertext', authenticated: false };
  }
  const ctr = aesName(key.length, 'ctr');
  if (ctr && nonce.length === 16 && ciphertext.length >= MIN_STREAM_PLAINTEXT) {
    const plaintext = streamDecrypt(ctr, key, nonce, ciphertext, PREVIEW);
    if (plaintext && plaintext.length >= MIN_STREAM_PLAINTEXT && isPlaintextProof(plaintext)) return { mode: ctr.toUpperCase(), layout: 'JSON iv + ciphertext', authenticated: false };
  }
  return undefined;
}

/**
 * Without a tag, readable output is the proof. Random output passes valid padding (1/256) and 16
 * fully printable bytes (0.38^16) together about once in 10^9 trials, 32 mostly printable bytes far
 * less often, so trying many keys on many samples still gives no false confirmations.
 */
function isPlaintextProof(plaintext: Uint8Array): boolean {
  if (plaintext.length < MIN_BLOCK_PLAINTEXT || !readableKind(plaintext)) return false;
  return plaintext.length >= MIN_STREAM_PLAINTEXT || printableFraction(plaintext) === 1;
}
