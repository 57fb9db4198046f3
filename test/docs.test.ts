import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keysAt } from '../src/rules/describe-issue.js';
import { FORMULA_ITEM } from '../src/match/operators/index.js';
import { RULE, UNSUPPORTED_SEMGREP_KEYS } from '../src/rules/schema.js';
import { REPO_ROOT } from './support/cli.js';

describe('docs/rules.md', () => {
  it('lists as unsupported (§1) only operators that rule files reject by name, none that §3 documents', () => {
    const text = readFileSync(join(REPO_ROOT, 'docs/rules.md'), 'utf8').replace(/\s+/g, ' ');
    const sentence = /A Semgrep operator that nobackdoor does not support \(([^)]*)\)/.exec(text)?.[1];
    expect(sentence).toBeDefined();
    const listed = [...sentence!.matchAll(/`([a-z-]+)`/g)].map((match) => match[1]!);
    expect(listed.length).toBeGreaterThan(3);
    const supported = new Set([...keysAt(RULE, []), ...keysAt(FORMULA_ITEM, [])]);
    for (const operator of listed) {
      expect(supported.has(operator), `${operator} is supported`).toBe(false);
      expect(UNSUPPORTED_SEMGREP_KEYS.has(operator), `${operator} is not rejected by name`).toBe(true);
    }
  });
});
