import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run.js';

const ROOT = join(import.meta.dirname, '../..');
const BINARY = join(ROOT, 'dist/cli/main.js');
const FIXTURES = 'fixtures/ciphertexts';

/** The real binary, as users run it. */
function spawnInspect(args: string[], options: { input?: string; cwd?: string } = {}) {
  const result = spawnSync(process.execPath, [BINARY, 'inspect', ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same command in-process (runCli is what main.js calls), for the many small cases. */
async function runInspect(args: string[], options: { cwd?: string; input?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['inspect', ...args], {
    cwd: options.cwd ?? ROOT,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: Readable.from([Buffer.from(options.input ?? '')]),
  });
  return { status, stdout, stderr };
}

beforeAll(() => {
  // `npm test` builds first; a bare `vitest run test/crypto` on a fresh clone builds here.
  if (!existsSync(join(ROOT, 'dist/cli/commands/inspect.js'))) {
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}${build.stderr}`);
  }
}, 120_000);

describe('nobackdoor inspect (the real binary)', () => {
  it('reports what the shipped fixture samples prove, and exits 1', () => {
    const result = spawnInspect([`${FIXTURES}/samples`, '--authorized', `${FIXTURES}/authorized.yaml`, '--keys', `${FIXTURES}/keys.txt`, '--format', 'json']);
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { ruleId: string; file: string; severity: string }[]; errors: unknown[]; warnings: unknown[]; stats: { files: number } };
    const notable = report.findings
      .filter((finding) => !['fmt.summary', 'escrow.recipient-inventory'].includes(finding.ruleId))
      .map((finding) => `${finding.severity} ${finding.ruleId} ${finding.file.replace(`${FIXTURES}/samples/`, '')}`);
    expect(notable).toEqual([
      'high escrow.extra-recipient-count age/backup.age',
      'critical key.decrypts app/message-1.b64',
      'info mode.length-profile app/message-1.b64',
      'critical reuse.keystream app/message-1.b64',
      'high mode.ecb app/records.hex',
      'medium stat.not-random app/records.hex',
      'high escrow.anonymous-recipient jwe/statement.json',
      'high escrow.extra-recipient-count jwe/statement.json',
      'medium fmt.openssl-salted legacy/cryptojs.txt',
      'critical plain.text legacy/profile.b64',
      'medium escrow.recipient-drift pgp/note-1.asc',
      'critical escrow.unknown-recipient pgp/note-2.asc',
    ]);
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.stats.files).toBe(9);
    const key = readFileSync(join(ROOT, FIXTURES, 'keys.txt'), 'utf8').split('\n')[1]!;
    expect(result.stdout).not.toContain(key);
    expect(result.stdout).not.toContain('see you at nine');
  });

  it('reads standard input one sample per line', () => {
    const lines = spawnInspect(['--lines', '-', '--format', 'json'], { input: readFileSync(join(ROOT, FIXTURES, 'lines/events.jsonl'), 'utf8') });
    expect(lines.status).toBe(1);
    const report = JSON.parse(lines.stdout) as { findings: { ruleId: string; samples?: string[]; line: number }[] };
    expect(report.findings.filter((finding) => finding.ruleId === 'reuse.nonce-stream').map((finding) => finding.samples)).toEqual([['<stdin>:1', '<stdin>:3']]);
    expect(report.findings.filter((finding) => finding.ruleId === 'fmt.summary').map((finding) => finding.line)).toEqual([1, 2, 3]);
  });

  it('exits 2 with file, line and column for a broken authorized file, on stderr when stdout is JSON', () => {
    const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-cli-'));
    writeFileSync(join(folder, 'authorized.yaml'), 'recipients:\n  - alice\nrecipient: bob\n');
    const result = spawnInspect([join(ROOT, FIXTURES, 'samples/pgp'), '--authorized', 'authorized.yaml', '--format', 'json'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('nobackdoor inspect: authorized.yaml:3:1: unknown key "recipient"; expected one of: recipients, groups [config]\n');
  });
});

describe('nobackdoor inspect (in-process)', () => {
  it('prints text grouped by sample with a summary line, and honours --fail-on', async () => {
    const result = await runInspect([`${FIXTURES}/samples/pgp/note-1.asc`]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^fixtures\/ciphertexts\/samples\/pgp\/note-1\.asc\n {2}1:1 INFO {5}Encrypted to OpenPGP key 0x[0-9A-F]{16} in 1 sample \(no authorized list given\)/);
    expect(result.stdout).toContain('OpenPGP message, 163 bytes, decoding armour(PGP MESSAGE): 1 recipient (ECDH); SEIPD v1 (cipher not in header); randomness:');
    expect(result.stdout).toMatch(/2 findings \(2 info\) · 1 file analysed · \d+ rules\n$/);
    expect((await runInspect([`${FIXTURES}/samples/legacy`, '--fail-on', 'critical'])).status).toBe(1);
    expect((await runInspect([`${FIXTURES}/samples/legacy/cryptojs.txt`, '--fail-on', 'high'])).status).toBe(0);
  });

  it('prints exactly the worked example shown in docs/inspect.md', async () => {
    const docs = readFileSync(join(ROOT, 'docs/inspect.md'), 'utf8');
    const example = /\$ nobackdoor inspect (fixtures\/ciphertexts\/samples) \\\n\s+(--authorized \S+) (--keys \S+)\n([\s\S]*?)\$ echo \$\?\n1\n/.exec(docs);
    expect(example).not.toBeNull();
    const [, samples, authorized, keys, output] = example!;
    const result = await runInspect([samples!, ...authorized!.split(' '), ...keys!.split(' ')]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(output);
  });

  it('shows a config error in the text report too', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-cli-'));
    writeFileSync(join(folder, 'authorized.yaml'), 'recipients:\n  - age1notvalid\n');
    const text = await runInspect([join(ROOT, FIXTURES, 'samples/pgp'), '--authorized', 'authorized.yaml'], { cwd: folder });
    expect(text.status).toBe(2);
    expect(text.stdout).toContain('authorized.yaml:2:5: recipients[0]: expected a valid age recipient');
  });

  it('writes --output and keeps stdout and (with --quiet) stderr empty', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-cli-'));
    const result = await runInspect([join(ROOT, FIXTURES, 'samples/legacy'), '--format', 'json', '--output', join(folder, 'report.json'), '--quiet']);
    expect(result).toEqual({ status: 1, stdout: '', stderr: '' });
    expect(JSON.parse(readFileSync(join(folder, 'report.json'), 'utf8')).version).toBe(1);
  });

  it('treats missing samples as skipped (exit 2 only with --strict) and usage mistakes as exit 2', async () => {
    const missing = await runInspect(['no-such-sample.bin']);
    expect(missing.status).toBe(0);
    expect(missing.stderr).toContain('1 input was not inspected');
    expect((await runInspect(['no-such-sample.bin', '--strict'])).status).toBe(2);
    const usage = await runInspect([]);
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('give at least one SAMPLE');
    expect((await runInspect([`${FIXTURES}/samples`, '--format', 'xml'])).stderr).toContain('--format must be one of');
    expect((await runInspect(['--nope', 'x'])).stderr).toContain("Unknown option '--nope'");
  });

  it('reads stdin in-process too', async () => {
    const result = await runInspect(['-', '--format', 'json'], { input: 'Dear Bob, this is plain text.' });
    expect(JSON.parse(result.stdout).findings.map((finding: { ruleId: string }) => finding.ruleId)).toEqual(['fmt.summary', 'plain.text']);
  });
});
