import { createCipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import CryptoJS from 'crypto-js';
import * as jose from 'jose';
import { describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/crypto/input-file-error.js';
import { readCandidateKeys } from '../../src/crypto/keys/candidates.js';
import { confirmKeys } from '../../src/crypto/keys/confirm-keys.js';
import { findingsOf, inspectFiles } from './support.js';

const key = randomBytes(32);
const message = '{"patient":"Bob Example","diagnosis":"confidential","visit":"2024-05-01"}';

function gcm(keyBytes: Uint8Array, text = message): Buffer {
  const nonce = randomBytes(12);
  const cipher = createCipheriv(`aes-${keyBytes.length * 8}-gcm` as 'aes-256-gcm', keyBytes, nonce);
  return Buffer.concat([nonce, cipher.update(text), cipher.final(), cipher.getAuthTag()]);
}

describe('candidate key confirmation', () => {
  it('proves a key by a verified GCM tag, whatever its spelling, and never prints it', async () => {
    const utf8Key = 'k3y-that-is-exactly-32-bytes!!!!';
    const report = await inspectFiles(
      { 'a.bin': gcm(key), 'b.bin': gcm(key), 'c.bin': gcm(Buffer.from(utf8Key)), 'other.bin': gcm(randomBytes(32)) },
      { keys: `# keys found in src/config.ts\n${key.toString('hex')}\n${key.toString('base64')}\n${utf8Key}\n${randomBytes(32).toString('hex')}\n` },
    );
    const proven = findingsOf(report, 'key.decrypts');
    expect(proven.map((finding) => [finding.file, finding.severity, finding.samples])).toEqual([
      ['samples/a.bin', 'critical', ['samples/a.bin', 'samples/b.bin']],
      ['samples/a.bin', 'critical', ['samples/a.bin', 'samples/b.bin']],
      ['samples/c.bin', 'critical', undefined],
    ]);
    expect(proven[0]!.message).toMatch(/^Candidate key keys\.txt:[23] \(sha256 [0-9a-f]{8}, (hex|base64)\) decrypts 2 of 4 samples with AES-256-GCM \(nonce12‖ciphertext‖tag16\): authentication tag verified$/);
    const text = JSON.stringify(report);
    for (const secret of [key.toString('hex'), key.toString('base64'), utf8Key, 'Bob Example']) expect(text).not.toContain(secret);
  });

  it('confirms ChaCha20-Poly1305, CBC, CTR and an app envelope, telling authenticated from not', () => {
    const iv = randomBytes(16);
    const nonce = randomBytes(12);
    const chacha = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
    const chachaSample = Buffer.concat([nonce, chacha.update(message), chacha.final(), chacha.getAuthTag()]);
    const cbc = createCipheriv('aes-256-cbc', key, iv);
    const ctr = createCipheriv('aes-256-ctr', key, iv);
    const envelopeCipher = createCipheriv('aes-256-gcm', key, nonce);
    const envelopeCt = Buffer.concat([envelopeCipher.update(message), envelopeCipher.final()]);
    const envelope = JSON.stringify({ iv: nonce.toString('hex'), data: envelopeCt.toString('base64'), tag: envelopeCipher.getAuthTag().toString('base64') });
    const result = confirmKeys([{ value: key.toString('hex'), label: 'src/crypto.ts:7' }], [
      { name: 'chacha', bytes: chachaSample },
      { name: 'cbc', bytes: Buffer.concat([iv, cbc.update(message), cbc.final()]) },
      { name: 'ctr', bytes: Buffer.concat([iv, ctr.update(message), ctr.final()]) },
      { name: 'envelope', bytes: Buffer.from(envelope) },
      { name: 'random', bytes: randomBytes(120) },
    ]);
    const summary = result.confirmations.map(({ samples, mode, layout, authenticated }) => [samples.join(), mode, layout, authenticated]);
    expect(summary).toEqual([
      ['chacha', 'ChaCha20-Poly1305', 'nonce12‖ciphertext‖tag16', true],
      ['cbc', 'AES-256-CBC', 'iv16‖ciphertext', false],
      ['ctr', 'AES-256-CTR', 'iv16‖ciphertext', false],
      ['envelope', 'AES-256-GCM', 'JSON iv + ciphertext + tag fields', true],
    ]);
    expect(result.confirmations.every((confirmation) => confirmation.candidate === 'src/crypto.ts:7')).toBe(true);
    expect(result.samplesTried).toBe(5);
  });

  it('verifies Fernet by its HMAC and JWE dir by its tag', async () => {
    const fernetKey = randomBytes(32);
    const iv = randomBytes(16);
    const timestamp = Buffer.alloc(8);
    timestamp.writeBigUInt64BE(1_700_000_000n);
    const cipher = createCipheriv('aes-128-cbc', fernetKey.subarray(16), iv);
    const signed = Buffer.concat([Buffer.from([0x80]), timestamp, iv, cipher.update('fernet secret'), cipher.final()]);
    const token = Buffer.concat([signed, createHmac('sha256', fernetKey.subarray(0, 16)).update(signed).digest()]).toString('base64url');
    const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(message)).setProtectedHeader({ alg: 'dir', enc: 'A256GCM' }).encrypt(key);
    const cbcHs = await new jose.CompactEncrypt(new TextEncoder().encode(message)).setProtectedHeader({ alg: 'dir', enc: 'A128CBC-HS256' }).encrypt(fernetKey);
    const result = confirmKeys(
      [
        { value: fernetKey.toString('base64url'), label: 'fernet' },
        { value: key, label: 'jwe' },
      ],
      [
        { name: 'token', bytes: Buffer.from(token) },
        { name: 'jwe', bytes: Buffer.from(jwe) },
        { name: 'cbc-hs', bytes: Buffer.from(cbcHs) },
      ],
    );
    expect(result.confirmations.map(({ candidate, samples, mode, authenticated }) => [candidate, samples.join(), mode, authenticated])).toEqual([
      ['fernet', 'token', 'Fernet (AES-128-CBC + HMAC-SHA256)', true],
      ['fernet', 'cbc-hs', 'A128CBC-HS256', true],
      ['jwe', 'jwe', 'A256GCM', true],
    ]);
  });

  it('finds which KDF turned a passphrase into the key of CryptoJS / OpenSSL output', async () => {
    const report = await inspectFiles({ 'cryptojs.txt': CryptoJS.AES.encrypt(message, 'correct horse battery').toString() }, { keys: 'correct horse battery\nwrong guess\n' });
    const found = findingsOf(report, 'key.decrypts-unauthenticated');
    expect(found).toHaveLength(1);
    const fingerprint = createHash('sha256').update('correct horse battery').digest('hex').slice(0, 8);
    expect(found[0]!.message).toBe(`Candidate key keys.txt:1 (sha256 ${fingerprint}, passphrase) decrypts 1 of 1 sample with AES-256-CBC (Salted__, EVP_BytesToKey MD5, 1 iteration) to readable plaintext`);
  });

  it('reports nothing for a wrong key', async () => {
    const report = await inspectFiles({ 'a.bin': gcm(key) }, { keys: `${randomBytes(32).toString('hex')}\n${randomBytes(16).toString('base64')}\nnot-the-key\n` });
    expect(report.findings.filter((finding) => finding.ruleId.startsWith('key.'))).toEqual([]);
  });
});

describe('the --keys file', () => {
  const write = (text: string) => {
    const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-keys-'));
    writeFileSync(join(folder, 'keys'), text);
    return join(folder, 'keys');
  };

  it('reads one key per line with comments, or YAML with sources', () => {
    expect(readCandidateKeys(write('# found in code\n\nabc\r\n  def  \n'), 'keys.txt')).toEqual([
      { value: 'abc', label: 'keys.txt:3' },
      { value: 'def', label: 'keys.txt:4' },
    ]);
    expect(readCandidateKeys(write('keys:\n  - abc\n  - key: def\n    source: src/app.ts:12\n'), 'keys.yaml')).toEqual([
      { value: 'abc', label: 'keys.yaml:2' },
      { value: 'def', label: 'src/app.ts:12' },
    ]);
  });

  it('rejects a broken YAML keys file with its position, and an empty file', () => {
    expect(() => readCandidateKeys(write('keys:\n  - key: abc\n    sauce: x\n'), 'keys.yaml')).toThrow(InputFileError);
    try {
      readCandidateKeys(write('keys:\n  - key: abc\n    sauce: x\n'), 'keys.yaml');
    } catch (error) {
      expect(error).toMatchObject({ line: 3, column: 5 });
      expect((error as Error).message).toContain('unknown key "sauce"; expected one of: key, source');
    }
    expect(() => readCandidateKeys(write('# nothing\n'), 'keys.txt')).toThrow(/at least one candidate key/);
  });
});
