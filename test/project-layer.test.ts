import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnswerCache } from '../src/project/answer-cache.js';
import { ProjectFacts } from '../src/project/project-facts.js';
import { runRuleTests } from '../src/testing/rule-tests.js';
import { REPO_ROOT } from './support/cli.js';

describe('multi-file projects (test/project: one rule and a folder per resolution path)', () => {
  const report = runRuleTests(join(REPO_ROOT, 'test/project'), REPO_ROOT);
  for (const result of report.results) {
    it(result.ruleFile, () => {
      expect(result.problems).toEqual([]);
      expect(result.mismatches.map((m) => `${m.file}:${m.line}: ${m.detail}`)).toEqual([]);
    });
  }
});

describe('cross-file answers are cached with the hashes of the files they used', () => {
  it('does not serve a stale constant after an imported file changes', () => {
    const root = mkdtempSync(join(tmpdir(), 'nobackdoor-project-'));
    writeFileSync(join(root, 'algorithms.ts'), "export const ALGORITHM = 'des-cbc';\n");
    writeFileSync(join(root, 'config.ts'), "export { ALGORITHM as CHOSEN } from './algorithms';\n");
    const cache = new AnswerCache();
    const first = new ProjectFacts(root, cache).exportedConstant(join(root, 'config.ts'), 'CHOSEN');
    expect(first?.value).toBe('des-cbc');
    expect(first?.via[0]).toMatchObject({ file: join(root, 'algorithms.ts'), line: 1 });

    writeFileSync(join(root, 'algorithms.ts'), "export const ALGORITHM = 'aes-256-gcm';\n");
    const second = new ProjectFacts(root, cache).exportedConstant(join(root, 'config.ts'), 'CHOSEN');
    expect(second?.value).toBe('aes-256-gcm');
  });

  it('reuses an answer while no file it used has changed', () => {
    const root = mkdtempSync(join(tmpdir(), 'nobackdoor-project-'));
    writeFileSync(join(root, 'a.ts'), "export const A = 'x';\n");
    const cache = new AnswerCache();
    new ProjectFacts(root, cache).exportedConstant(join(root, 'a.ts'), 'A');
    const size = cache.size;
    expect(new ProjectFacts(root, cache).exportedConstant(join(root, 'a.ts'), 'A')?.value).toBe('x');
    expect(cache.size).toBe(size);
  });

  it('never fails on imports it cannot resolve, cycles, or files that do not parse', () => {
    const root = mkdtempSync(join(tmpdir(), 'nobackdoor-project-'));
    writeFileSync(join(root, 'a.ts'), "export { B as A } from './b';\nexport * from 'not-installed';\n");
    writeFileSync(join(root, 'b.ts'), "export { A as B } from './a';\n");
    writeFileSync(join(root, 'broken.ts'), 'export const = ;\n');
    const project = new ProjectFacts(root);
    expect(project.exportedConstant(join(root, 'a.ts'), 'A')).toBeUndefined();
    expect(project.exportedConstant(join(root, 'broken.ts'), 'X')).toBeUndefined();
    expect(project.resolveModule(join(root, 'a.ts'), 'not-installed')).toBeUndefined();
  });
});
