import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Encrypter, generateIdentity, identityToRecipient } from 'age-encryption';
import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { InputFileError } from '../../src/crypto/input-file-error.js';
import { readAuthorizedPolicy } from '../../src/crypto/recipients/authorized-file.js';
import { readOpenPgpCertificate } from '../../src/crypto/recipients/openpgp-public-key.js';
import { findingsOf, inspectFiles, yamlBlock } from './support.js';

function policyError(yaml: string): InputFileError {
  const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-authorized-'));
  writeFileSync(join(folder, 'authorized.yaml'), yaml);
  try {
    readAuthorizedPolicy(join(folder, 'authorized.yaml'), 'authorized.yaml');
  } catch (error) {
    if (error instanceof InputFileError) return error;
    throw error;
  }
  throw new Error('expected the file to be rejected');
}

let alice: openpgp.PrivateKey;
let bob: openpgp.PrivateKey;
let escrow: openpgp.PrivateKey;

beforeAll(async () => {
  const make = async (name: string) => (await openpgp.generateKey({ type: 'ecc', curve: 'curve25519Legacy', userIDs: [{ name }], format: 'object' })).privateKey;
  [alice, bob, escrow] = await Promise.all([make('alice'), make('bob'), make('escrow')]);
});

const encryptTo = async (...keys: openpgp.PrivateKey[]) =>
  (await openpgp.encrypt({ message: await openpgp.createMessage({ text: 'hi' }), encryptionKeys: keys.map((key) => key.toPublic()), format: 'binary' })) as Uint8Array;

describe('the --authorized file contract', () => {
  it('expands an armoured OpenPGP key to the ids and fingerprints of every subkey, as openpgp.js computes them', () => {
    const certificate = readOpenPgpCertificate(alice.toPublic().armor());
    if ('problem' in certificate) throw new Error(certificate.problem);
    expect(certificate.userId).toBe('alice');
    for (const key of [alice, ...alice.subkeys]) {
      expect(certificate.ids).toContain(`pgp-keyid:${key.getKeyID().toHex()}`);
      expect(certificate.ids).toContain(`pgp-fpr:${key.getFingerprint()}`);
    }
  });

  it.each([
    ['recipients: [alice, bob\nother: 1\n', 2, 'invalid YAML'],
    ['recipients:\n  - alice\nrecipeints: []\n', 3, 'unknown key "recipeints"; expected one of: recipients, groups'],
    ['recipients: alice\n', 1, 'recipients: expected a list, got a string'],
    ['recipients:\n  - age1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq\n', 2, 'recipients[0]: expected a valid age recipient'],
    ['recipients:\n  - kid: x\n', 2, 'recipients[0]: expected a public JWK'],
    ['recipients:\n  - {kty: EC, crv: P-256, x: abc, y: def, d: secret}\n', 2, 'recipients[0]: expected a public JWK; "d" is private key material'],
    ['recipients:\n  - "-----BEGIN CERTIFICATE-----\\nAAAA\\n-----END CERTIFICATE-----"\n', 2, 'recipients[0]: expected a valid X.509 certificate'],
    ['recipients:\n  - 12\n', 2, 'recipients[0]: expected a string'],
    ['groups:\n  web:\n    recipients: [alice]\n', 3, 'groups.web.samples: expected a list, got nothing'],
    ['other: 1\n', 1, 'unknown key "other"'],
    ['recipients: [*missing]\n', 1, 'invalid YAML'],
    [`a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: &c [${'*b, '.repeat(9)}*b]\nd: &d [${'*c, '.repeat(9)}*c]\nrecipients: *d\n`, 1, 'invalid YAML'],
    ['{}\n', 1, 'expected a "recipients:" list or "groups:"'],
  ])('rejects %j at line %i with a message saying what was expected', (yaml, line, message) => {
    const error = policyError(yaml);
    expect(error.file).toBe('authorized.yaml');
    expect(error.line).toBe(line);
    expect(error.column).toBeGreaterThan(0);
    expect(error.message).toContain(message);
  });

  it('rejects a private OpenPGP key block in the authorized list', () => {
    expect(policyError(`recipients:\n  - |\n${yamlBlock(alice.armor())}\n`).message).toContain('not a private key block');
  });

  it('reports a broken authorized file as one config error naming file, line and column, and inspects nothing', async () => {
    const report = await inspectFiles({ 'a.bin': new Uint8Array(40) }, { authorized: 'recipients:\n  - 0xZZ\n  bad: [\n' });
    expect(report.findings).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ file: 'authorized.yaml', kind: 'config', line: expect.any(Number), column: expect.any(Number) });
  });
});

describe('groups', () => {
  it('applies each group to the samples its globs match, and reports drift within a group', async () => {
    const authorized = [
      'groups:',
      '  chat:',
      '    samples: ["samples/chat/**"]',
      '    recipients:',
      '      - |',
      yamlBlock(alice.toPublic().armor(), 8),
      '      - |',
      yamlBlock(bob.toPublic().armor(), 8),
      '  backups:',
      '    samples: ["samples/backups/*.pgp"]',
      '    recipients:',
      '      - |',
      yamlBlock(bob.toPublic().armor(), 8),
    ].join('\n');
    const report = await inspectFiles(
      {
        'chat/1.pgp': await encryptTo(alice, bob),
        'chat/2.pgp': await encryptTo(alice, bob, escrow),
        'backups/1.pgp': await encryptTo(bob),
        'backups/2.pgp': await encryptTo(alice),
        'other.pgp': await encryptTo(bob),
      },
      { authorized },
    );
    const unknown = findingsOf(report, 'escrow.unknown-recipient');
    expect(unknown.map((finding) => [finding.file, finding.samples ?? [finding.file]])).toEqual([
      ['samples/backups/2.pgp', ['samples/backups/2.pgp']],
      ['samples/chat/2.pgp', ['samples/chat/2.pgp']],
      ['samples/other.pgp', ['samples/other.pgp']],
    ]);
    const drift = findingsOf(report, 'escrow.recipient-drift');
    expect(drift.map((finding) => finding.message)).toEqual([
      expect.stringContaining('(group backups)'),
      expect.stringMatching(new RegExp(`\\(group chat\\): OpenPGP key 0x${escrow.subkeys[0]!.getKeyID().toHex().toUpperCase()} in 1 of 2`)),
    ]);
  });

  it('warns about authorized entries that matched nothing', async () => {
    const age = await identityToRecipient(await generateIdentity());
    const { publicKey } = generateKeyPairSync('ed25519');
    const ssh = `ssh-ed25519 ${Buffer.concat([Buffer.from([0, 0, 0, 11]), Buffer.from('ssh-ed25519'), Buffer.from([0, 0, 0, 32]), Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')]).toString('base64')}`;
    const encrypter = new Encrypter();
    encrypter.addRecipient(age);
    const report = await inspectFiles({ 'a.age': await encrypter.encrypt('x') }, { authorized: `recipients:\n  - ${age}\n  - ${ssh}\n  - some-kid\n` });
    expect(report.warnings.map((warning) => [warning.line, warning.kind])).toEqual([
      [3, 'unused-authorized-recipient'],
      [4, 'unused-authorized-recipient'],
    ]);
  });
});
