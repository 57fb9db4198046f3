import { createCipheriv, createHash, createHmac, generateKeyPairSync, randomBytes } from 'node:crypto';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import CryptoJS from 'crypto-js';
import { describe, expect, it } from 'vitest';
import { findingsOf, inspectFiles, keystream, ruleIds, summaryOf } from './support.js';

/** OpenSSL's EVP_BytesToKey (MD5, one iteration), written here independently of the code under test. */
function opensslSalted(passphrase: string, salt: Buffer, text: string): Buffer {
  let material = Buffer.alloc(0);
  let block = Buffer.alloc(0);
  while (material.length < 48) {
    block = createHash('md5').update(Buffer.concat([block, Buffer.from(passphrase), salt])).digest();
    material = Buffer.concat([material, block]);
  }
  const cipher = createCipheriv('aes-256-cbc', material.subarray(0, 32), material.subarray(32, 48));
  return Buffer.concat([Buffer.from('Salted__'), salt, cipher.update(text), cipher.final()]);
}

/** A Fernet token per the spec: 0x80, timestamp, IV, AES-128-CBC, HMAC-SHA256 over all of it. */
function fernet(key: Buffer, iv: Buffer, text: string, time = 1_700_000_000): string {
  const cipher = createCipheriv('aes-128-cbc', key.subarray(16), iv);
  const timestamp = Buffer.alloc(8);
  timestamp.writeBigUInt64BE(BigInt(time));
  const signed = Buffer.concat([Buffer.from([0x80]), timestamp, iv, cipher.update(text), cipher.final()]);
  return Buffer.concat([signed, createHmac('sha256', key.subarray(0, 16)).update(signed).digest()]).toString('base64url');
}

describe('OpenSSL Salted__ and CryptoJS', () => {
  it('recognises CryptoJS passphrase output and flags a repeated salt (same key and IV)', async () => {
    const salt = randomBytes(8);
    const report = await inspectFiles({
      'cryptojs.txt': CryptoJS.AES.encrypt('the launch code', 'passphrase').toString(),
      'a.bin': opensslSalted('pw', salt, 'first message'),
      'b.bin': opensslSalted('pw', salt, 'second message'),
    });
    expect(findingsOf(report, 'fmt.openssl-salted')).toHaveLength(3);
    expect(summaryOf(report, 'samples/cryptojs.txt')).toMatch(/^OpenSSL Salted__, 32 bytes, decoding base64/);
    expect(findingsOf(report, 'reuse.iv-block').map((finding) => [finding.samples, finding.severity])).toEqual([[['samples/a.bin', 'samples/b.bin'], 'high']]);
  });
});

describe('Fernet', () => {
  it('reads the token, shows the clear timestamp and flags a repeated IV', async () => {
    const key = randomBytes(32);
    const iv = randomBytes(16);
    const report = await inspectFiles({ 'a.txt': fernet(key, iv, 'one'), 'b.txt': fernet(key, iv, 'two'), 'c.txt': fernet(key, randomBytes(16), 'three') });
    expect(summaryOf(report, 'samples/a.txt')).toContain('made 2023-11-14T22:13:20Z (timestamp in clear)');
    expect(findingsOf(report, 'reuse.iv-block').map((finding) => finding.samples)).toEqual([['samples/a.txt', 'samples/b.txt']]);
  });
});

describe('lengths', () => {
  it('reads a stream/AEAD profile from 1-byte length steps (nonce‖ciphertext‖tag as libsodium and GCM apps write it)', async () => {
    const key = randomBytes(32);
    const files: Record<string, Uint8Array> = {};
    for (const length of [5, 17, 30, 64]) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
      files[`m${length}.bin`] = Buffer.concat([nonce, cipher.update(Buffer.from(keystream(length, length))), cipher.final(), cipher.getAuthTag()]);
    }
    const report = await inspectFiles(files);
    expect(findingsOf(report, 'mode.length-profile')[0]!.message).toBe(
      'Lengths of 4 samples (33–92 bytes) step by 1 byte: a stream cipher or AEAD (GCM, ChaCha20, libsodium boxes)',
    );
    expect(ruleIds(report)).toEqual(['mode.length-profile']);
  });
});

describe('private keys inside samples', () => {
  it('reports PEM, PKCS#8 DER, JWK and age secret keys, and tells protected keys apart', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const report = await inspectFiles({
      'pem.txt': privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      'log.txt': `INFO backup done key=${(privateKey.export({ format: 'pem', type: 'sec1' }) as string).replace(/\n/g, '\n')} user=bob`,
      'der.bin': privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer,
      'jwk.json': JSON.stringify(privateKey.export({ format: 'jwk' })),
      'age.log': 'restored identity AGE-SECRET-KEY-1QQPQQZQZQQQQPQZQQPQQZQZQQQQPQZQQPQQZQZQQQQPQZQQPQQZQS0EXAMPLE',
      'locked.pem': privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' }) as string,
    });
    expect(findingsOf(report, 'fmt.key-in-sample').map((finding) => finding.file)).toEqual(['samples/age.log', 'samples/der.bin', 'samples/jwk.json', 'samples/log.txt', 'samples/pem.txt']);
    expect(findingsOf(report, 'fmt.encrypted-key-in-sample').map((finding) => finding.file)).toEqual(['samples/locked.pem']);
    expect(report.findings.every((finding) => !finding.message.includes('BEGIN'))).toBe(true);
  });
});

describe('not encrypted at all', () => {
  const json = JSON.stringify({ user: 'bob', email: 'bob@example.org', notes: 'x'.repeat(50), items: Array.from({ length: 400 }, (_, index) => ({ id: index, name: `item ${index}` })) });

  it('recognises text, JSON, encoded text and file formats by structure', async () => {
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(200)]);
    const report = await inspectFiles({ 'text.txt': 'Dear Bob, the meeting moved to 3pm.', 'doc.json': json.slice(0, 300).replace(/,[^,]*$/, '}]}'), 'encoded.txt': Buffer.from('Dear Bob, the meeting moved to 3pm.').toString('base64'), 'image.png': png });
    expect(findingsOf(report, 'plain.text').map((finding) => [finding.file, finding.message])).toEqual([
      ['samples/doc.json', 'Sample is readable JSON, not ciphertext (decoding none)'],
      ['samples/encoded.txt', 'Sample is readable text, not ciphertext (decoding base64)'],
      ['samples/text.txt', 'Sample is readable text, not ciphertext (decoding none)'],
    ]);
    expect(findingsOf(report, 'plain.file-magic').map((finding) => finding.message)).toEqual(['Sample is a PNG image file, not ciphertext']);
  });

  it('recognises compressed data by magic and trial decompression, never calling it random or non-random', async () => {
    const files: Record<string, Uint8Array> = {};
    for (const size of [300, 3000, json.length]) {
      const part = Buffer.from(json.slice(0, size));
      Object.assign(files, { [`${size}.gz`]: gzipSync(part), [`${size}.zz`]: deflateSync(part), [`${size}.deflate`]: deflateRawSync(part), [`${size}.br`]: brotliCompressSync(part) });
    }
    const report = await inspectFiles(files);
    const kinds = findingsOf(report, 'plain.compressed').map((finding) => finding.message.split('-compressed')[0]);
    expect(kinds.sort()).toEqual(['Sample is brotli', 'Sample is brotli', 'Sample is brotli', 'Sample is gzip', 'Sample is gzip', 'Sample is gzip', 'Sample is raw deflate', 'Sample is raw deflate', 'Sample is raw deflate', 'Sample is zlib', 'Sample is zlib', 'Sample is zlib']);
    expect(ruleIds(report)).toEqual(['plain.compressed']);
  });
});
