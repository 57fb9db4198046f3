import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/cli.js';

/**
 * The README's quick start, as a new user runs it: a fresh clone, `npm ci`, `npx nobackdoor`.
 * It runs twice at the same path with one npm cache, because npx remembers a folder in its exec
 * cache and then no longer makes the bin executable; only the build can.
 *
 * It clones the committed HEAD, so commit before relying on it. npm ci installs from the npm
 * cache (--prefer-offline) and reaches the registry only for packages missing there.
 */
const QUICK_START_TIMEOUT_MS = 10 * 60_000;
const isGitCheckout = existsSync(join(REPO_ROOT, '.git'));

describe('README quick start in a fresh clone', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'nobackdoor-quick-start-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it.skipIf(!isGitCheckout)(
    'npm ci && npx nobackdoor scan fixtures/demo-app reports the demo findings and exits 1, also in a second clone at the same path',
    () => {
      const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
      const env = npmEnvironment(isolatedNpmCache(workspace));
      const clone = join(workspace, 'nobackdoor');
      const expected = expectedDemoFindings();
      for (const attempt of ['first clone', 'second clone']) {
        rmSync(clone, { recursive: true, force: true });
        execFileSync('git', ['clone', '--quiet', '--no-checkout', REPO_ROOT, clone]);
        execFileSync('git', ['checkout', '--quiet', '--detach', head], { cwd: clone });
        const run = spawnSync('sh', ['-c', 'npm ci --prefer-offline --no-audit --no-fund >/dev/null && npx nobackdoor scan fixtures/demo-app'], {
          cwd: clone,
          env,
          encoding: 'utf8',
          maxBuffer: 64 * 1024 * 1024,
        });
        expect(run.status, `${attempt}, stderr:\n${run.stderr.slice(-2000)}`).toBe(1);
        const lines = run.stdout.split('\n');
        for (const file of expected.files) expect(lines).toContain(file);
        expect(run.stdout).toContain(expected.summary);
      }
    },
    QUICK_START_TIMEOUT_MS,
  );
});

/** What the golden report of the demo app says the text output must show. */
function expectedDemoFindings(): { files: string[]; summary: string } {
  const golden = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/golden/demo-app.json'), 'utf8')) as {
    findings: Array<{ file: string; severity: string }>;
    stats: { files: number };
  };
  const bySeverity = ['critical', 'high', 'medium', 'low', 'info']
    .map((severity) => [severity, golden.findings.filter((finding) => finding.severity === severity).length] as const)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`);
  return {
    files: [...new Set(golden.findings.map((finding) => finding.file))],
    summary: `${golden.findings.length} findings (${bySeverity.join(', ')}) · ${golden.stats.files} files analysed`,
  };
}

/**
 * A cache of its own, so the exec cache entries this test creates are thrown away with it, that
 * shares the user's package store, so installing needs no download.
 */
function isolatedNpmCache(workspace: string): string {
  const cache = join(workspace, 'npm-cache');
  mkdirSync(cache);
  const userCache = execFileSync('npm', ['config', 'get', 'cache'], { encoding: 'utf8' }).trim();
  const store = join(userCache, '_cacache');
  if (existsSync(store)) symlinkSync(store, join(cache, '_cacache'));
  return cache;
}

/** The test runner's own npm settings (npm test sets npm_* variables) must not leak into the clone. */
function npmEnvironment(cache: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name) && name !== 'INIT_CWD') env[name] = value;
  return { ...env, npm_config_cache: cache, NO_COLOR: '1', CI: '1' };
}
