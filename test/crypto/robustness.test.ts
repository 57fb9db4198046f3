import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import CryptoJS from 'crypto-js';
import fc from 'fast-check';
import * as jose from 'jose';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyseSample } from '../../src/crypto/analyse-sample.js';
import { ecbWithinSample } from '../../src/crypto/cross/ecb.js';
import { keystreamReuse } from '../../src/crypto/cross/keystream.js';
import { repeatingKeyXor } from '../../src/crypto/cross/xor-obfuscation.js';
import { decodeArmour } from '../../src/crypto/decode/armour.js';
import { decodeSample } from '../../src/crypto/decode/decode-sample.js';
import { decodeSmime } from '../../src/crypto/decode/smime.js';
import { parseAge } from '../../src/crypto/formats/age.js';
import { parseCms } from '../../src/crypto/formats/cms.js';
import { parseFernet } from '../../src/crypto/formats/fernet.js';
import { parseJoseCompact, parseJoseJson } from '../../src/crypto/formats/jose.js';
import { keyIdentity, secretKeyFacts } from '../../src/crypto/formats/openpgp/keys.js';
import { parseOpenPgp } from '../../src/crypto/formats/openpgp/message.js';
import { readPackets } from '../../src/crypto/formats/openpgp/packets.js';
import { parsePasswordRecipient, parsePublicKeyRecipient } from '../../src/crypto/formats/openpgp/session-keys.js';
import { parseOpensslSalted } from '../../src/crypto/formats/openssl-salted.js';
import { embeddedPrivateKeys, parsePkcs8 } from '../../src/crypto/formats/private-keys.js';
import { detectCompression } from '../../src/crypto/plain/compressed.js';
import { classifyString } from '../../src/crypto/recipients/authorized-entry.js';
import { runRandomnessTests } from '../../src/crypto/stats/randomness.js';
import { readYaml } from '../../src/crypto/yaml-input.js';
import { envelopedData, selfSignedCertificate } from './cms-vectors.js';

const TIME_LIMIT_MS = 1000;
const source = { file: 'x', line: 1, name: 'x', endLine: 1, endColumn: 1 };

/** Every byte-level parser: none may throw, hang or grow memory on any input. */
const BYTE_PARSERS: Record<string, (bytes: Uint8Array) => unknown> = {
  decodeSample,
  analyseSample: (bytes) => analyseSample({ source, bytes }),
  readPackets,
  parseOpenPgpRaw: (bytes) => parseOpenPgp(bytes, false),
  parseOpenPgpArmoured: (bytes) => parseOpenPgp(bytes, true),
  parsePublicKeyRecipient,
  parsePasswordRecipient,
  keyIdentity,
  secretKeyFacts,
  parseAge,
  parseCms,
  parseOpensslSalted,
  parseFernet,
  parsePkcs8,
  detectCompression,
  ecbWithinSample,
  repeatingKeyXor,
  keystreamReuse: (bytes) => keystreamReuse(bytes, bytes.map((byte) => byte ^ 0x5a)),
  runRandomnessTests,
};

const TEXT_PARSERS: Record<string, (text: string) => unknown> = {
  decodeArmour,
  decodeSmime,
  parseJoseCompact,
  parseJoseJson: (text) => {
    try {
      const value: unknown = JSON.parse(text);
      return value && typeof value === 'object' ? parseJoseJson(value as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  },
  embeddedPrivateKeys: (text) => embeddedPrivateKeys([text]),
  classifyString,
  readYaml: (text) => {
    try {
      return readYaml('fuzz.yaml', text);
    } catch (error) {
      if ((error as Error).name === 'InputFileError') return undefined;
      throw error;
    }
  },
};

function bounded<T>(name: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const elapsed = performance.now() - started;
  if (elapsed > TIME_LIMIT_MS) throw new Error(`${name} took ${elapsed.toFixed(0)} ms`);
  return result;
}

const realVectors: Record<string, Uint8Array> = {};

beforeAll(async () => {
  const key = (await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name: 'f' }], format: 'object' })).privateKey;
  const message = await openpgp.createMessage({ text: 'fuzz me' });
  realVectors.openpgp = (await openpgp.encrypt({ message, encryptionKeys: key.toPublic(), passwords: ['pw'], format: 'binary' })) as Uint8Array;
  realVectors.openpgpKey = new TextEncoder().encode(key.armor());
  const jwk = await jose.generateKeyPair('ECDH-ES+A256KW');
  realVectors.jweCompact = new TextEncoder().encode(await new jose.CompactEncrypt(new TextEncoder().encode('x')).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }).encrypt(jwk.publicKey));
  const general = new jose.GeneralEncrypt(new TextEncoder().encode('x')).setProtectedHeader({ enc: 'A128GCM' });
  general.addRecipient(jwk.publicKey).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: 'k' });
  realVectors.jweJson = new TextEncoder().encode(JSON.stringify(await general.encrypt()));
  const encrypter = new Encrypter();
  encrypter.addRecipient(await identityToRecipient(await generateIdentity()));
  realVectors.age = await encrypter.encrypt('fuzz');
  realVectors.cms = await envelopedData([(await selfSignedCertificate('Fuzz', 7)).certificate]);
  realVectors.salted = new TextEncoder().encode(CryptoJS.AES.encrypt('fuzz', 'pw').toString());
  const iv = randomBytes(16);
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64BE(1_700_000_000n);
  const cipher = createCipheriv('aes-128-cbc', Buffer.alloc(16), iv);
  const signed = Buffer.concat([Buffer.from([0x80]), timestamp, iv, cipher.update('fuzz'), cipher.final()]);
  realVectors.fernet = Buffer.concat([signed, createHmac('sha256', Buffer.alloc(16)).update(signed).digest()]);
});

const mutation = (length: number) =>
  fc.array(fc.record({ kind: fc.constantFrom('flip', 'truncate', 'insert', 'delete'), at: fc.nat({ max: Math.max(0, length - 1) }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 });

function mutate(bytes: Uint8Array, edits: { kind: string; at: number; value: number }[]): Uint8Array {
  let result = Array.from(bytes);
  for (const { kind, at, value } of edits) {
    const position = Math.min(at, result.length);
    if (kind === 'flip') result[position] = (result[position] ?? 0) ^ (value || 1);
    else if (kind === 'truncate') result = result.slice(0, position);
    else if (kind === 'insert') result.splice(position, 0, value);
    else result.splice(position, 1);
  }
  return Uint8Array.from(result);
}

describe('parsers on hostile input', () => {
  it.each(Object.keys(BYTE_PARSERS))('%s survives random bytes', (name) => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => void bounded(name, () => BYTE_PARSERS[name]!(bytes))), { numRuns: 150, seed: 42 });
  });

  it.each(Object.keys(BYTE_PARSERS))('%s survives mutated real vectors', (name) => {
    for (const [vector, bytes] of Object.entries(realVectors)) {
      fc.assert(fc.property(mutation(bytes.length), (edits) => void bounded(`${name}/${vector}`, () => BYTE_PARSERS[name]!(mutate(bytes, edits)))), { numRuns: 25, seed: 7 });
    }
  });

  it.each(Object.keys(TEXT_PARSERS))('%s survives random and structured text', (name) => {
    const structured = fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.json().map((json) => json),
      fc.array(fc.base64String({ maxLength: 60 }), { maxLength: 5 }).map((parts) => parts.join('.')),
      fc.base64String({ maxLength: 300 }).map((body) => `-----BEGIN PGP MESSAGE-----\n\n${body}\n-----END PGP MESSAGE-----`),
      fc.base64String({ maxLength: 300 }).map((body) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${body}\n-----END OPENSSH PRIVATE KEY-----`),
      fc.base64String({ maxLength: 300 }).map((body) => `Content-Type: application/pkcs7-mime\nContent-Transfer-Encoding: base64\n\n${body}`),
    );
    fc.assert(fc.property(structured, (text) => void bounded(name, () => TEXT_PARSERS[name]!(text))), { numRuns: 200, seed: 3 });
  });

  it('copes with deep nesting and huge declared lengths', () => {
    const deepJson = new TextEncoder().encode('['.repeat(200_000));
    const deepBer = Uint8Array.from([0x30, 0x80, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x03, 0xa0, 0x80, ...Array.from({ length: 100_000 }, (_, index) => (index % 2 === 0 ? 0x30 : 0x80))]);
    const hugeLength = Uint8Array.from([0xc1, 0xff, 0x7f, 0xff, 0xff, 0xff, 3]);
    const partialForever = Uint8Array.from([0xd2, ...Array.from({ length: 1000 }, () => 0xe0).flatMap((header) => [header, 0])]);
    for (const bytes of [deepJson, deepBer, hugeLength, partialForever]) {
      expect(() => bounded('deep', () => analyseSample({ source, bytes }))).not.toThrow();
    }
    expect(parseCms(deepBer)).toBeUndefined();
    expect(readPackets(hugeLength).problem).toMatch(/runs past the end/);
  });

  it('bounds decompression of decompression bombs (50 MiB of text)', () => {
    const text = Buffer.alloc(50 * 1024 * 1024, 'all work and no play ');
    expect(bounded('gzip bomb', () => detectCompression(gzipSync(text)))?.kind).toBe('gzip');
    expect(bounded('deflate bomb', () => detectCompression(deflateRawSync(text)))?.kind).toBe('raw deflate');
  });
});
