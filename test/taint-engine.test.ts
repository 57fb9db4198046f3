import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/report/formatters/json.js';
import { scan } from '../src/scan/scan.js';
import { makeProject, REPO_ROOT, runBinary } from './support/cli.js';
import { renameLocals } from './support/rename-locals.js';

const TAINT_CASES = join(REPO_ROOT, 'test/conformance/taint');

/** The single-file taint conformance cases: rule file and annotated test file. */
function singleFileCases(): Array<{ rules: string; source: string; name: string }> {
  return readdirSync(TAINT_CASES)
    .filter((name) => name.endsWith('.yml') && !name.endsWith('.models.yml'))
    .map((name) => ({ name, rules: join(TAINT_CASES, name), source: join(TAINT_CASES, name.replace(/\.yml$/, '.ts')) }))
    .filter((item) => {
      try {
        readFileSync(item.source);
        return true;
      } catch {
        return false;
      }
    });
}

async function findingLines(files: Record<string, string>, rules: string, models: string[] = []): Promise<string[]> {
  const root = makeProject(files);
  const report = await scan({ paths: [root], rules: [rules, ...models], defaultRules: false });
  expect(report.errors).toEqual([]);
  return report.findings.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line}`);
}

describe('the taint engine', () => {
  it('finds the same flows after every local name is renamed (value origin, not names)', async () => {
    const cases = singleFileCases();
    expect(cases.length).toBeGreaterThan(8);
    for (const item of cases) {
      const original = readFileSync(item.source, 'utf8');
      const renamed = renameLocals(original);
      expect(renamed, `${item.name}: something was renamed`).not.toBe(original);
      const models = readdirSync(TAINT_CASES).filter((name) => name.endsWith('.models.yml')).map((name) => join(TAINT_CASES, name));
      const before = await findingLines({ 'case.ts': original }, item.rules, models);
      const after = await findingLines({ 'case.ts': renamed }, item.rules, models);
      expect(after, item.name).toEqual(before);
      expect(before.length, `${item.name} has findings`).toBeGreaterThan(0);
    }
  });

  it('gives byte-identical output on every run', async () => {
    const run = async () => {
      const report = await scan({ paths: [TAINT_CASES], rules: [TAINT_CASES], defaultRules: false });
      report.stats.durationMs = 0;
      return formatJson(report, { color: false });
    };
    const first = await run();
    expect(JSON.parse(first).findings.length).toBeGreaterThan(40);
    expect(await run()).toBe(first);
  });

  it('--debug-taint names every match and every site of a summary by line:column, in its own file', () => {
    const root = makeProject({
      'lib.ts': 'declare function log(value: unknown): void;\nexport function report(value: string): void {\n  log(value);\n}\n',
      'secret.ts': 'declare function getSecret(): string;\nexport function load(): string {\n  return getSecret();\n}\n',
      'main.ts': [
        "import { report } from './lib';",
        "import { load } from './secret';",
        'export function both(value: string): string {',
        '  report(value);',
        '  return load();',
        '}',
        '',
      ].join('\n'),
      'rule.yml': 'rules:\n  - id: leak\n    mode: taint\n    severity: high\n    message: leak\n    pattern-sources: [{ pattern: getSecret() }]\n    pattern-sinks: [{ pattern: log(...) }]\n',
    });
    const run = runBinary(['scan', '.', '--rules', 'rule.yml', '--no-default-rules', '--debug-taint', '-f', 'json'], { cwd: root });
    expect(run.stderr).toContain('leak in lib.ts\n  not analysed on its own: no source can match in this file or in the files it imports');
    // secret.ts makes taint but reaches no sink on its own: main.ts, which imports both, finds the flow.
    expect(run.stderr).toContain('leak in secret.ts\n  not analysed on its own: no sink can match in this file or in the files it imports');
    expect(run.stderr).toContain('leak in main.ts\n');
    expect(run.stderr).toContain('  sinks:\n    3:3 log(value)\n');
    expect(run.stderr).toContain('  sources:\n    3:10 getSecret()\n');
    // A root runs with its parameters clean, so its summary says what it returns, not what it does with them.
    expect(run.stderr).toContain('    3:8 both: returns the source at secret.ts:3:10\n');
    expect(run.stderr).not.toMatch(/offset \d/);
  });

  it('says so in warnings when a bound cuts the search, and the scan goes on', async () => {
    const depth = 40;
    const chain = Array.from({ length: depth }, (_, index) => `function f${index}(value: string): string { return ${index === depth - 1 ? 'value' : `f${index + 1}(value)`}; }`);
    const root = makeProject({
      'chain.ts': [...chain, 'declare function getSecret(): string;', 'declare function log(value: unknown): void;', 'log(f0(getSecret()));', ''].join('\n'),
      'rule.yml': 'rules:\n  - id: deep\n    mode: taint\n    severity: high\n    message: deep flow\n    pattern-sources: [{ pattern: getSecret() }]\n    pattern-sinks: [{ pattern: log(...) }]\n',
    });
    const report = await scan({ paths: [root], rules: [join(root, 'rule.yml')], defaultRules: false });
    expect(report.warnings).toEqual([expect.objectContaining({ kind: 'taint-depth', file: 'chain.ts', message: expect.stringMatching(/^deep: a call chain is deeper than \d+ functions/) })]);
    // Past the bound the call is opaque: its argument's taint still flows to its result, so the finding stays.
    expect(report.findings.map((finding) => finding.line)).toEqual([depth + 3]);
  });
});
