import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// The benchmark's generator of a large, ordinary crypto module (bench/lib/large-module.mjs).
// @ts-expect-error: a plain ES module without types
import { largeModule } from '../bench/lib/large-module.mjs';
import { scan } from '../src/index.js';
import { RangeIndex } from '../src/match/range-index.js';
import type { RangeMatch } from '../src/match/formula.js';
import { EMPTY_STATE } from '../src/match/state.js';
import { makeProject, parseJson, REPO_ROOT, runBinary } from './support/cli.js';

const generate = largeModule as (bytes: number) => string;
const RULES = ['weak-crypto/hardcoded-symmetric-key.yml', 'weak-crypto/constant-iv.yml'].map((file) => join(REPO_ROOT, 'rules', file));

/** The most matcher steps each rule took on the one file of a project holding `text`. */
async function stepsOn(text: string): Promise<{ steps: Map<string, number>; findings: number; warnings: number }> {
  const root = makeProject({ 'large.ts': text });
  const steps = new Map<string, number>();
  const report = await scan({ paths: [root], cwd: root, defaultRules: false, rules: RULES, ruleTimings: new Map(), ruleSteps: steps });
  return { steps, findings: report.findings.length, warnings: report.warnings.length };
}

describe('per-file cost follows the file size', () => {
  it('spends about twice the matcher steps on a generated module twice as large', async () => {
    // Before sequence patterns skipped statements without the bound name, each `$KEY = ...; ...`
    // tried every later statement of the module: the steps grew with the square of its size.
    const small = await stepsOn(generate(40_000));
    const large = await stepsOn(generate(80_000));
    expect(large.findings).toBeGreaterThan(small.findings);
    expect(large.warnings).toBe(0);
    for (const rule of ['hardcoded-symmetric-key', 'constant-iv']) {
      const ratio = large.steps.get(rule)! / small.steps.get(rule)!;
      expect(ratio, rule).toBeGreaterThan(1.6);
      expect(ratio, rule).toBeLessThan(2.5);
    }
  }, 120_000);
});

describe('RangeIndex', () => {
  it('finds the same matches as comparing every pair, in their original order', () => {
    let seed = 7;
    const next = (limit: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % limit;
    const matches: RangeMatch[] = Array.from({ length: 300 }, () => {
      const start = next(500);
      return { range: [start, start + next(60)] as const, state: EMPTY_STATE };
    });
    const index = new RangeIndex(matches);
    for (let probe = 0; probe < 200; probe++) {
      const start = next(500);
      const range = [start, start + next(40)] as const;
      expect(index.sameRange(range)).toEqual(matches.filter((m) => m.range[0] === range[0] && m.range[1] === range[1]));
      expect(index.containing(range)).toEqual(matches.filter((m) => m.range[0] <= range[0] && m.range[1] >= range[1]));
      expect(index.within(range)).toEqual(matches.filter((m) => m.range[0] >= range[0] && m.range[1] <= range[1]));
      expect(index.nestedWith(range)).toEqual(matches.filter((m) => (m.range[0] <= range[0] && m.range[1] >= range[1]) || (m.range[0] >= range[0] && m.range[1] <= range[1])));
    }
  });
});

describe('nobackdoor scan --match-budget (the real binary)', () => {
  const VAULT = "import * as crypto from 'node:crypto';\nconst KEY = Buffer.from('00112233445566778899aabbccddeeff', 'hex');\nexport const seal = (iv: Buffer, text: string) => crypto.createCipheriv('aes-128-cbc', KEY, iv).update(text);\n";

  it('reports a hard-coded key within the default budget, with no warning', () => {
    const report = parseJson(runBinary(['scan', makeProject({ 'vault.ts': VAULT }), '--format', 'json']).stdout);
    expect(report.findings.some((finding) => finding.ruleId === 'hardcoded-symmetric-key')).toBe(true);
    expect(report.warnings.filter((warning) => warning.kind === 'match-budget')).toEqual([]);
  }, 180_000);

  it('stops a rule that runs out on one file, names the rule and the file, and goes on with the scan', () => {
    // vault.ts needs a few hundred steps per rule; the 20 KB module needs tens of thousands for
    // the key and IV rules, and fewer than 10,000 for most others.
    const root = makeProject({ 'vault.ts': VAULT, 'large.ts': generate(20_000) });
    const args = ['scan', root, '--format', 'json', '--match-budget', '10000'];
    const report = parseJson(runBinary(args).stdout);
    const exhausted = report.warnings.filter((warning) => warning.kind === 'match-budget');
    expect(exhausted).toContainEqual({
      file: 'large.ts',
      line: 0,
      kind: 'match-budget',
      message: 'hardcoded-symmetric-key: the rule spent its 10,000 matcher steps on this file; it reports nothing on this file (raise match-budget to analyse it)',
    });
    expect(exhausted.every((warning) => warning.file === 'large.ts')).toBe(true);
    const keyFindings = report.findings.filter((finding) => finding.ruleId === 'hardcoded-symmetric-key');
    expect(keyFindings.map((finding) => finding.file)).toEqual(['vault.ts']);
    // Rules within the budget still report on the large file.
    expect(report.findings.some((finding) => finding.file === 'large.ts')).toBe(true);
    // Steps, not time: the same input gives the same report.
    const again = parseJson(runBinary(args).stdout);
    expect(again.warnings).toEqual(report.warnings);
    expect(again.findings).toEqual(report.findings);
  }, 240_000);

  it('rejects a budget that is not a whole number above zero', () => {
    const run = runBinary(['scan', makeProject({ 'vault.ts': VAULT }), '--match-budget', 'lots']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--match-budget takes a whole number of steps above zero');
  }, 120_000);
});
