import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBaseline, exitCodeFor, scan, type ScanOptions } from '../../src/index.js';
import { flowFingerprintOf } from '../../src/report/fingerprint.js';
import { makeProject, parseJson, runBinary } from '../support/cli.js';

const ECB = (name: string) => `crypto.createCipheriv('aes-128-ecb', ${name}, null)`;
const NOW = new Date('2026-03-01T12:00:00Z');

async function scanProject(files: Record<string, string>, options: Partial<ScanOptions> = {}) {
  const root = makeProject(files);
  return { root, report: await scan({ paths: [root], now: NOW, ...options }) };
}

describe('fingerprints', () => {
  it('the location fingerprint survives unrelated edits: code above moves, other functions change', async () => {
    const before = `import crypto from 'node:crypto';\nexport function a(k: Buffer) { return ${ECB('k')}; }\n`;
    const after = `import crypto from 'node:crypto';\n// a comment\n\nexport function other() { return 42; }\nexport function a(k: Buffer) {\n  return ${ECB('k')};\n}\n`;
    const first = (await scanProject({ 'src/a.ts': before })).report.findings.filter((f) => f.ruleId === 'node-ecb-mode');
    const second = (await scanProject({ 'src/a.ts': after })).report.findings.filter((f) => f.ruleId === 'node-ecb-mode');
    expect(first).toHaveLength(1);
    expect(second[0]!.line).not.toBe(first[0]!.line);
    expect(second[0]!.fingerprint).toBe(first[0]!.fingerprint);
    const changed = (await scanProject({ 'src/a.ts': before.replace(ECB('k'), ECB('otherKey')) })).report.findings.filter((f) => f.ruleId === 'node-ecb-mode');
    expect(changed[0]!.fingerprint).not.toBe(first[0]!.fingerprint);
  });

  it('the flow fingerprint changes with the source even when the sink stays the same', () => {
    const sink = { file: 'src/a.ts', line: 9, kind: 'sink', note: 'reaches fetch(body)' };
    const one = flowFingerprintOf('key-exfil', 'src/a.ts', 'fetch(url, { body })', [{ file: 'src/k.ts', line: 2, kind: 'source', note: 'exportKey(jwk, key)' }, sink], 'loc');
    const two = flowFingerprintOf('key-exfil', 'src/a.ts', 'fetch(url, { body })', [{ file: 'src/k.ts', line: 2, kind: 'source', note: 'exportKey(pkcs8, key)' }, sink], 'loc');
    expect(one).not.toBe(two);
    expect(one).toMatch(/^[0-9a-f]{32}$/);
    expect(flowFingerprintOf('r', 'f', 'x', [{ file: 'f', line: 1, note: 'C is defined here' }], 'loc')).toBe('loc');
  });
});

describe('suppression comments', () => {
  const file = [
    "import crypto from 'node:crypto';",
    '// nobackdoor-ignore-next-line node-ecb-mode -- read-only legacy archive',
    `export const a = ${ECB('k1')};`,
    `export const b = ${ECB('k2')}; // nobackdoor-ignore node-ecb-mode -- same archive`,
    '// nobackdoor-ignore-next-line node-ecb-mode',
    `export const c = ${ECB('k3')};`,
    '// nobackdoor-ignore-next-line node-ecb-mode until=2026-01-31 -- until the migration',
    `export const d = ${ECB('k4')};`,
    '// nobackdoor-ignore-next-line node-ecb-mod,node-weak-cipher -- typo',
    `export const e = ${ECB('k5')};`,
    '// nobackdoor-ignore-next-line node-ecb-mode until=2026-12-31 -- still valid',
    'export const f = 1;',
    `export const g = ${ECB('k6')}; // nosemgrep: node-ecb-mode`,
  ].join('\n');

  it('leaves out covered findings and reports every suppression that is itself a problem', async () => {
    const { report } = await scanProject({ 'src/x.ts': file }, { includeSuppressed: true });
    const ecbLines = report.findings.filter((f) => f.ruleId === 'node-ecb-mode').map((f) => f.line);
    expect(ecbLines).toEqual([6, 8, 10, 13]);
    expect(report.stats.suppressed).toBe(2);
    expect(report.suppressed!.map((f) => [f.line, f.suppression.reason])).toEqual([[3, 'read-only legacy archive'], [4, 'same archive']]);
    const warnings = report.warnings.map((w) => [w.kind, w.line]);
    expect(warnings).toEqual([
      ['suppression-missing-reason', 5],
      ['suppression-expired', 7],
      ['suppression-unknown-rule', 9],
      ['unused-suppression', 9],
      ['unused-suppression', 11],
    ]);
    expect(report.warnings.find((w) => w.kind === 'suppression-unknown-rule')!.message).toContain('Did you mean "node-ecb-mode"?');
    expect(exitCodeFor(report, { failOn: 'none', strict: false })).toBe(0);
    expect(exitCodeFor(report, { failOn: 'none', strict: true })).toBe(2);
  });

  it("honours Semgrep's nosemgrep only with honorNosemgrep; inlineSuppressions: false ignores them all", async () => {
    const honoured = (await scanProject({ 'src/x.ts': file }, { honorNosemgrep: true })).report;
    expect(honoured.findings.filter((f) => f.ruleId === 'node-ecb-mode').map((f) => f.line)).toEqual([6, 8, 10]);
    expect(honoured.stats.suppressed).toBe(3);
    const audit = (await scanProject({ 'src/x.ts': file }, { inlineSuppressions: false })).report;
    expect(audit.stats.suppressed).toBe(0);
    expect(audit.findings.filter((f) => f.ruleId === 'node-ecb-mode')).toHaveLength(6);
  });
});

describe('baselines', () => {
  it('reports only new findings, counts the rest, lists stale entries, and keeps reasons on update', async () => {
    const source = `import crypto from 'node:crypto';\nexport const a = ${ECB('k1')};\nexport const b = ${ECB('k2')};\n`;
    const { root, report } = await scanProject({ 'src/x.ts': source });
    const baseline = createBaseline(report);
    baseline.entries[0]!.reason = 'accepted in review #12';
    writeFileSync(join(root, 'baseline.json'), JSON.stringify(baseline));

    writeFileSync(join(root, 'src/x.ts'), source.replace(`export const b = ${ECB('k2')};\n`, '') + `export const c = ${ECB('k3')};\n`);
    const next = await scan({ paths: [root], baseline: join(root, 'baseline.json') });
    expect(next.findings.map((f) => f.line)).toEqual([3]);
    expect(next.stats.baselined).toBe(report.findings.length - 1);
    expect(next.warnings.map((w) => w.kind)).toEqual(['stale-baseline']);
    expect(exitCodeFor(next, { failOn: 'none', strict: true })).toBe(2);
    const updated = createBaseline(await scan({ paths: [root] }), baseline);
    expect(updated.entries.find((entry) => entry.line === 2)!.reason).toBe('accepted in review #12');
  });

  it('baseline create, then scan --baseline through the binary; a JSON report is a baseline too; a broken one exits 2', () => {
    const root = makeProject({ 'src/x.ts': `import crypto from 'node:crypto';\nexport const a = ${ECB('k1')};\n` });
    const created = runBinary(['baseline', 'create', '.'], { cwd: root });
    expect(created.stderr).toMatch(/wrote \d+ entr(y|ies) to .*\.nobackdoor-baseline\.json/);
    expect(created.status).toBe(0);
    const clean = runBinary(['scan', '.', '--baseline', '.nobackdoor-baseline.json', '--format', 'json'], { cwd: root });
    expect(clean.status).toBe(0);
    expect(parseJson(clean.stdout).stats.baselined).toBeGreaterThan(0);
    writeFileSync(join(root, 'report.json'), runBinary(['scan', '.', '--format', 'json'], { cwd: root }).stdout);
    expect(runBinary(['scan', '.', '--baseline', 'report.json', '-q'], { cwd: root }).status).toBe(0);
    writeFileSync(join(root, 'broken.json'), '{"entries": [{"ruleId": 1}]}');
    const broken = runBinary(['scan', '.', '--baseline', 'broken.json', '--format', 'json'], { cwd: root });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('entry 1 needs "ruleId", "file" and "fingerprint" strings');
  });
});

describe('configuration', () => {
  it('per-rule severities and off, per-path policies, with test code still one step lower', async () => {
    const source = `import crypto from 'node:crypto';\nexport const a = ${ECB('k1')};\n`;
    const { report } = await scanProject(
      { 'src/x.ts': source, 'legacy/y.ts': source, 'src/x.test.ts': source },
      { policies: { rules: { 'node-ecb-mode': 'critical', 'hardcoded-symmetric-key': 'off' }, paths: [{ paths: ['legacy/**'], rules: { '*': 'low' } }] } },
    );
    const ecb = Object.fromEntries(report.findings.filter((f) => f.ruleId === 'node-ecb-mode').map((f) => [f.file, f.severity]));
    expect(ecb).toEqual({ 'src/x.ts': 'critical', 'src/x.test.ts': 'high', 'legacy/y.ts': 'low' });
    expect(report.findings.some((f) => f.ruleId === 'hardcoded-symmetric-key')).toBe(false);
    expect(report.rules!.find((rule) => rule.id === 'node-ecb-mode')!.severity).toBe('critical');
    const unknown = (await scanProject({ 'src/x.ts': source }, { policies: { rules: { 'node-ecb-mod': 'off' } } })).report;
    expect(unknown.errors[0]).toMatchObject({ kind: 'config', message: expect.stringContaining('Did you mean "node-ecb-mode"?') });
  });

  it('init writes a commented config that loads; precedence is flag > NOBACKDOOR_* > config > default', () => {
    const root = makeProject({ 'src/x.ts': `import crypto from 'node:crypto';\nexport const a = ${ECB('k1')};\n` });
    expect(runBinary(['init'], { cwd: root }).status).toBe(0);
    const written = readFileSync(join(root, 'nobackdoor.config.yaml'), 'utf8');
    expect(written).toContain('# rule-severity:');
    expect(runBinary(['init'], { cwd: root }).status).toBe(2);
    writeFileSync(join(root, 'nobackdoor.config.yaml'), `${written}\nrule-severity: { node-ecb-mode: info, hardcoded-symmetric-key: info, weak-symmetric-key-size: info }\n`.replace('fail-on: low', 'fail-on: info'));
    expect(runBinary(['scan', '.', '-q'], { cwd: root, env: { NOBACKDOOR_FAIL_ON: 'high' } }).status).toBe(0);
    expect(runBinary(['scan', '.', '-q', '--fail-on', 'info'], { cwd: root, env: { NOBACKDOOR_FAIL_ON: 'high' } }).status).toBe(1);
    const bad = runBinary(['scan', '.', '-q'], { cwd: root, env: { NOBACKDOOR_STRICT: 'maybe' } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('NOBACKDOOR_STRICT must be true or false');
  });
});
