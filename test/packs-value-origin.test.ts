import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/scan/scan.js';
import { makeProject, REPO_ROOT } from './support/cli.js';
import { renameLocals } from './support/rename-locals.js';

const PACKS = ['rules/key-escrow', 'rules/plaintext-logging'];

/**
 * Sink entries that recognise a client or logger by its receiver's name (ws.send, client.request,
 * backupLog.warn): renaming a parameter `ws: WebSocket` to `v1` hides the sink, not the value's
 * origin, so they are left out.
 */
const SINKS_BY_RECEIVER_NAME = ['websocket-and-socketio', 'http-client-instances', 'logger-methods'];

/** A pack's rule files with their test: the file beside it, or the folder of the same name. */
function ruleTests(pack: string): Array<{ rule: string; tests: string }> {
  const dir = join(REPO_ROOT, pack);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yml'))
    .flatMap((name) => {
      const base = join(dir, name.replace(/\.yml$/, ''));
      const tests = [base, `${base}.ts`].filter((path) => existsSync(path));
      return tests.map((path) => ({ rule: join(dir, name), tests: path }));
    });
}

function sourceFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => sourceFiles(join(path, name))).filter((file) => /\.(ts|js)$/.test(file));
}

/** Copies a rule's test into a fresh project, every file's local names renamed to v1, v2, … when asked. */
function project(tests: string, rename: boolean): string {
  const root = makeProject({});
  const target = join(root, 'case');
  cpSync(tests, statSync(tests).isDirectory() ? target : `${target}.ts`, { recursive: true });
  if (rename) {
    for (const file of sourceFiles(target + (statSync(tests).isDirectory() ? '' : '.ts'))) writeFileSync(file, renameLocals(readFileSync(file, 'utf8')));
  }
  return root;
}

/** Findings whose source is a value's origin (a model entry above low confidence), not a name; by line, as renaming moves columns. */
async function valueOriginFindings(rule: string, root: string): Promise<string[]> {
  const report = await scan({ paths: [root], rules: [rule], defaultRules: false });
  expect(report.errors).toEqual([]);
  return report.findings
    .filter((finding) => finding.confidence !== 'low')
    .filter((finding) => !SINKS_BY_RECEIVER_NAME.some((entry) => finding.trace?.at(-1)?.note.endsWith(`(${entry})`))).map((finding) => `${finding.ruleId} ${relative(root, join(root, finding.file))}:${finding.line} ${finding.trace?.at(-1)?.note ?? ''}`);
}

describe('the key-escrow and plaintext-logging packs', () => {
  const cases = PACKS.flatMap(ruleTests);

  it('have a test for every rule', () => {
    expect(cases.length).toBeGreaterThanOrEqual(7);
  });

  it('find the same value-origin flows after every local name in their tests is renamed', async () => {
    const changed: Record<string, { before: string[]; after: string[] }> = {};
    for (const item of cases) {
      const before = await valueOriginFindings(item.rule, project(item.tests, false));
      const after = await valueOriginFindings(item.rule, project(item.tests, true));
      const name = relative(REPO_ROOT, item.tests);
      expect(before.length, `${name} has value-origin findings`).toBeGreaterThan(0);
      if (JSON.stringify(after) !== JSON.stringify(before)) changed[name] = { before: before.filter((line) => !after.includes(line)), after: after.filter((line) => !before.includes(line)) };
    }
    expect(changed).toEqual({});
  }, 600_000);
});
