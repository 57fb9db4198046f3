import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { findingsOf, inspectFiles, keystream, ruleIds } from './support.js';

const key32 = randomBytes(32);
const encrypt = (algorithm: string, key: Uint8Array, iv: Uint8Array | null, text: string | Uint8Array) => {
  const cipher = createCipheriv(algorithm, key, iv);
  return Buffer.concat([cipher.update(text), cipher.final()]);
};
const rows = (count: number) => Array.from({ length: count }, () => '{"role":"member","active":true},').join('');

describe('ECB', () => {
  it('finds repeated 16-byte blocks in AES-ECB and none in AES-CBC with a random IV', async () => {
    const iv = randomBytes(16);
    const report = await inspectFiles({ 'ecb.bin': encrypt('aes-256-ecb', key32, null, `[${rows(6)}]`), 'cbc.bin': Buffer.concat([iv, encrypt('aes-256-cbc', key32, iv, `[${rows(6)}]`)]) });
    const ecb = findingsOf(report, 'mode.ecb');
    expect(ecb.map((finding) => [finding.file, finding.message])).toEqual([['samples/ecb.bin', expect.stringMatching(/^Sample repeats [1-9]\d* 16-byte ciphertext blocks: ECB mode leaks plaintext structure$/)]]);
    expect(ruleIds(report)).not.toContain('mode.64-bit-block');
  });

  it('tells a 64-bit block cipher (3DES-ECB) by 8-byte repeats without 16-byte ones', async () => {
    const text = Array.from({ length: 12 }, (_, index) => `status:Aid=${String(index).padStart(5, '0')}`).join('');
    const report = await inspectFiles({ '3des.bin': encrypt('des-ede3-ecb', randomBytes(24), null, text) });
    expect(findingsOf(report, 'mode.ecb')[0]!.message).toContain('8-byte ciphertext blocks');
    expect(findingsOf(report, 'mode.64-bit-block')).toHaveLength(1);
  });

  it('finds a block that moves between samples under one ECB key', async () => {
    const secret = 'ssn=123-45-6789;';
    const record = (prefix: string, suffix: string) => encrypt('aes-128-ecb', key32.subarray(0, 16), null, `${prefix}${secret}${suffix}`);
    const report = await inspectFiles({ 'a.bin': record('user=alice;role=', 'a'), 'b.bin': record('user=bob;role=admin;dept=finance', 'bb'), 'c.bin': record('', 'ccc') });
    expect(findingsOf(report, 'mode.ecb').map((finding) => finding.message)).toContainEqual(expect.stringMatching(/^\d samples together repeats/));
  });
});

describe('fixed IVs and reused keystreams', () => {
  it('reports CBC with a fixed IV from equal leading blocks that then diverge', async () => {
    const iv = Buffer.alloc(16);
    const messages = ['{"type":"transfer","to":"alice","amount":100}', '{"type":"transfer","to":"bob","amount":250}', '{"type":"login","user":"carol"}', '{"type":"logout","user":"dave"}'];
    const files = Object.fromEntries(messages.map((text, index) => [`m${index}.bin`, encrypt('aes-256-cbc', key32, iv, text)]));
    const report = await inspectFiles(files);
    const fixed = findingsOf(report, 'mode.cbc-fixed-iv');
    expect(fixed).toHaveLength(1);
    expect(fixed[0]!.samples).toEqual(['samples/m0.bin', 'samples/m1.bin']);
    expect(fixed[0]!.message).toBe('2 samples start with the same 1 ciphertext block(s) then diverge: CBC with a fixed IV');
    const random = Object.fromEntries(messages.map((text, index) => {
      const fresh = randomBytes(16);
      return [`m${index}.bin`, Buffer.concat([fresh, encrypt('aes-256-cbc', key32, fresh, text)])];
    }));
    expect(ruleIds(await inspectFiles(random))).toEqual([]);
  });

  it('reports AES-CTR with a repeated IV as a many-time pad, and distinct IVs as nothing', async () => {
    const texts = ['{"user":"alice","message":"see you at the station at nine"}', '{"user":"bob","message":"bring the documents and the keys"}', 'short note: all good here, nothing to report today'];
    const iv = randomBytes(16);
    const reused = Object.fromEntries(texts.map((text, index) => [`r${index}.bin`, Buffer.concat([iv, encrypt('aes-256-ctr', key32, iv, text)])]));
    const report = await inspectFiles(reused);
    const keystreamReuse = findingsOf(report, 'reuse.keystream');
    expect(keystreamReuse).toHaveLength(1);
    expect(keystreamReuse[0]!.severity).toBe('critical');
    expect(keystreamReuse[0]!.samples).toEqual(['samples/r0.bin', 'samples/r1.bin', 'samples/r2.bin']);
    const fresh = Object.fromEntries(texts.map((text, index) => {
      const nonce = randomBytes(16);
      return [`f${index}.bin`, Buffer.concat([nonce, encrypt('aes-256-ctr', key32, nonce, text)])];
    }));
    expect(ruleIds(await inspectFiles(fresh))).toEqual([]);
  });

  it('reports a repeated AES-GCM nonce in an app envelope as critical, from the JSON iv field', async () => {
    const nonce = randomBytes(12);
    const envelope = (text: string, iv = nonce) => {
      const cipher = createCipheriv('aes-256-gcm', key32, iv);
      const ct = Buffer.concat([cipher.update(text), cipher.final()]);
      return JSON.stringify({ v: 2, iv: iv.toString('base64'), ct: ct.toString('base64'), tag: cipher.getAuthTag().toString('base64') });
    };
    const report = await inspectFiles({ 'a.json': envelope('first secret'), 'b.json': envelope('second secret'), 'c.json': envelope('third', randomBytes(12)) });
    const reuse = findingsOf(report, 'reuse.nonce-stream');
    expect(reuse.map((finding) => [finding.samples, finding.message])).toEqual([
      [['samples/a.json', 'samples/b.json'], 'The JSON field "iv" repeats across 2 JSON envelope samples (AEAD (has a tag field)): keystream reuse exposes plaintext XOR and the auth key'],
    ]);
  });

  it('reports a GCM nonce fixed in nonce‖ciphertext‖tag output through the keystream test', async () => {
    const nonce = randomBytes(12);
    const seal = (text: string) => {
      const cipher = createCipheriv('aes-256-gcm', key32, nonce);
      return Buffer.concat([nonce, cipher.update(text), cipher.final(), cipher.getAuthTag()]);
    };
    const report = await inspectFiles({ 'a.bin': seal('{"card":"4111 1111 1111 1111","name":"alice"}'), 'b.bin': seal('{"card":"5500 0000 0000 0004","name":"robert"}') });
    expect(ruleIds(report)).toContain('reuse.keystream');
  });

  it('reports a constant random-looking prefix shared by every sample', async () => {
    const header = randomBytes(16);
    const files = Object.fromEntries([40, 57, 73, 90].map((length, index) => [`p${index}.bin`, Buffer.concat([header, keystream(`p${index}`, length)])]));
    const report = await inspectFiles(files);
    expect(findingsOf(report, 'reuse.constant-prefix').map((finding) => finding.message)).toEqual(['4 samples share the same 16-byte high-entropy prefix: a fixed IV/nonce or a constant header']);
  });
});

describe('obfuscation and lengths', () => {
  it('recovers repeating-key XOR without printing the key', async () => {
    const secret = Buffer.from('s3cr3t!');
    const text = Buffer.from('Account statement for Bob. Balance: 1,200 EUR. Next payment due on the 5th of May. Contact support for questions. '.repeat(2) + 'Transactions: coffee 3.20, rent 950.00, train 48.10, books 23.99, groceries 61.45.');
    const xored = text.map((byte, index) => byte ^ secret[index % secret.length]!);
    const report = await inspectFiles({ 'xor.bin': xored, 'random.bin': keystream('xor-negative', text.length) });
    const xor = findingsOf(report, 'weak.xor-obfuscation');
    expect(xor.map((finding) => finding.file)).toEqual(['samples/xor.bin']);
    expect(xor[0]!.message).toMatch(/repeating 7-byte key, not encrypted \(key redacted, sha256 [0-9a-f]{8}\)/);
    expect(JSON.stringify(report)).not.toContain('s3cr3t');
  });

  it('says digests are likely hashes, not ciphertexts', async () => {
    const files = Object.fromEntries([1, 2, 3].map((index) => [`h${index}.bin`, createHash('sha256').update(String(index)).digest()]));
    const report = await inspectFiles(files);
    expect(ruleIds(report)).toEqual(['mode.hash-like']);
    expect(findingsOf(report, 'mode.hash-like')[0]!.message).toBe('3 samples of exactly 32 bytes: possibly hashes or MACs rather than ciphertexts');
  });

  it('reads a 128-bit block profile and notices there is no room for an IV', async () => {
    const files = Object.fromEntries(['hi', 'a longer message!', 'an even longer message, spanning three blocks'].map((text, index) => [`b${index}.bin`, encrypt('aes-128-cbc', key32.subarray(0, 16), Buffer.alloc(16, 1), text)]));
    const report = await inspectFiles(files);
    expect(findingsOf(report, 'mode.length-profile')[0]!.message).toBe('Lengths of 3 samples (16–48 bytes) step by 16 bytes: a 128-bit block cipher with padding (CBC or ECB)');
    expect(findingsOf(report, 'mode.no-iv-room').map((finding) => finding.file)).toEqual(['samples/b0.bin']);
  });

  it('reads a 64-bit block cipher from 8-byte length steps (3DES-CBC)', async () => {
    const files = Object.fromEntries(['a', 'exactly nine', 'seventeen chars!!', 'a message of twenty-five.'].map((text, index) => {
      const iv = randomBytes(8);
      return [`d${index}.bin`, Buffer.concat([iv, encrypt('des-ede3-cbc', randomBytes(24), iv, text)])];
    }));
    const report = await inspectFiles(files);
    expect(findingsOf(report, 'mode.length-profile')[0]!.message).toContain('step by 8 bytes: a 64-bit block cipher with padding');
    expect(findingsOf(report, 'mode.64-bit-block')).toHaveLength(1);
  });

  it('finds a readable tail appended to an encrypted body', async () => {
    const tail = Buffer.from('PLAINTEXT BACKUP: name=Bob Example; iban=DE00 1234 5678 9012 3456 78; phone=+49 30 1234567; '.repeat(6));
    const report = await inspectFiles({ 'partial.bin': Buffer.concat([keystream('partial', 1024), tail]) });
    const partial = findingsOf(report, 'stat.partial-encryption');
    expect(partial.map((finding) => finding.severity)).toEqual(['high']);
    expect(partial[0]!.message).toContain('from byte 1024');
  });
});
