import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { DEFAULT_RULES_DIR, loadRulePack } from '../src/rules/pack.js';
import { lintPack } from '../src/testing/lint-pack.js';
import { runRuleTests } from '../src/testing/rule-tests.js';
import { REPO_ROOT, runBinary } from './support/cli.js';

describe('the shipped rule pack', () => {
  const report = runRuleTests(DEFAULT_RULES_DIR, REPO_ROOT);

  it('loads without a single problem', () => {
    const pack = loadRulePack({ cwd: REPO_ROOT });
    expect(pack.problems).toEqual([]);
    expect(pack.rules.length).toBeGreaterThanOrEqual(3);
  });

  it('passes every annotated test case', () => {
    const failures = report.results.flatMap((result) => [
      ...result.problems.map((problem) => `${problem.file}:${problem.line}: ${problem.message}`),
      ...result.mismatches.map((mismatch) => `${mismatch.file}:${mismatch.line}: ${mismatch.ruleId}: ${mismatch.detail}`),
    ]);
    expect(failures).toEqual([]);
    expect(report.passed).toBe(report.results.length);
  });

  it('meets the pack lint: category, CWE, references, note, ruleid and ok cases', () => {
    expect(lintPack(DEFAULT_RULES_DIR, report, REPO_ROOT)).toEqual([]);
  });

  it('passes through the real binary: nobackdoor test --lint', () => {
    const run = runBinary(['test', '--lint']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/rule files: \d+ passed, 0 failed; lint: 0 problems/);
    expect(run.status).toBe(0);
  });
});

describe('the opt-in pack (rules/opt-in: data-flow rules loaded with --rules, not by default)', () => {
  const optIn = join(DEFAULT_RULES_DIR, 'opt-in');
  const report = runRuleTests(optIn, REPO_ROOT);

  it('is not part of the default pack', () => {
    const ids = loadRulePack({ cwd: REPO_ROOT }).rules.map((rule) => rule.id);
    expect(ids).not.toContain('weak-random-secret');
    expect(loadRulePack({ cwd: REPO_ROOT, paths: [optIn] }).rules.map((rule) => rule.id)).toContain('weak-random-secret');
  });

  it('passes every annotated test case and the pack lint', () => {
    expect(report.results.length).toBeGreaterThan(0);
    expect(report.results.flatMap((result) => [...result.problems.map((p) => p.message), ...result.mismatches.map((m) => `${m.file}:${m.line}: ${m.detail}`)])).toEqual([]);
    expect(lintPack(optIn, report, REPO_ROOT)).toEqual([]);
  });
});
