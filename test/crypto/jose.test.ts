import { createCipheriv, createPublicKey, generateKeyPairSync, publicEncrypt, constants, randomBytes } from 'node:crypto';
import * as jose from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingsOf, inspectFiles, ruleIds, summaryOf } from './support.js';

const payload = new TextEncoder().encode('{"user":"bob","balance":1200}');
const b64u = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64url');
let alice: jose.GenerateKeyPairResult;
let escrow: jose.GenerateKeyPairResult;
let auditor: jose.GenerateKeyPairResult;

beforeAll(async () => {
  alice = await jose.generateKeyPair('ECDH-ES+A256KW', { extractable: true });
  auditor = await jose.generateKeyPair('ECDH-ES+A256KW', { extractable: true });
  escrow = await jose.generateKeyPair('RSA-OAEP-256', { extractable: true });
});

/** A compact JWE with alg dir and AES-GCM, built with node:crypto so the IV can be fixed. */
function directGcm(key: Uint8Array, iv: Uint8Array, text: string, header: Record<string, unknown> = { alg: 'dir', enc: 'A128GCM' }): string {
  const protectedHeader = b64u(JSON.stringify(header));
  const cipher = createCipheriv('aes-128-gcm', key, iv);
  cipher.setAAD(Buffer.from(protectedHeader, 'ascii'));
  const ciphertext = Buffer.concat([cipher.update(text), cipher.final()]);
  return [protectedHeader, '', b64u(iv), b64u(ciphertext), b64u(cipher.getAuthTag())].join('.');
}

describe('JWE', () => {
  it('audits general-serialisation recipients by kid, counts the unnamed one and flags it as hidden', async () => {
    const encrypt = new jose.GeneralEncrypt(payload).setProtectedHeader({ enc: 'A256GCM' });
    encrypt.addRecipient(alice.publicKey).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: 'alice' });
    encrypt.addRecipient(auditor.publicKey).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: 'compliance-archive' });
    encrypt.addRecipient(escrow.publicKey).setUnprotectedHeader({ alg: 'RSA-OAEP-256' });
    const jwe = await encrypt.encrypt();
    const report = await inspectFiles({ 'message.json': JSON.stringify(jwe) }, { authorized: 'recipients:\n  - alice\n' });
    expect(findingsOf(report, 'escrow.unknown-recipient').map((finding) => finding.message)).toEqual([expect.stringContaining('kid "compliance-archive"')]);
    expect(findingsOf(report, 'escrow.extra-recipient-count')[0]!.message).toBe('JWE JSON (general) sample has 3 recipients where the authorized list allows 1: 2 cannot be identified');
    expect(findingsOf(report, 'escrow.anonymous-recipient')[0]!.message).toContain('JWE recipient #3 (RSA-OAEP-256, no kid)');
    expect(summaryOf(report, 'samples/message.json')).toContain('3 recipients; ECDH-ES+A256KW, RSA-OAEP-256 / A256GCM');
  });

  it('matches a recipient by the RFC 7638 thumbprint of an authorized JWK', async () => {
    const jwk = await jose.exportJWK(alice.publicKey);
    const thumbprint = await jose.calculateJwkThumbprint(jwk);
    const encrypt = new jose.GeneralEncrypt(payload).setProtectedHeader({ enc: 'A256GCM' });
    encrypt.addRecipient(alice.publicKey).setUnprotectedHeader({ alg: 'ECDH-ES+A256KW', kid: thumbprint });
    const jwe = JSON.stringify(await encrypt.encrypt());
    const asObject = await inspectFiles({ 'm.json': jwe }, { authorized: `recipients:\n  - jwk: ${JSON.stringify(jwk)}\n    name: alice laptop\n` });
    expect(ruleIds(asObject)).toEqual([]);
    expect(findingsOf(asObject, 'escrow.recipient-inventory')[0]!.message).toContain('authorized: JWK alice laptop');
    const asString = await inspectFiles({ 'm.json': jwe }, { authorized: `recipients:\n  - ${thumbprint}\n` });
    expect(ruleIds(asString)).toEqual([]);
  });

  it('reports a repeated IV under alg dir as keystream reuse (critical)', async () => {
    const key = randomBytes(16);
    const iv = randomBytes(12);
    const report = await inspectFiles({ 'a.jwe': directGcm(key, iv, 'first message'), 'b.jwe': directGcm(key, iv, 'second message'), 'c.jwe': directGcm(key, randomBytes(12), 'third') });
    const reuse = findingsOf(report, 'reuse.nonce-stream');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]!.samples).toEqual(['samples/a.jwe', 'samples/b.jwe']);
    expect(reuse[0]!.message).toContain('A128GCM with dir');
  });

  it('a repeated IV with a wrapped per-message key is only low', async () => {
    const iv = randomBytes(12);
    const make = (text: string) => new jose.CompactEncrypt(new TextEncoder().encode(text)).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM' }).setInitializationVector(iv).encrypt(alice.publicKey);
    const report = await inspectFiles({ 'a.jwe': await make('one'), 'b.jwe': await make('two') });
    expect(findingsOf(report, 'reuse.nonce-per-message-key')).toHaveLength(1);
    expect(findingsOf(report, 'reuse.nonce-stream')).toEqual([]);
  });

  it('reads PBES2 iteration counts', async () => {
    const password = new TextEncoder().encode('hunter2');
    const make = (p2c: number) => new jose.CompactEncrypt(payload).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).setKeyManagementParameters({ p2c }).encrypt(password);
    const report = await inspectFiles({ 'default.jwe': await new jose.CompactEncrypt(payload).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).encrypt(password), 'weak.jwe': await make(1000), 'strong.jwe': await make(600_000) });
    expect(findingsOf(report, 'kdf.password-below-guidance').map((finding) => [finding.file, finding.message])).toEqual([
      ['samples/default.jwe', 'JWE password protection uses PBES2-HS256+A128KW, p2c 2048, below current guidance (p2c >= 600,000)'],
      ['samples/weak.jwe', expect.stringContaining('p2c 1000')],
    ]);
    const hand = `${b64u(JSON.stringify({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM', p2c: 10, p2s: 'AAAAAAAAAAAAAAAAAAAAAA' }))}.${b64u(randomBytes(24))}.${b64u(randomBytes(12))}.${b64u(randomBytes(20))}.${b64u(randomBytes(16))}`;
    expect(findingsOf(await inspectFiles({ 'ten.jwe': hand }), 'kdf.password-no-stretching')).toHaveLength(1);
  });

  it('flags RSA1_5 (built by hand: jose refuses it) and reads the RSA size from the wrapped key', async () => {
    await expect(new jose.CompactEncrypt(payload).setProtectedHeader({ alg: 'RSA1_5', enc: 'A128GCM' }).encrypt(escrow.publicKey)).rejects.toThrow();
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
    const make = (publicKey: Parameters<typeof publicEncrypt>[0]) => {
      const header = b64u(JSON.stringify({ alg: 'RSA1_5', enc: 'A128GCM', kid: 'legacy' }));
      const wrapped = publicEncrypt({ key: publicKey as never, padding: constants.RSA_PKCS1_PADDING }, randomBytes(16));
      return `${header}.${b64u(wrapped)}.${b64u(randomBytes(12))}.${b64u(randomBytes(30))}.${b64u(randomBytes(16))}`;
    };
    const escrowKey = createPublicKey(await jose.exportSPKI(escrow.publicKey));
    const report = await inspectFiles({ 'rsa15.jwe': make(escrowKey), 'small.jwe': make(small.publicKey) });
    expect(findingsOf(report, 'jwe.rsa1-5').map((finding) => finding.severity)).toEqual(['high', 'high']);
    expect(findingsOf(report, 'weak.rsa-key-short').map((finding) => finding.file)).toEqual(['samples/small.jwe']);
  });

  it('flags compression and truncated tags', async () => {
    const header = b64u(JSON.stringify({ alg: 'dir', enc: 'A128GCM', zip: 'DEF' }));
    const report = await inspectFiles({ 'zip.jwe': `${header}..${b64u(randomBytes(12))}.${b64u(randomBytes(40))}.${b64u(randomBytes(8))}` });
    expect(ruleIds(report)).toEqual(['jwe.compression', 'jwe.short-tag']);
  });

  it('reports a JWS/JWT passed as ciphertext, and alg none, as not encrypted', async () => {
    const jwt = await new jose.SignJWT({ sub: 'bob', ssn: '000-00-0000' }).setProtectedHeader({ alg: 'HS256' }).sign(randomBytes(32));
    const unsecured = `${b64u('{"alg":"none"}')}.${b64u('{"sub":"bob"}')}.`;
    const report = await inspectFiles({ 'token.txt': jwt, 'none.txt': unsecured });
    const notEncrypted = findingsOf(report, 'fmt.not-encrypted');
    expect(notEncrypted.map((finding) => [finding.file, finding.severity])).toEqual([
      ['samples/none.txt', 'critical'],
      ['samples/token.txt', 'critical'],
    ]);
    expect(notEncrypted[0]!.message).toContain('alg none');
  });

  it('reports a JWS JSON serialisation as not encrypted, and a public JWK as no message at all', async () => {
    const signed = await new jose.FlattenedSign(payload).setProtectedHeader({ alg: 'ES256' }).sign((await jose.generateKeyPair('ES256')).privateKey);
    const report = await inspectFiles({ 'signed.json': JSON.stringify(signed), 'key.json': JSON.stringify(await jose.exportJWK(alice.publicKey)) });
    expect(findingsOf(report, 'fmt.not-encrypted').map((finding) => [finding.file, finding.message])).toEqual([
      ['samples/signed.json', 'JWS JSON sample is not encrypted: a JWS/JWT signed with ES256: payload readable by anyone'],
    ]);
    expect(summaryOf(report, 'samples/key.json')).toMatch(/^JWK public key, .*a public key, not a message/);
    expect(ruleIds(report)).toEqual(['fmt.not-encrypted']);
  });
});
