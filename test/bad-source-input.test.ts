import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { makeProject, parseJson, runBinary } from './support/cli.js';

const WEAK = "import crypto from 'crypto';\ncrypto.createCipheriv('des-cbc', key, iv);\n";

describe('bad source input never stops the scan', () => {
  it('reports a syntax error with its position and keeps the other files', async () => {
    const root = makeProject({ 'broken.ts': 'const x = ;\n', 'good.ts': WEAK });
    const report = await scan({ paths: [root] });
    expect(report.errors).toEqual([expect.objectContaining({ file: 'broken.ts', kind: 'parse', line: 1, column: 11 })]);
    expect(report.errors[0]!.message).toBe('syntax error: Expression expected (the file was not analysed)');
    expect(report.findings.map((finding) => [finding.file, finding.line])).toEqual([['good.ts', 2]]);
    expect(report.stats).toMatchObject({ files: 1, filesSkipped: 1 });
  });

  it('reads BOM and CRLF files with correct positions', async () => {
    const root = makeProject({ 'bom.ts': `\uFEFF${WEAK.replace(/\n/g, '\r\n')}` });
    const report = await scan({ paths: [root] });
    expect(report.findings[0]).toMatchObject({ line: 2, column: 1, endLine: 2 });
  });

  it('reads non-UTF-8 text as Latin-1 with a warning', async () => {
    const root = makeProject({ 'latin1.js': Buffer.concat([Buffer.from('// caf'), Buffer.from([0xe9]), Buffer.from(`\n${WEAK}`)]) });
    const report = await scan({ paths: [root] });
    expect(report.findings).toHaveLength(1);
    expect(report.warnings).toEqual([expect.objectContaining({ file: 'latin1.js', kind: 'encoding' })]);
  });

  it('skips a binary file named .ts and a file with NUL bytes, saying why', async () => {
    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
    const root = makeProject({ 'image.ts': random, 'nul.js': `const a = 1;\u0000\n`, 'good.ts': WEAK });
    const report = await scan({ paths: [root] });
    expect(report.errors.map((error) => [error.file, error.kind])).toEqual([['image.ts', 'binary'], ['nul.js', 'binary']]);
    expect(report.findings).toHaveLength(1);
  });

  it('skips a file over the size limit and a minified file, listing both', async () => {
    const huge = `${WEAK}${'// padding line to make the file large\n'.repeat(30_000)}`;
    const minified = `var a=1;${'function f(){return 1};'.repeat(200)}\n`;
    const root = makeProject({ 'huge.ts': huge, 'bundle.js': minified, 'good.ts': WEAK });
    const report = await scan({ paths: [root] });
    expect(report.errors.map((error) => [error.file, error.kind])).toEqual([['bundle.js', 'minified'], ['huge.ts', 'size']]);
    expect(report.errors[0]!.message).toContain('--scan-minified');
    expect(report.errors[1]!.message).toContain('--max-file-size');
    expect(report.errors[1]!.message).toMatch(/roughly a minute of CPU time per MiB with the shipped rules, so about 1 min for this file\)$/);
    const raised = await scan({ paths: [root], maxFileSize: 4 * 1024 * 1024, scanMinified: true });
    expect(raised.errors).toEqual([]);
    expect(raised.findings.map((finding) => finding.file)).toEqual(['good.ts', 'huge.ts']);
  });

  it('honours the size limit for files read for another file\'s facts too, and says what was not followed', async () => {
    const settings = `export const ALGORITHM = 'des-cbc';\n${'// padding\n'.repeat(400)}`;
    const app = "import crypto from 'crypto';\nimport { ALGORITHM } from './settings';\ncrypto.createCipheriv(ALGORITHM, key, iv);\n";
    const root = makeProject({ 'settings.ts': settings, 'app.ts': app });
    const followed = await scan({ paths: [join(root, 'app.ts')] });
    expect(followed.findings.map((finding) => [finding.ruleId, finding.trace?.[0]?.file])).toEqual([['node-weak-cipher', 'settings.ts']]);
    const limited = await scan({ paths: [join(root, 'app.ts')], maxFileSize: 1024 });
    expect(limited.findings).toEqual([]);
    expect(limited.warnings).toEqual([
      { file: 'settings.ts', line: 0, kind: 'dependency-size', message: expect.stringMatching(/^is 4\.\d KiB, over the 1\.0 KiB limit; .*; what it exports was not followed/) },
    ]);
  });

  it('survives code nested tens of thousands of levels deep (real binary, larger stack)', () => {
    const depth = 30_000;
    const root = makeProject({
      'parens.js': `const v = ${'(\n'.repeat(depth)}1${')\n'.repeat(depth)};\n${WEAK}`,
      'chain.js': `const s = 1${' + 1\n'.repeat(depth)};\n`,
      'functions.js': `${'function f(){\n'.repeat(5000)}${'}\n'.repeat(5000)}`,
      'good.ts': WEAK,
    });
    const run = runBinary(['scan', root, '--format', 'json']);
    const report = parseJson(run.stdout);
    expect(run.status).toBe(1);
    expect(report.findings.map((finding) => finding.file)).toEqual(['good.ts', 'parens.js']);
    for (const error of report.errors) expect(error.kind).toBe('parse');
  });

  it('scans thousands of files', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) files[`src/module-${i}.ts`] = i % 500 === 0 ? WEAK : `export const value${i} = ${i};\n`;
    const report = await scan({ paths: [makeProject(files)] });
    expect(report.stats.files).toBe(2000);
    expect(report.findings).toHaveLength(4);
  });

  it('handles odd file names', async () => {
    const names = ['with space.ts', 'ünïcödé.ts', '#hash.ts', '-dash.ts', "quote'.ts", 'a.b.c.ts'];
    const root = makeProject(Object.fromEntries(names.map((name) => [name, WEAK])));
    const report = await scan({ paths: [root] });
    expect(report.findings.map((finding) => finding.file).sort()).toEqual([...names].sort());
  });

  it('treats an empty folder as a clean scan, and says that nothing was scanned', () => {
    const run = runBinary(['scan', makeProject({}), '--format', 'json']);
    expect(run.status).toBe(0);
    const report = parseJson(run.stdout);
    expect(report.stats.files).toBe(0);
    expect(report.warnings).toEqual([expect.objectContaining({ kind: 'nothing-scanned', message: expect.stringContaining('there is no TypeScript or JavaScript file') })]);
  });

  it('lists symbolic links (including a loop) instead of following them', async () => {
    const root = makeProject({ 'src/real.ts': WEAK });
    symlinkSync(join(root, 'src'), join(root, 'linked-src'));
    symlinkSync(join(root, 'loop-a.ts'), join(root, 'loop-b.ts'));
    symlinkSync(join(root, 'loop-b.ts'), join(root, 'loop-a.ts'));
    const report = await scan({ paths: [root] });
    expect(report.findings.map((finding) => finding.file)).toEqual(['src/real.ts']);
    expect(report.errors.map((error) => [error.file, error.kind])).toEqual([
      ['linked-src', 'symlink'],
      ['loop-a.ts', 'symlink'],
      ['loop-b.ts', 'symlink'],
    ]);
  });

  it('reports a file it cannot read', async () => {
    const root = makeProject({ 'good.ts': WEAK });
    execFileSync('mkfifo', [join(root, 'pipe.ts')]);
    mkdirSync(join(root, 'locked'));
    writeFileSync(join(root, 'locked/secret.ts'), WEAK);
    chmodSync(join(root, 'locked/secret.ts'), 0o000);
    const report = await scan({ paths: [root] });
    expect(report.errors).toContainEqual(expect.objectContaining({ file: 'pipe.ts', kind: 'unreadable' }));
    if (process.getuid?.() !== 0) expect(report.errors).toContainEqual(expect.objectContaining({ file: 'locked/secret.ts', kind: 'unreadable' }));
    expect(report.findings.map((finding) => finding.file)).toContain('good.ts');
  });

  it('exits 2 with --strict when a file was skipped, and follows findings without it', () => {
    const root = makeProject({ 'broken.ts': 'let = ;', 'clean.ts': 'export const a = 1;\n' });
    const loose = runBinary(['scan', root]);
    expect(loose.status).toBe(0);
    expect(loose.stderr).toContain('1 path was not analysed (1 parse)');
    expect(runBinary(['scan', root, '--strict']).status).toBe(2);
  });
});
