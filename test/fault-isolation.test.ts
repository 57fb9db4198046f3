import { describe, expect, it } from 'vitest';
import type { CompiledRule } from '../src/rules/compiled-rule.js';
import { loadRulePack } from '../src/rules/pack.js';
import { analyzeFile } from '../src/scan/analyze-file.js';

/** A rule whose regex throws on files that contain a marker, as a buggy matcher would. */
function throwingRule(template: CompiledRule): CompiledRule {
  return {
    ...template,
    id: 'explodes-on-marker',
    engine: {
      mode: 'search',
      mayMatch: () => true,
      binds: new Set(),
      run(context) {
        if (context.facts.text.includes('EXPLODE')) throw new TypeError('matcher bug.');
        return [];
      },
    },
  };
}

describe('fault isolation', () => {
  const pack = loadRulePack();
  const rules = [...pack.rules, throwingRule(pack.rules[0]!)];
  const weak = "import crypto from 'crypto';\ncrypto.createCipheriv('des-cbc', k, iv);\n";

  it('one rule throwing on one file is an internal error for that rule and file; other findings survive', () => {
    const bad = analyzeFile({ path: 'a.ts', text: `// EXPLODE\n${weak}` }, rules, { testSeverity: 'lower' });
    expect(bad.errors).toEqual([
      { file: 'a.ts', ruleId: 'explodes-on-marker', kind: 'internal', message: 'rule failed on this file: TypeError: matcher bug (its other findings are kept)' },
    ]);
    expect(bad.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['node-weak-cipher', 3]]);

    const good = analyzeFile({ path: 'b.ts', text: weak }, rules, { testSeverity: 'lower' });
    expect(good.errors).toEqual([]);
    expect(good.findings).toHaveLength(1);
  });

  it('is a pure function of its inputs: same text and rules, same findings', () => {
    const first = analyzeFile({ path: 'a.ts', text: weak }, pack.rules, { testSeverity: 'lower' });
    const second = analyzeFile({ path: 'a.ts', text: weak }, pack.rules, { testSeverity: 'lower' });
    expect(second).toEqual(first);
  });
});
