import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CacheStore } from '../src/cache/store.js';
import type { Report } from '../src/report/finding.js';
import { scan, type ScanOptions } from '../src/scan/scan.js';
import { makeProject, parseJson, REPO_ROOT, runBinary } from './support/cli.js';

const RULES = `rules:
  - id: weak-algorithm
    severity: high
    message: a weak cipher
    pattern: createCipher("des-cbc", ...)
  - id: leak
    mode: taint
    severity: high
    message: key material reaches a log
    pattern-sources: [{ pattern: getSecret() }]
    pattern-sinks: [{ pattern: log(...) }]
`;

/** Cross-file facts of every kind: a constant through a re-export, and a data flow through two other files' functions. */
const PROJECT = {
  'rules.yml': RULES,
  'src/algorithms.ts': "export const ALGORITHM = 'des-cbc';\nexport const MODERN = 'aes-256-gcm';\n",
  'src/config.ts': "export { ALGORITHM as CHOSEN } from './algorithms';\n",
  'src/encrypt.ts': "import { CHOSEN } from './config';\ndeclare function createCipher(algorithm: string, key: string): unknown;\nexport const cipher = createCipher(CHOSEN, 'k');\n",
  'src/secret.ts': 'declare function getSecret(): string;\nexport function readKey(): string {\n  return getSecret();\n}\n',
  'src/logging.ts': 'declare function log(value: unknown): void;\nexport function report(value: string): void {\n  log(value);\n}\n',
  'src/app.ts': "import { readKey } from './secret';\nimport { report } from './logging';\nexport function start(): void {\n  report(readKey());\n}\n",
  'src/leaf.ts': 'export const unused = 1;\n',
};

function options(root: string, cacheDir?: string): ScanOptions {
  return { paths: [join(root, 'src')], rules: [join(root, 'rules.yml')], defaultRules: false, ...(cacheDir ? { cacheDir } : {}) };
}

/** The report without what differs between runs by design: the duration and how many results came from the cache. */
function comparable(report: Report): Report {
  const { durationMs: _duration, cached: _cached, ...stats } = report.stats;
  return { ...report, stats: stats as Report['stats'] };
}

/** Scans warm with the cache and cold without it: the reports must be the same. */
async function warmEqualsCold(root: string, cacheDir: string, scanOptions: (root: string, cacheDir?: string) => ScanOptions = options): Promise<Report> {
  const warm = await scan(scanOptions(root, cacheDir));
  const cold = await scan(scanOptions(root));
  expect(comparable(warm)).toEqual(comparable(cold));
  return warm;
}

const ids = (report: Report) => report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`).sort();
const entriesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, encoding: 'utf8' }).map((name) => join(folder, name)).filter((path) => path.endsWith('.entry'));
const freshCache = () => mkdtempSync(join(tmpdir(), 'nobackdoor-cache-'));

describe('the result cache never serves a stale result', () => {
  it('a warm scan of an unchanged tree reuses every file and reports what a cold scan does', async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    const first = await scan(options(root, cacheDir));
    expect(first.stats.cached).toBe(0);
    expect(ids(first)).toEqual(['leak app.ts:4', 'weak-algorithm encrypt.ts:3']);
    const warm = await warmEqualsCold(root, cacheDir);
    expect(warm.stats.cached).toBe(7);
  });

  it('an imported constant that changes makes the finding disappear, and come back', async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    await scan(options(root, cacheDir));
    writeFileSync(join(root, 'src/algorithms.ts'), "export const ALGORITHM = 'aes-256-gcm';\nexport const MODERN = 'aes-256-gcm';\n");
    const changed = await warmEqualsCold(root, cacheDir);
    expect(ids(changed)).toEqual(['leak app.ts:4']);
    // Only the edited file and those that reach it through imports were analysed again.
    expect(changed.stats.cached).toBe(4);
    writeFileSync(join(root, 'src/algorithms.ts'), PROJECT['src/algorithms.ts']);
    expect(ids(await warmEqualsCold(root, cacheDir))).toEqual(['leak app.ts:4', 'weak-algorithm encrypt.ts:3']);
  });

  it('a re-export that now names another constant changes the finding', async () => {
    const root = makeProject({ ...PROJECT, 'src/config.ts': "export { MODERN as CHOSEN } from './algorithms';\n" });
    const cacheDir = freshCache();
    expect(ids(await scan(options(root, cacheDir)))).toEqual(['leak app.ts:4']);
    writeFileSync(join(root, 'src/config.ts'), PROJECT['src/config.ts']);
    expect(ids(await warmEqualsCold(root, cacheDir))).toEqual(['leak app.ts:4', 'weak-algorithm encrypt.ts:3']);
  });

  it("a callee's data flow in another file that changes makes the data-flow finding disappear, and come back", async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    await scan(options(root, cacheDir));
    writeFileSync(join(root, 'src/logging.ts'), "declare function log(value: unknown): void;\nexport function report(value: string): void {\n  log('redacted');\n}\n");
    expect(ids(await warmEqualsCold(root, cacheDir))).toEqual(['weak-algorithm encrypt.ts:3']);
    writeFileSync(join(root, 'src/secret.ts'), 'declare function getSecret(): string;\nexport function readKey(): string {\n  return getSecret();\n}\nexport const again = 1;\n');
    writeFileSync(join(root, 'src/logging.ts'), PROJECT['src/logging.ts']);
    expect(ids(await warmEqualsCold(root, cacheDir))).toEqual(['leak app.ts:4', 'weak-algorithm encrypt.ts:3']);
  });

  it('a new file that an import now resolves to invalidates the importer', async () => {
    const root = makeProject({ ...PROJECT, 'src/encrypt.ts': "import { CHOSEN } from './settings';\ndeclare function createCipher(algorithm: string, key: string): unknown;\nexport const cipher = createCipher(CHOSEN, 'k');\n" });
    const cacheDir = freshCache();
    expect(ids(await scan(options(root, cacheDir)))).toEqual(['leak app.ts:4']);
    writeFileSync(join(root, 'src/settings.ts'), "export const CHOSEN = 'des-cbc';\n");
    expect(ids(await warmEqualsCold(root, cacheDir))).toEqual(['leak app.ts:4', 'weak-algorithm encrypt.ts:3']);
  });

  it('editing a leaf file analyses only that file again', async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    await scan(options(root, cacheDir));
    writeFileSync(join(root, 'src/leaf.ts'), "declare function createCipher(algorithm: string, key: string): unknown;\ncreateCipher('des-cbc', 'k');\n");
    const warm = await warmEqualsCold(root, cacheDir);
    expect(warm.stats.cached).toBe(6);
    expect(ids(warm)).toContain('weak-algorithm leaf.ts:2');
  });

  it('a data-flow finding that the first file no longer reaches is reported by a kept file that still does', async () => {
    // Both callers reach the same flow inside util.ts; the first in scan order reports it.
    const root = makeProject({
      'rules.yml': RULES,
      'src/a.ts': "import { leakKey } from './util';\nexport function first(): void {\n  leakKey();\n}\n",
      'src/b.ts': "import { leakKey } from './util';\nexport function second(): void {\n  leakKey();\n}\n",
      'src/util.ts': 'declare function getSecret(): string;\ndeclare function log(value: unknown): void;\nexport function leakKey(): void {\n  log(getSecret());\n}\n',
    });
    const cacheDir = freshCache();
    const first = await scan(options(root, cacheDir));
    expect(ids(first)).toEqual(['leak util.ts:4']);
    writeFileSync(join(root, 'src/a.ts'), 'export function first(): void {}\n');
    expect(ids(await warmEqualsCold(root, cacheDir))).toEqual(['leak util.ts:4']);
  });

  it('scans from another working directory share the entries', async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    await scan({ ...options(root, cacheDir), cwd: root });
    expect((await scan({ ...options(root, cacheDir), cwd: tmpdir() })).stats.cached).toBe(7);
  });

  it('a changed rule pack or setting reuses nothing', async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    await scan(options(root, cacheDir));
    expect((await scan({ ...options(root, cacheDir), testSeverity: 'same' })).stats.cached).toBe(0);
    writeFileSync(join(root, 'rules.yml'), RULES.replace('a weak cipher', 'a weak cipher, reworded'));
    const reworded = await warmEqualsCold(root, cacheDir);
    expect(reworded.stats.cached).toBe(0);
    expect(reworded.findings.find((finding) => finding.ruleId === 'weak-algorithm')?.message).toContain('reworded');
  });
});

describe('cache entries on disk', () => {
  it('a truncated, corrupted or half-written entry is ignored and replaced', async () => {
    const root = makeProject(PROJECT);
    const cacheDir = freshCache();
    const cold = await scan(options(root, cacheDir));
    const entries = entriesUnder(cacheDir);
    expect(entries).toHaveLength(7);
    const [truncated, flipped, garbage, emptied] = entries as [string, string, string, string];
    writeFileSync(truncated, readFileSync(truncated).subarray(0, 200));
    const bytes = readFileSync(flipped);
    bytes[bytes.length - 5] = bytes[bytes.length - 5]! ^ 1;
    writeFileSync(flipped, bytes);
    writeFileSync(garbage, 'not an entry');
    writeFileSync(emptied, '');
    const warm = await scan(options(root, cacheDir));
    expect(warm.stats.cached).toBe(3);
    expect(comparable(warm)).toEqual(comparable(cold));
    expect((await scan(options(root, cacheDir))).stats.cached).toBe(7);
  });

  it('a value read back is the value written, and only whole entries are read', () => {
    const store = new CacheStore(freshCache());
    store.set('a', { findings: [1, 2, 3] });
    expect(store.get('a')).toEqual({ findings: [1, 2, 3] });
    expect(store.get('missing')).toBeUndefined();
  });

  it('the size cap removes the least recently used entries', async () => {
    const folder = freshCache();
    const payload = 'x'.repeat(900);
    const store = new CacheStore(folder, 3000);
    const pause = () => new Promise((done) => setTimeout(done, 30));
    for (const key of ['old', 'middle', 'new']) {
      store.set(key, payload);
      await pause();
    }
    // Reading an entry makes it recently used: "middle" is now the one used longest ago.
    expect(store.get('old')).toBe(payload);
    await pause();
    store.set('newest', payload);
    store.evict();
    expect(['old', 'middle', 'new', 'newest'].filter((key) => store.get(key) !== undefined)).toEqual(['old', 'new', 'newest']);
    expect(entriesUnder(folder).reduce((sum, path) => sum + statSync(path).size, 0)).toBeLessThanOrEqual(3000);
  });

  it('never writes the key values that rules find, and never into the scanned tree', async () => {
    const demo = mkdtempSync(join(tmpdir(), 'nobackdoor-demo-'));
    cpSync(join(REPO_ROOT, 'fixtures/demo-app'), demo, { recursive: true });
    const before = readdirSync(demo, { recursive: true }).length;
    const cacheDir = freshCache();
    await scan({ paths: [demo], cacheDir });
    expect(readdirSync(demo, { recursive: true })).toHaveLength(before);
    const key = '43abc1f9fafa89f1d4d09e5aedc2cc4ca92bc7068472c24836aeef6a23c5315c';
    const forms = [key, Buffer.from(key, 'hex').toString('base64')];
    const stored = entriesUnder(cacheDir).map((path) => readFileSync(path, 'utf8')).join('\n');
    expect(stored.length).toBeGreaterThan(0);
    for (const form of forms) expect(stored).not.toContain(form);
    // With --samples the keys' values are held in memory: the cache is neither read nor written.
    const samplesCache = freshCache();
    await scan({ paths: [demo], cacheDir: samplesCache, samples: join(REPO_ROOT, 'fixtures/ciphertexts/samples/app') });
    expect(entriesUnder(samplesCache)).toEqual([]);
  });
});

describe('the shipped pack on the demo app', () => {
  it('warm reports equal cold ones, unchanged and after editing a leaf, an imported file and a constant', async () => {
    const demo = mkdtempSync(join(tmpdir(), 'nobackdoor-demo-'));
    cpSync(join(REPO_ROOT, 'fixtures/demo-app'), demo, { recursive: true });
    const cacheDir = freshCache();
    const demoOptions = (root: string, cache?: string): ScanOptions => ({ paths: [root], ...(cache ? { cacheDir: cache } : {}) });
    await scan(demoOptions(demo, cacheDir));
    expect((await warmEqualsCold(demo, cacheDir, demoOptions)).stats.cached).toBeGreaterThan(10);
    const files = readdirSync(demo, { recursive: true, encoding: 'utf8' }).filter((path) => /\.(ts|tsx|js)$/.test(path));
    for (const file of files) {
      const path = join(demo, file);
      const text = readFileSync(path, 'utf8');
      // A comment, then a changed string constant: each edit is followed by a warm scan that must equal a cold one.
      writeFileSync(path, `${text}\n// edited\n`);
      await warmEqualsCold(demo, cacheDir, demoOptions);
      const constant = text.replace(/'aes-256-gcm'/, "'des-ede3-cbc'");
      if (constant !== text) {
        writeFileSync(path, constant);
        await warmEqualsCold(demo, cacheDir, demoOptions);
      }
    }
  }, 600_000);
});

describe('the command line', () => {
  it('caches under $XDG_CACHE_HOME/nobackdoor by default, says how many files it reused, and --no-cache writes nothing', () => {
    const root = makeProject(PROJECT);
    const home = freshCache();
    const args = ['scan', 'src', '--rules', 'rules.yml', '--no-default-rules', '-f', 'json'];
    const cold = parseJson(runBinary(args, { cwd: root, env: { XDG_CACHE_HOME: home } }).stdout);
    expect(cold.stats.cached).toBe(0);
    expect(entriesUnder(join(home, 'nobackdoor')).length).toBe(7);
    const warm = parseJson(runBinary(args, { cwd: root, env: { XDG_CACHE_HOME: home } }).stdout);
    expect(warm.stats.cached).toBe(7);
    const other = freshCache();
    const off = parseJson(runBinary([...args, '--no-cache'], { cwd: root, env: { XDG_CACHE_HOME: other } }).stdout);
    expect(off.stats.cached).toBeUndefined();
    expect(readdirSync(other)).toEqual([]);
    const chosen = join(freshCache(), 'chosen');
    runBinary([...args, '--cache-dir', chosen], { cwd: root, env: { XDG_CACHE_HOME: other } });
    expect(entriesUnder(chosen).length).toBe(7);
    rmSync(chosen, { recursive: true });
  });
});
