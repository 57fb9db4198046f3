import { describe, expect, it } from 'vitest';
import { parseAnnotations } from '../src/testing/annotations.js';
import { runRuleTests } from '../src/testing/rule-tests.js';
import { makeProject, runBinary } from './support/cli.js';

const RULE = `rules:
  - id: no-eval-call
    severity: WARNING
    message: eval of $X
    languages: [javascript]
    pattern: eval($X)
`;

describe('annotations', () => {
  it('apply to the next code line, stack, and list several ids', () => {
    const annotations = parseAnnotations(['// ruleid: a, b', '// ok: c', 'code();', 'more(); // todook: d', '/* todoruleid: e */', 'x();'].join('\n'));
    expect(annotations.map((a) => [a.kind, a.ruleId, a.line])).toEqual([
      ['ruleid', 'a', 3],
      ['ruleid', 'b', 3],
      ['ok', 'c', 3],
      ['todook', 'd', 4],
      ['todoruleid', 'e', 6],
    ]);
  });

  it('read JSX comments', () => {
    expect(parseAnnotations('{/* ruleid: x */}\n<div/>').map((a) => [a.ruleId, a.line])).toEqual([['x', 2]]);
  });
});

describe('nobackdoor test', () => {
  it('passes a Semgrep layout (x.yaml beside x.js) with todo annotations', () => {
    const root = makeProject({
      'no-eval.yaml': RULE,
      'no-eval.js': ['// ruleid: no-eval-call', 'eval(input);', '// ok: no-eval-call', 'evaluate(input);', '// todoruleid: no-eval-call', '(0, eval)(input);', ''].join('\n'),
    });
    const report = runRuleTests(root, root);
    expect(report.results[0]!.mismatches).toEqual([]);
    expect(report.results[0]!.todos).toBe(1);
    const run = runBinary(['test', root]);
    expect(run.stdout).toContain('(1 rule, 1 todo)');
    expect(run.stdout).toContain('1 passed, 0 failed');
    expect(run.status).toBe(0);
  });

  it('reports missing and unexpected findings per line and exits 1', () => {
    const root = makeProject({
      'no-eval.yml': RULE,
      'no-eval.ts': ['// ok: no-eval-call', 'eval(a);', '// ruleid: no-eval-call', 'run(b);', '// ruleid: no-eval-call-typo', 'eval(c);', ''].join('\n'),
    });
    const mismatches = runRuleTests(root, root).results[0]!.mismatches.map((m) => [m.kind, m.line]);
    expect(mismatches).toEqual(expect.arrayContaining([['unexpected', 2], ['missing', 4], ['unknown-rule', 5], ['unexpected', 6]]));
    const run = runBinary(['test', root]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/no-eval\.ts:4: no-eval-call: expected a finding \(ruleid\) but none was reported/);
    expect(run.stdout).toMatch(/no-eval\.ts:2: no-eval-call: reported a finding on a line not marked ruleid/);
  });

  it('asks to promote a todoruleid that is now found', () => {
    const root = makeProject({ 'r.yml': RULE, 'r.js': '// todoruleid: no-eval-call\neval(x);\n' });
    const [mismatch] = runRuleTests(root, root).results[0]!.mismatches;
    expect(mismatch?.kind).toBe('fixed-todo');
  });

  it('runs a folder of test files for a rule (x.yml beside x/)', () => {
    const root = makeProject({
      'multi.yml': RULE,
      'multi/a.js': '// ruleid: no-eval-call\neval(1);\n',
      'multi/nested/b.ts': '// ok: no-eval-call\nsafe(1);\n',
    });
    const result = runRuleTests(root, root).results[0]!;
    expect(result.testFiles).toHaveLength(2);
    expect(result.mismatches).toEqual([]);
  });

  it('says which rule file has no test file', () => {
    const root = makeProject({ 'lonely.yml': RULE });
    const run = runBinary(['test', root]);
    expect(run.stdout).toContain('no test file beside this rule file');
    expect(run.status).toBe(1);
  });

  it('exits 2 on an invalid rule file, naming the line', () => {
    const root = makeProject({ 'bad.yml': 'rules:\n  - id: bad\n    severity: high\n    message: m\n    pattern: foo(\n', 'bad.js': '// ok: bad\nfoo();\n' });
    const run = runBinary(['test', root]);
    expect(run.status).toBe(2);
    expect(run.stdout).toMatch(/bad\.yml:5:\d+: the pattern is not valid TypeScript/);
  });
});
