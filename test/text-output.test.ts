import { describe, expect, it } from 'vitest';
import type { Finding, Report } from '../src/report/finding.js';
import { formatText } from '../src/report/formatters/text.js';
import { countOf } from '../src/text/count.js';

function report(findings: Finding[], stats: Partial<Report['stats']>): Report {
  return {
    version: 1,
    tool: { name: 'nobackdoor', version: 'test' },
    findings,
    errors: [],
    warnings: [],
    stats: { files: 0, filesSkipped: 0, rules: 0, suppressed: 0, baselined: 0, durationMs: 0, ...stats },
  };
}

const FINDING: Finding = {
  ruleId: 'r', category: 'weak-crypto', severity: 'high', confidence: 'high', message: 'm', file: 'a.ts',
  line: 1, column: 1, endLine: 1, endColumn: 2, fingerprint: 'f', cwe: [],
};

describe('counts in text output', () => {
  it('say "1 rule", "1 file", "1 finding" and "2 rules", "0 files"', () => {
    expect(formatText(report([FINDING], { files: 1, rules: 1 }), { color: false })).toMatch(/^1 finding \(1 high\) · 1 file analysed · 1 rule\n$/m);
    expect(formatText(report([], { files: 0, rules: 2 }), { color: false })).toMatch(/^0 findings · 0 files analysed · 2 rules\n$/m);
  });

  it('countOf takes an irregular plural', () => {
    expect([countOf(1, 'path was', 'paths were'), countOf(3, 'path was', 'paths were'), countOf(0, 'todo')]).toEqual(['1 path was', '3 paths were', '0 todos']);
  });
});
