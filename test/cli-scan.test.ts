import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, parseJson, REPO_ROOT, runBinary } from './support/cli.js';

const GOLDEN = join(REPO_ROOT, 'fixtures/golden/demo-app.json');

function withoutTimings(json: string): unknown {
  const report = JSON.parse(json);
  report.stats.durationMs = 0;
  // How many files came from the result cache depends on the scans before (docs/cache.md).
  delete report.stats.cached;
  return report;
}

describe('nobackdoor scan (the real binary)', () => {
  it('matches the golden JSON on the demo app and exits 1', () => {
    const run = runBinary(['scan', 'fixtures/demo-app', '--format', 'json']);
    expect(run.status).toBe(1);
    expect(withoutTimings(run.stdout)).toEqual(withoutTimings(readFileSync(GOLDEN, 'utf8')));
  });

  it('gives the same JSON from another working directory, with paths relative to the scanned folder', () => {
    const elsewhere = makeProject({});
    const run = runBinary(['scan', join(REPO_ROOT, 'fixtures/demo-app'), '--format', 'json'], { cwd: elsewhere });
    expect(withoutTimings(run.stdout)).toEqual(withoutTimings(readFileSync(GOLDEN, 'utf8')));
  });

  it('prints findings grouped by file with the span underlined and a summary line', () => {
    const run = runBinary(['scan', 'fixtures/demo-app']);
    expect(run.stdout).toContain('server/src/legacy/archive.ts');
    expect(run.stdout).toMatch(/\n\s+11 \|   const cipher = crypto\.createCipheriv\('aes-128-ecb', key, null\);\n\s+\| {18}\^{47}\n/);
    expect(run.stdout).toMatch(/\d+ findings \(2 critical, \d+ high, 1 medium\) · 15 files analysed · \d+ rules/);
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('colours text only when asked: FORCE_COLOR on, NO_COLOR and --no-color off', () => {
    expect(runBinary(['scan', 'fixtures/demo-app'], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
    expect(runBinary(['scan', 'fixtures/demo-app', '--no-color'], { env: { FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('lowers severity in test code and keeps it in fixtures', () => {
    const report = parseJson(runBinary(['scan', 'fixtures/demo-app', '--format', 'json']).stdout);
    const inTest = report.findings.find((finding) => finding.file === 'server/test/archive.test.ts');
    expect(inTest).toMatchObject({ severity: 'medium', context: 'server', test: true });
    const same = parseJson(runBinary(['scan', 'fixtures/demo-app', '--format', 'json', '--test-severity', 'same']).stdout);
    expect(same.findings.find((finding) => finding.file === 'server/test/archive.test.ts')?.severity).toBe('high');
  });

  it('follows --fail-on', () => {
    // The demo app's unwrapped key upload and its server-side decryption are critical.
    expect(runBinary(['scan', 'fixtures/demo-app', '--fail-on', 'critical']).status).toBe(1);
    expect(runBinary(['scan', 'fixtures/demo-app', '--fail-on', 'critical', '--exclude', 'client/src/crypto/keys.ts', '--exclude', 'server/src/routes/keys.ts']).status).toBe(0);
    expect(runBinary(['scan', 'fixtures/demo-app', '--fail-on', 'HIGH']).status).toBe(1);
    expect(runBinary(['scan', 'fixtures/demo-app', '--fail-on', 'none']).status).toBe(0);
    const clean = makeProject({ 'a.ts': "import { createCipheriv } from 'crypto';\ncreateCipheriv('aes-256-gcm', k, iv);\n" });
    expect(runBinary(['scan', clean]).status).toBe(0);
  });

  it('writes --output atomically, creating a missing folder', () => {
    const target = makeProject({});
    const output = join(target, 'reports/nested/scan.json');
    const run = runBinary(['scan', 'fixtures/demo-app', '--format', 'json', '--output', output]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(parseJson(readFileSync(output, 'utf8')).findings.length).toBeGreaterThan(0);
    expect(readdirSync(join(target, 'reports/nested'))).toEqual(['scan.json']);
  });

  it('reports an output path it cannot write with exit 2', () => {
    const target = makeProject({ 'occupied': 'a file, not a folder' });
    const run = runBinary(['scan', 'fixtures/demo-app', '--output', join(target, 'occupied/scan.json')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/cannot write the output file .*occupied\/scan\.json/);
  });

  it('keeps the default pack working from any directory, and --no-default-rules with --rules', () => {
    const project = makeProject({ 'a.js': "const c = require('crypto');\nc.createCipher('aes192', 'pw');\n" });
    const defaults = parseJson(runBinary(['scan', '.', '--format', 'json'], { cwd: project }).stdout);
    expect(defaults.findings.map((finding) => finding.ruleId)).toEqual(['node-create-cipher']);
    const custom = parseJson(
      runBinary(['scan', '.', '--format', 'json', '--no-default-rules', '--rules', join(REPO_ROOT, 'fixtures/custom-rule-example')], { cwd: project }).stdout,
    );
    expect(custom.findings).toEqual([]);
    expect(custom.stats.rules).toBe(1);
  });

  it('rejects an unknown flag, a bad value and an unknown command with exit 2 and a hint', () => {
    const flag = runBinary(['scan', '--frmat', 'json']);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toMatch(/Unknown option '--frmat'.*Did you mean --format\?.*nobackdoor scan --help/);
    const value = runBinary(['scan', '--format', 'jsn']);
    expect(value.status).toBe(2);
    expect(value.stderr).toContain('--format must be one of text, json, sarif, markdown, github; got "jsn". Did you mean "json"?');
    const command = runBinary(['scna']);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain('unknown command "scna". Did you mean "scan"?');
  });

  it('says so when a path does not exist, with exit 2', () => {
    const run = runBinary(['scan', 'no/such/folder', '--format', 'json']);
    expect(run.status).toBe(2);
    const report = parseJson(run.stdout);
    expect(report.errors).toEqual([expect.objectContaining({ kind: 'config', message: expect.stringContaining('does not exist') })]);
    expect(run.stderr).toContain('does not exist');
  });

  it('says that nothing was scanned, why, and which flag scans it', () => {
    const weak = "import crypto from 'crypto';\ncrypto.createCipheriv('des-cbc', key, iv);\n";
    const pkg = makeProject({ 'dist/index.js': weak, 'dist/util.js': '', 'build/cli.js': '', 'node_modules/dep/index.js': '', 'vendor.min.js': '' });
    const why = 'nothing was scanned under .: the default exclusions hide build/ (1 file), dist/ (2 files), node_modules/ (1 file), *.min.js (1 file); pass --no-default-excludes to scan them';

    const text = runBinary(['scan', '.'], { cwd: pkg });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain(`Warnings\n  ${why}`);
    expect(text.stdout).toContain('0 findings · 0 files analysed');

    const json = runBinary(['scan', '.', '--format', 'json'], { cwd: pkg });
    expect(json.status).toBe(0);
    expect(parseJson(json.stdout).warnings).toEqual([expect.objectContaining({ kind: 'nothing-scanned', message: expect.stringContaining(why) })]);
    expect(json.stderr).toContain(`nobackdoor: ${why}`);

    const all = runBinary(['scan', '.', '--no-default-excludes', '--format', 'json'], { cwd: pkg });
    const report = parseJson(all.stdout);
    expect(all.status).toBe(1);
    expect(report.stats.files).toBe(5);
    expect(report.findings.map((finding) => finding.file)).toEqual(['dist/index.js']);
    expect(report.warnings).toEqual([]);
  });

  it('shows every path relative to the scan root, which is the folder of a single FILE, traces above it too', () => {
    const project = makeProject({
      'common/algorithms.ts': "export const LEGACY_ALGORITHM = 'des-cbc';\n",
      'src/archive.ts': "import crypto from 'crypto';\nimport { LEGACY_ALGORITHM } from '../common/algorithms';\ncrypto.createCipheriv(LEGACY_ALGORITHM, key, iv);\n",
    });
    const run = runBinary(['scan', 'src/archive.ts', '--format', 'json'], { cwd: project });
    const [finding] = parseJson(run.stdout).findings;
    expect(finding).toMatchObject({ file: 'archive.ts', line: 3, trace: [{ file: '../common/algorithms.ts', line: 1 }] });
    expect(run.stdout).not.toContain(project);
  });

  it('has help for every command', () => {
    for (const command of ['scan', 'test', 'rules', 'schema']) {
      const run = runBinary([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toMatch(/^Usage/);
    }
    expect(runBinary(['--help']).stdout).toContain('Commands:');
  });

  it('keeps the golden file in the repository', () => {
    expect(existsSync(GOLDEN)).toBe(true);
  });
});

describe('nobackdoor scan --samples (hard-coded keys tried on real ciphertexts)', () => {
  it('reports the key that opens the app samples as critical where it is written, never printing it', () => {
    const key = readFileSync(join(REPO_ROOT, 'fixtures/ciphertexts/keys.txt'), 'utf8').trim().split('\n').at(-1)!;
    const run = runBinary(['scan', 'fixtures/demo-app', '--samples', 'fixtures/ciphertexts/samples/app', '--format', 'json']);
    expect(run.status).toBe(1);
    const confirmed = parseJson(run.stdout).findings.filter((finding) => finding.ruleId === 'key.decrypts');
    expect(confirmed.map((finding) => [finding.file, finding.line, finding.severity])).toEqual([
      ['server/src/legacy/message-cache.ts', 10, 'critical'],
      ['server/src/legacy/message-cache.ts', 16, 'critical'],
    ]);
    expect(confirmed[0]!.samples).toEqual(['fixtures/ciphertexts/samples/app/message-1.b64', 'fixtures/ciphertexts/samples/app/message-2.b64']);
    expect(run.stdout).not.toContain(key);
  });

  it('finds nothing to confirm when the samples were made with another key', () => {
    const run = runBinary(['scan', 'fixtures/demo-app', '--samples', 'fixtures/ciphertexts/samples/jwe', '--format', 'json']);
    expect(parseJson(run.stdout).findings.some((finding) => finding.ruleId.startsWith('key.'))).toBe(false);
  });
});
