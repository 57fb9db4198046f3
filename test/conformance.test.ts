import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../src/testing/rule-tests.js';
import { REPO_ROOT } from './support/cli.js';

describe('rule language conformance (test/conformance: one rule and annotated file per construct)', () => {
  const report = runRuleTests(join(REPO_ROOT, 'test/conformance'), REPO_ROOT);
  for (const result of report.results) {
    it(result.ruleFile, () => {
      expect(result.problems).toEqual([]);
      expect(result.mismatches.map((m) => `${m.file}:${m.line}: ${m.detail}`)).toEqual([]);
    });
  }
});
