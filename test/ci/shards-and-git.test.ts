import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson, mergeReports, mergeSarifLogs, sarifLog, scan, shardOf, toContract } from '../../src/index.js';
import { makeProject, parseJson, runBinary } from '../support/cli.js';
import { expectValidSarif } from '../support/sarif.js';

/** Files whose findings rest on constants from other files (cross-file facts every shard must compute). */
function crossFileProject(): Record<string, string> {
  const files: Record<string, string> = {
    'src/settings.ts': "export const ARCHIVE_ALGORITHM = 'aes-128-ecb';\nexport const LEGACY = { cipher: 'des-cbc' };\n",
    // a key from the environment: a hard-coded one would be reported at its definition in keys.ts
    // by every shard that analyses a file using it (report-at-definition crosses shard boundaries)
    'src/keys.ts': "export const SHARED_KEY = Buffer.from(process.env.SHARED_KEY_HEX!, 'hex');\n",
  };
  for (let index = 0; index < 8; index++) {
    files[`src/feature-${index}.ts`] = [
      "import crypto from 'node:crypto';",
      "import { ARCHIVE_ALGORITHM, LEGACY } from './settings';",
      "import { SHARED_KEY } from './keys';",
      `export const seal${index} = (iv: Buffer) => crypto.createCipheriv(ARCHIVE_ALGORITHM, SHARED_KEY, null);`,
      `export const old${index} = (key: Buffer, iv: Buffer) => crypto.createCipheriv(LEGACY.cipher, key, iv);`,
    ].join('\n');
  }
  return files;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

describe('sharding', () => {
  it('the union of the shards equals one full scan, cross-file findings included, and merges into one valid SARIF run', async () => {
    const root = makeProject(crossFileProject());
    const full = await scan({ paths: [root] });
    expect(full.findings.some((finding) => finding.trace?.some((step) => step.file === 'src/settings.ts'))).toBe(true);
    const total = 3;
    const shards = await Promise.all(Array.from({ length: total }, (_, index) => scan({ paths: [root], shard: `${index + 1}/${total}` })));
    expect(shards.every((shard) => shard.findings.length < full.findings.length)).toBe(true);
    expect(shards.map((shard) => shard.stats.files).reduce((a, b) => a + b)).toBe(full.stats.files);
    for (const [index, shard] of shards.entries()) for (const finding of shard.findings) expect(shardOf(finding.file, total)).toBe(index + 1);
    const merged = mergeReports(shards);
    const strip = (text: string) => ({ ...JSON.parse(text), stats: undefined });
    expect(strip(formatJson(merged, { color: false }))).toEqual(strip(formatJson({ ...full, shard: undefined } as never, { color: false })));
    const log = mergeSarifLogs(shards.map((shard, index) => ({ source: `shard-${index + 1}`, log: sarifLog(shard) })));
    expectValidSarif(log);
    expect((log.runs as unknown[]).length).toBe(1);
    expect((log as any).runs[0].results.length).toBe(full.findings.length);
    expect(toContract(merged).findings.map((finding) => finding.fingerprint)).toEqual(full.findings.map((finding) => finding.fingerprint));
  });

  it('merge joins shard reports through the binary, and a missing shard is an error', async () => {
    const root = makeProject(crossFileProject());
    for (const index of [1, 2]) {
      const shard = await scan({ paths: [root], shard: `${index}/2` });
      writeFileSync(join(root, `shard-${index}.sarif`), JSON.stringify(sarifLog(shard)));
    }
    const merged = runBinary(['merge', 'shard-1.sarif', 'shard-2.sarif', '--output', 'merged.sarif', '--fail-on', 'none'], { cwd: root });
    expect(merged.status, merged.stderr).toBe(0);
    expectValidSarif(JSON.parse(readFileSync(join(root, 'merged.sarif'), 'utf8')));
    const missing = runBinary(['merge', 'shard-1.sarif'], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stdout).toContain('lack shard 2 of 2');
  });
});

describe('--diff-base and --staged', () => {
  it('reports only findings new since REF, by fingerprint; a missing ref in a shallow clone exits 2 with the fix', async () => {
    const root = makeProject(crossFileProject());
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    const before = (await scan({ paths: [root] })).findings.length;
    writeFileSync(join(root, 'src/feature-9.ts'), "import crypto from 'node:crypto';\nexport const x = crypto.createCipheriv('des-ede3-cbc', k, iv);\n");
    writeFileSync(join(root, 'src/settings.ts'), "export const ARCHIVE_ALGORITHM = 'aes-256-ecb';\nexport const LEGACY = { cipher: 'des-cbc' };\n");
    const diff = await scan({ paths: [root], diffBase: 'HEAD' });
    expect(diff.errors).toEqual([]);
    // A changed constant does not make its old findings new: their code (and fingerprint) is the same.
    expect(new Set(diff.findings.map((finding) => finding.file))).toEqual(new Set(['src/feature-9.ts']));
    expect(diff.stats.baselined).toBe(before);
    expect(git(root, 'worktree', 'list').trim().split('\n')).toHaveLength(1);

    const clone = makeProject({});
    git(clone, 'clone', '-q', '--depth', '1', `file://${root}`, 'c');
    const shallow = runBinary(['scan', '.', '--diff-base', 'origin/feature', '--format', 'json'], { cwd: join(clone, 'c') });
    expect(shallow.status).toBe(2);
    expect(shallow.stderr).toContain('is not in this clone, which is shallow');
    expect(shallow.stderr).toContain('fetch-depth: 0');
  });

  it('scan --staged scans what is staged, with the staged project facts', () => {
    const root = makeProject(crossFileProject());
    git(root, 'init', '-q');
    git(root, 'add', '-A');
    git(root, 'commit', '-qm', 'base');
    writeFileSync(join(root, 'src/new.ts'), "import crypto from 'node:crypto';\nimport { ARCHIVE_ALGORITHM } from './settings';\nexport const y = crypto.createCipheriv(ARCHIVE_ALGORITHM, k, null);\n");
    expect(runBinary(['scan', '--staged', '-q'], { cwd: root }).status).toBe(0);
    git(root, 'add', 'src/new.ts');
    writeFileSync(join(root, 'src/new.ts'), 'export const fixedInTheWorkingTree = 1;\n');
    const staged = runBinary(['scan', '--staged', '--format', 'json'], { cwd: root });
    expect(staged.status).toBe(1);
    const report = parseJson(staged.stdout);
    expect(new Set(report.findings.map((finding) => finding.file))).toEqual(new Set(['src/new.ts']));
    expect(report.findings.find((finding) => finding.ruleId === 'node-ecb-mode')?.trace).toBeDefined();
  });
});
