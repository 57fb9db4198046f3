import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runRuleTests } from '../src/testing/rule-tests.js';
import { REPO_ROOT } from './support/cli.js';

describe('rule language conformance (test/conformance: one rule and annotated file per construct)', () => {
  const report = runRuleTests(join(REPO_ROOT, 'test/conformance'), REPO_ROOT);
  it('runs every construct, including the Semgrep compatibility cases', () => {
    expect(report.results.length).toBeGreaterThan(50);
  });
  for (const result of report.results) {
    it(result.ruleFile, () => {
      expect(result.problems).toEqual([]);
      expect(result.mismatches.map((m) => `${m.file}:${m.line}: ${m.detail}`)).toEqual([]);
    });
  }
});

describe('docs/rules.md conformance table', () => {
  const doc = readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8');
  const table = doc.slice(doc.indexOf('## Conformance table'));
  const links = [...table.matchAll(/\]\(\.\.\/(test\/(?:conformance|project)\/[^)]+)\)/g)].map((match) => match[1]!);

  it('links every row to a test file that exists', () => {
    expect(links.length).toBeGreaterThan(25);
    for (const link of links) expect(existsSync(join(REPO_ROOT, link)), link).toBe(true);
  });

  it('covers every conformance rule file, taint mode included', () => {
    const stemOf = (link: string, depth: number) => link.split('/')[depth]!.replace(/\.[a-z]+$/, '');
    const linkedStems = new Set(links.filter((link) => link.startsWith('test/conformance/') && !link.startsWith('test/conformance/taint/')).map((link) => stemOf(link, 2)));
    const ruleFiles = readdirSync(join(REPO_ROOT, 'test/conformance')).filter((name) => name.endsWith('.yml'));
    for (const file of ruleFiles) expect(linkedStems.has(file.replace(/\.yml$/, '')), file).toBe(true);
    const taintStems = new Set(links.filter((link) => link.startsWith('test/conformance/taint/')).map((link) => stemOf(link, 3)));
    const taintFiles = readdirSync(join(REPO_ROOT, 'test/conformance/taint')).filter((name) => name.endsWith('.yml') && !name.endsWith('.models.yml'));
    for (const file of taintFiles) expect(taintStems.has(file.replace(/\.yml$/, '')), file).toBe(true);
  });
});
