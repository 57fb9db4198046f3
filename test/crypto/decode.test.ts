import { describe, expect, it } from 'vitest';
import { decodeArmour } from '../../src/crypto/decode/armour.js';
import { decodeBase64 } from '../../src/crypto/decode/base64.js';
import { decodeSample } from '../../src/crypto/decode/decode-sample.js';
import { decodeHex } from '../../src/crypto/decode/hex.js';
import { keystream } from './support.js';

const bytes = keystream('decode', 48);
const text = (value: string) => new TextEncoder().encode(value);
const hex = Buffer.from(bytes).toString('hex');
const base64 = Buffer.from(bytes).toString('base64');

describe('per-sample decoding', () => {
  it('decodes hex in the spellings logs use', () => {
    for (const spelling of [hex, hex.toUpperCase(), `0x${hex}`, hex.replace(/(..)/g, '\\x$1'), hex.replace(/(..)(?!$)/g, '$1:'), hex.replace(/(..)(?!$)/g, '$1 ')]) {
      expect(decodeHex(spelling), spelling).toEqual(bytes);
    }
    expect(decodeHex(hex.slice(1))).toBeUndefined();
    expect(decodeHex('deadface')).toBeUndefined();
  });

  it('checks hex before base64, since every hex string is valid base64', () => {
    const decoded = decodeSample(text(hex));
    expect(decoded.chain).toEqual(['hex']);
    expect(decoded.bytes).toEqual(bytes);
  });

  it('decodes base64 and base64url, padded or not, wrapped with LF or CRLF, without adding a byte for a trailing newline', () => {
    const url = Buffer.from(bytes).toString('base64url');
    const urlVariant = /[-_]/.test(url) ? 'base64url' : 'base64';
    const wrapped = base64.replace(/(.{16})/g, '$1\r\n');
    for (const [spelling, variant] of [[base64, 'base64'], [base64.replace(/=+$/, ''), 'base64'], [url, urlVariant], [wrapped, 'base64'], [`${base64}\n`, 'base64']] as const) {
      const decoded = decodeSample(text(spelling));
      expect(decoded.bytes, spelling).toEqual(bytes);
      expect(decoded.chain).toEqual([variant]);
    }
  });

  it('does not take words for base64', () => {
    for (const word of ['password', 'hellothere', 'correcthorsebattery', 'ALLUPPERCASEWORDS']) expect(decodeBase64(word), word).toBeUndefined();
    expect(decodeSample(text('just a sentence with spaces')).chain).toEqual([]);
  });

  it('peels double encoding (base64 of hex) and records the chain', () => {
    const decoded = decodeSample(text(Buffer.from(hex).toString('base64')));
    expect(decoded.chain).toEqual(['base64', 'hex']);
    expect(decoded.bytes).toEqual(bytes);
  });

  it('reads OpenPGP armour with headers and a CRC line, and PEM', () => {
    const armoured = `-----BEGIN PGP MESSAGE-----\nVersion: test\nComment: x\n\n${base64.slice(0, 32)}\n${base64.slice(32)}\n=AbCd\n-----END PGP MESSAGE-----\n`;
    const armour = decodeArmour(armoured);
    expect(armour?.label).toBe('PGP MESSAGE');
    expect(armour?.headers).toEqual({ Version: 'test', Comment: 'x' });
    expect(armour?.bytes).toEqual(bytes);
    expect(decodeSample(text(armoured)).chain).toEqual(['armour(PGP MESSAGE)']);
    expect(decodeArmour(`-----BEGIN PKCS7-----\n${base64}\n-----END PKCS7-----`)?.bytes).toEqual(bytes);
    expect(decodeArmour(`-----BEGIN PKCS7-----\n${base64}\n-----END CMS-----`)).toBeUndefined();
  });

  it('stops at compact JOSE and JSON documents, and unwraps JSON strings, data URLs and URL encoding', () => {
    expect(decodeSample(text('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln')).jose).toBeDefined();
    expect(decodeSample(text('{"ciphertext":"abc","iv":"x"}')).json).toEqual({ ciphertext: 'abc', iv: 'x' });
    expect(decodeSample(text(JSON.stringify(base64))).chain).toEqual(['json-string', 'base64']);
    expect(decodeSample(text(`data:application/octet-stream;base64,${base64}`)).chain).toEqual(['data-url']);
    const padded = Buffer.from(bytes.subarray(0, 47)).toString('base64');
    expect(padded.endsWith('=')).toBe(true);
    expect(decodeSample(text(encodeURIComponent(padded))).chain).toEqual(['url-encoding', 'base64']);
  });

  it('reads an app envelope: the ciphertext field is decoded, IV and tag fields are kept', () => {
    const iv = keystream('iv', 12);
    const envelope = JSON.stringify({ v: 1, alg: 'aes-256-gcm', iv: Buffer.from(iv).toString('base64'), ct: base64, tag: 'AAECAwQFBgcICQoLDA0ODw==' });
    const decoded = decodeSample(text(envelope));
    expect(decoded.chain).toEqual(['json(.ct)', 'base64']);
    expect(decoded.bytes).toEqual(bytes);
    expect(decoded.envelope?.algorithm).toBe('aes-256-gcm');
    expect(decoded.envelope?.fields.map((field) => [field.name, field.role])).toEqual([
      ['iv', 'nonce'],
      ['tag', 'tag'],
    ]);
  });

  it('leaves binary alone', () => {
    const decoded = decodeSample(bytes);
    expect(decoded.chain).toEqual([]);
    expect(decoded.textLayers).toEqual([]);
  });
});
