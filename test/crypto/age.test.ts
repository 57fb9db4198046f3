import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { armor, Decrypter, Encrypter, generateHybridIdentity, generateIdentity, identityToRecipient } from 'age-encryption';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAge } from '../../src/crypto/formats/age.js';
import { findingsOf, inspectFiles, ruleIds, summaryOf } from './support.js';

let aliceIdentity: string;
let alice: string;
let escrow: string;

beforeAll(async () => {
  aliceIdentity = await generateIdentity();
  alice = await identityToRecipient(aliceIdentity);
  escrow = await identityToRecipient(await generateIdentity());
});

async function encryptTo(recipients: string[], text = 'hello age'): Promise<Uint8Array> {
  const encrypter = new Encrypter();
  for (const recipient of recipients) encrypter.addRecipient(recipient);
  return encrypter.encrypt(text);
}

/** An ssh-ed25519 public key line and the age stanza age writes for it (tag = SHA-256(wire)[:4]). */
function sshEd25519(): { line: string; stanza: string } {
  const { publicKey } = generateKeyPairSync('ed25519');
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  const field = (bytes: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, bytes.length]), bytes]);
  const wire = Buffer.concat([field(Buffer.from('ssh-ed25519')), field(raw)]);
  const tag = createHash('sha256').update(wire).digest().subarray(0, 4).toString('base64').replace(/=+$/, '');
  return { line: `ssh-ed25519 ${wire.toString('base64')} alice@laptop`, stanza: `-> ssh-ed25519 ${tag} ${randomBytes(32).toString('base64').replace(/=+$/, '')}\n${randomBytes(32).toString('base64').replace(/=+$/, '')}\n` };
}

function handBuiltAge(stanzas: string): Uint8Array {
  const header = `age-encryption.org/v1\n${stanzas}--- ${randomBytes(32).toString('base64').replace(/=+$/, '')}\n`;
  return Uint8Array.from([...Buffer.from(header, 'latin1'), ...randomBytes(16 + 40)]);
}

describe('age', () => {
  it('counts X25519 stanzas against the authorized recipients (they carry no identity)', async () => {
    const report = await inspectFiles({ 'two.age': await encryptTo([alice, escrow]), 'one.age': await encryptTo([alice]) }, { authorized: `recipients:\n  - ${alice}\n` });
    const extra = findingsOf(report, 'escrow.extra-recipient-count');
    expect(extra.map((finding) => finding.file)).toEqual(['samples/two.age']);
    expect(extra[0]!.message).toContain('has 2 recipients where the authorized list allows 1: 1 cannot be identified');
    expect(findingsOf(report, 'escrow.recipient-drift')).toHaveLength(1);
    expect(report.warnings).toEqual([]);
    expect(summaryOf(report, 'samples/one.age')).toContain('stanzas: X25519 ×1; plaintext is exactly 9 bytes');
  });

  it('the authorized identity really opens the stanza it is counted for', async () => {
    const decrypter = new Decrypter();
    decrypter.addIdentity(aliceIdentity);
    await expect(decrypter.decrypt(await encryptTo([alice, escrow]), 'text')).resolves.toBe('hello age');
  });

  it('reads the scrypt work factor of passphrase files, armoured or not', async () => {
    const make = async (logN?: number) => {
      const encrypter = new Encrypter();
      encrypter.setPassphrase('correct horse');
      if (logN !== undefined) encrypter.setScryptWorkFactor(logN);
      return encrypter.encrypt('secret');
    };
    const report = await inspectFiles({ 'default.age': armor.encode(await make()), 'low.age': await make(16), 'weak.age': await make(10) });
    expect(findingsOf(report, 'kdf.password-below-guidance').map((finding) => finding.file)).toEqual(['samples/low.age']);
    expect(findingsOf(report, 'kdf.password-weak').map((finding) => [finding.file, finding.message])).toEqual([['samples/weak.age', 'age password protection uses scrypt log2 N = 10: weak against guessing']]);
    expect(summaryOf(report, 'samples/default.age')).toContain('decoding armour(AGE ENCRYPTED FILE)');
    expect(ruleIds(report)).not.toContain('escrow.symmetric-side-channel');
  });

  it('names SSH recipients by their tag and matches an authorized SSH public key', async () => {
    const [own, other] = [sshEd25519(), sshEd25519()];
    const report = await inspectFiles({ 'ssh.age': handBuiltAge(own.stanza + other.stanza) }, { authorized: `recipients:\n  - ${own.line}\n` });
    const unknown = findingsOf(report, 'escrow.unknown-recipient');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.message).toContain(other.stanza.split(' ')[2]);
  });

  it('counts post-quantum hybrid stanzas, flags unknown plugin stanzas and ignores grease', async () => {
    const hybrid = await identityToRecipient(await generateHybridIdentity());
    expect(parseAge(await encryptTo([hybrid]))!.recipients.map((recipient) => recipient.label)).toEqual(['age ML-KEM-768+X25519 recipient']);
    const report = await inspectFiles({ 'plugin.age': handBuiltAge('-> piv-p256 abcd AAAA\nAAAA\n-> x-grease 1 2\n\n') });
    expect(ruleIds(report)).toEqual(['fmt.age-unknown-stanza']);
    expect(summaryOf(report, 'samples/plugin.age')).toContain('stanzas: piv-p256 ×1');
  });
});
