import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseOpenPgp } from '../../src/crypto/formats/openpgp/message.js';
import { readPackets } from '../../src/crypto/formats/openpgp/packets.js';
import { armourMessage, concat, newFormatPacket, oldFormatPacket, packetsOf, passwordMessage, rsaPublicKeyRecipient, symmetricallyEncryptedWithoutIntegrity } from './openpgp-vectors.js';
import { findingsOf, inspectFiles, ruleIds, summaryOf, yamlBlock } from './support.js';

type Key = openpgp.PrivateKey;
let alice: Key;
let escrow: Key;
let aliceV6: Key;
const plaintext = 'meet at noon; the code is 1234';

async function encryptTo(keys: Key[], extra: Partial<Parameters<typeof openpgp.encrypt>[0]> = {}, text = plaintext): Promise<Uint8Array> {
  const message = await openpgp.createMessage({ text });
  return (await openpgp.encrypt({ message, encryptionKeys: keys.map((key) => key.toPublic()), format: 'binary', ...extra } as Parameters<typeof openpgp.encrypt>[0])) as unknown as Uint8Array;
}

const authorizedFor = (key: Key) => `recipients:\n  - |\n${yamlBlock(key.toPublic().armor())}\n`;

beforeAll(async () => {
  const make = (name: string) => openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name, email: `${name}@example.org` }], format: 'object' });
  [alice, escrow] = [(await make('alice')).privateKey, (await make('escrow')).privateKey];
  aliceV6 = (await openpgp.generateKey({ type: 'curve25519', userIDs: [{ name: 'alice6' }], format: 'object', config: { v6Keys: true, aeadProtect: true } })).privateKey;
});

describe('OpenPGP recipients', () => {
  it('lists one PKESK v3 per recipient, naming the encryption subkey as openpgp.js does', async () => {
    const binary = await encryptTo([alice, escrow]);
    const container = parseOpenPgp(binary, false)!;
    const reference = (await openpgp.readMessage({ binaryMessage: binary })).getEncryptionKeyIDs().map((id) => id.toHex());
    expect(container.recipients.map((recipient) => recipient.ids[0])).toEqual(reference.map((id) => `pgp-keyid:${id}`));
    expect(reference).toEqual([alice.getKeyIDs()[1]!.toHex(), escrow.getKeyIDs()[1]!.toHex()]);
  });

  it('reports the escrow recipient as critical when only alice is authorized (armoured key expands to subkeys)', async () => {
    const report = await inspectFiles({ 'two.pgp': await encryptTo([alice, escrow]), 'one.asc': armourMessage(await encryptTo([alice])) }, { authorized: authorizedFor(alice) });
    const unknown = findingsOf(report, 'escrow.unknown-recipient');
    expect(unknown).toHaveLength(1);
    expect(unknown[0]!.severity).toBe('critical');
    expect(unknown[0]!.category).toBe('key-escrow');
    expect(unknown[0]!.message).toContain(`0x${escrow.getKeyIDs()[1]!.toHex().toUpperCase()}`);
    expect(unknown[0]!.file).toBe('samples/two.pgp');
    const drift = findingsOf(report, 'escrow.recipient-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0]!.samples).toEqual(['samples/one.asc', 'samples/two.pgp']);
    expect(report.warnings).toEqual([]);
    expect(summaryOf(report, 'samples/two.pgp')).toMatch(/^OpenPGP message, \d+ bytes, decoding none: 2 recipients \(ECDH\); SEIPD v1 \(cipher not in header\)/);
  });

  it('a bare primary fingerprint cannot match the subkey recipient: the finding stands and a warning says why', async () => {
    const authorized = `recipients:\n  - "${alice.getFingerprint().toUpperCase()}"\n`;
    const report = await inspectFiles({ 'one.pgp': await encryptTo([alice]) }, { authorized });
    expect(findingsOf(report, 'escrow.unknown-recipient')).toHaveLength(1);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ file: 'authorized.yaml', line: 2, kind: 'unused-authorized-recipient' });
    expect(report.warnings[0]!.message).toMatch(/encryption subkey.*armoured public key/);
    const subkey = `recipients:\n  - "${alice.subkeys[0]!.getFingerprint()}"\n`;
    const matched = await inspectFiles({ 'one.pgp': await encryptTo([alice]) }, { authorized: subkey });
    expect(findingsOf(matched, 'escrow.unknown-recipient')).toEqual([]);
    expect(matched.warnings).toEqual([]);
  });

  it('reads v6 keys: PKESK v6 with the subkey fingerprint and SEIPD v2 with AEAD', async () => {
    const binary = await encryptTo([aliceV6], { config: { aeadProtect: true } });
    const container = parseOpenPgp(binary, false)!;
    expect(container.recipients[0]!.ids).toContain(`pgp-fpr:${aliceV6.subkeys[0]!.getFingerprint()}`);
    expect(container.details.join('; ')).toMatch(/SEIPD v2 AES-256 (OCB|EAX|GCM)/);
    expect(container.randomFields.map((field) => field.field)).toEqual(['SEIPD v2 salt']);
    const report = await inspectFiles({ 'v6.pgp': binary }, { authorized: authorizedFor(aliceV6) });
    expect(ruleIds(report)).toEqual([]);
  });

  it('reads SKESK v4 and v6 password recipients and their S2K', async () => {
    const message = await openpgp.createMessage({ text: plaintext });
    const v4 = (await openpgp.encrypt({ message, passwords: ['pw'], format: 'binary' })) as Uint8Array;
    expect(parseOpenPgp(v4, false)!.details.join('; ')).toMatch(/password: iterated\+salted S2K SHA-256, count \d+/);
    const v6 = (await openpgp.encrypt({ message, passwords: ['pw'], format: 'binary', config: { aeadProtect: true } })) as Uint8Array;
    const container = parseOpenPgp(v6, false)!;
    expect(container.secrets).toEqual(['password (SKESK v6)']);
    expect(container.details.join('; ')).toMatch(/SEIPD v2 AES-256/);
  });

  it('flags a password recipient beside a public-key recipient', async () => {
    const report = await inspectFiles({ 'both.pgp': await encryptTo([alice], { passwords: ['operator-knows-this'] }) });
    const sideChannel = findingsOf(report, 'escrow.symmetric-side-channel');
    expect(sideChannel).toHaveLength(1);
    expect(sideChannel[0]!.message).toContain('password (SKESK v4)');
  });

  it('flags a legacy session cipher visible in the SKESK (CAST5)', async () => {
    const sessionKey = { data: new Uint8Array(16).fill(7), algorithm: 'cast5' as const };
    const binary = await encryptTo([], { passwords: ['pw'], sessionKey, config: { preferredSymmetricAlgorithm: openpgp.enums.symmetric.cast5 } } as never);
    const report = await inspectFiles({ 'cast5.pgp': binary });
    expect(findingsOf(report, 'weak.cipher').map((finding) => finding.message)).toEqual([expect.stringContaining('CAST5')]);
  });

  it('flags IDEA and weak S2K parameters (built by hand: openpgp.js cannot make IDEA)', async () => {
    const report = await inspectFiles({ 'idea.pgp': passwordMessage(1, 8, 0x60), 'md5.pgp': passwordMessage(9, 1, 0x60), 'low.pgp': passwordMessage(9, 8, 0x10) });
    expect(findingsOf(report, 'weak.cipher').map((finding) => [finding.file, finding.message])).toEqual([['samples/idea.pgp', 'OpenPGP uses IDEA, a legacy 64-bit-block cipher (SKESK v4)']]);
    expect(findingsOf(report, 'kdf.password-weak').map((finding) => [finding.file, finding.message])).toEqual([
      ['samples/low.pgp', 'OpenPGP password protection uses iterated+salted S2K SHA-256, count 2048: weak against guessing'],
      ['samples/md5.pgp', 'OpenPGP password protection uses iterated+salted S2K MD5, count 65536: weak against guessing'],
    ]);
  });

  it('flags SED without integrity (built by hand: openpgp.js refuses to make it)', async () => {
    const binary = symmetricallyEncryptedWithoutIntegrity();
    await expect(openpgp.readMessage({ binaryMessage: binary })).resolves.toBeDefined();
    const report = await inspectFiles({ 'sed.pgp': binary });
    expect(ruleIds(report)).toContain('fmt.pgp-no-integrity');
    expect(findingsOf(report, 'fmt.pgp-no-integrity')[0]!.severity).toBe('high');
  });

  it('flags a wildcard (anonymous) recipient', async () => {
    const binary = await encryptTo([alice, escrow]);
    const packets = await packetsOf(binary);
    const hidden = packets.map(({ tag, body }, index) => (tag === 1 && index === 1 ? Uint8Array.from([body[0]!, ...new Uint8Array(8), ...body.subarray(9)]) : body));
    const rebuilt = concat(...packets.map(({ tag }, index) => newFormatPacket(tag, hidden[index]!)));
    const report = await inspectFiles({ 'hidden.pgp': rebuilt });
    expect(findingsOf(report, 'escrow.anonymous-recipient').map((finding) => finding.message)).toEqual([expect.stringContaining('wildcard recipient')]);
  });

  it('reads the RSA modulus size from the PKESK MPI', async () => {
    const data = (await packetsOf(await encryptTo([alice]))).at(-1)!;
    const encrypted = newFormatPacket(data.tag, data.body);
    const report = await inspectFiles({ 'rsa1024.pgp': concat(rsaPublicKeyRecipient(1024), encrypted), 'rsa512.pgp': concat(rsaPublicKeyRecipient(512), encrypted), 'rsa3072.pgp': concat(rsaPublicKeyRecipient(3072), encrypted) });
    expect(findingsOf(report, 'weak.rsa-key-short').map((finding) => finding.file)).toEqual(['samples/rsa1024.pgp']);
    expect(findingsOf(report, 'weak.rsa-key-broken').map((finding) => finding.file)).toEqual(['samples/rsa512.pgp']);
  });

  it('reads old-format headers and partial body lengths', async () => {
    const packets = await packetsOf(await encryptTo([alice, escrow], {}, plaintext.repeat(60)));
    const reframed = concat(...packets.map(({ tag, body }) => (tag === 1 ? oldFormatPacket(tag, body) : newFormatPacket(tag, body, 9))));
    expect(reframed[0]! & 0x40).toBe(0);
    const { packets: read, problem } = readPackets(reframed);
    expect(problem).toBeUndefined();
    expect(read.map((packet) => packet.tag)).toEqual(packets.map((packet) => packet.tag));
    expect(read.at(-1)!.body).toEqual(packets.at(-1)!.body);
    expect(parseOpenPgp(reframed, false)!.recipients).toHaveLength(2);
  });

  it('reports literal and signed-only data as not encrypted', async () => {
    const message = await openpgp.createMessage({ text: plaintext });
    const signed = (await openpgp.sign({ message, signingKeys: alice, format: 'binary' })) as Uint8Array;
    const literal = message.write() as Uint8Array;
    const report = await inspectFiles({ 'signed.pgp': signed, 'literal.pgp': literal, 'cleartext.asc': await openpgp.sign({ message: await openpgp.createCleartextMessage({ text: plaintext }), signingKeys: alice }) });
    expect(findingsOf(report, 'fmt.not-encrypted').map((finding) => [finding.file, finding.severity])).toEqual([
      ['samples/cleartext.asc', 'critical'],
      ['samples/literal.pgp', 'critical'],
      ['samples/signed.pgp', 'critical'],
    ]);
  });

  it('reports a secret key in a sample, and tells a passphrase-protected one apart', async () => {
    const locked = await openpgp.encryptKey({ privateKey: alice, passphrase: 'pw' });
    const report = await inspectFiles({ 'key.asc': alice.armor(), 'locked.asc': locked.armor(), 'log.txt': `2024-01-01 exported ${alice.armor()}` });
    expect(findingsOf(report, 'fmt.key-in-sample').map((finding) => finding.file)).toEqual(['samples/key.asc', 'samples/log.txt']);
    expect(findingsOf(report, 'fmt.encrypted-key-in-sample').map((finding) => finding.file)).toEqual(['samples/locked.asc']);
  });

  it('does not mistake random bytes that start like a packet for OpenPGP', () => {
    for (const first of [0x84, 0x85, 0xa7, 0xa8, 0xac, 0xc1, 0xc3, 0xc9, 0xd2]) {
      for (let seed = 0; seed < 50; seed++) {
        const bytes = Uint8Array.from({ length: 200 }, (_, index) => (index === 0 ? first : (seed * 131 + index * 197) & 0xff));
        expect(parseOpenPgp(bytes, false), `${first}/${seed}`).toBeUndefined();
      }
    }
  });
});
