import { join } from 'node:path';
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
    expect(run.stdout).toContain('no-eval.ts:2:1: no-eval-call: reported a finding on a line not marked ruleid: "eval of a"');
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

describe('nobackdoor test runs one rule or one test file', () => {
  const OTHER_RULE = `  - id: no-function-constructor
    severity: high
    message: Function constructor with $X
    pattern: new Function($X)
`;

  it('--rule runs only that rule, whichever file defines it', () => {
    const root = makeProject({
      'pack/eval.yml': RULE + OTHER_RULE,
      'pack/eval.ts': ['// ruleid: no-eval-call', 'eval(a);', '// ok: no-function-constructor', 'new Function(b);', ''].join('\n'),
      'pack/other.yml': RULE.replace('no-eval-call', 'unrelated-rule'),
      'pack/other.ts': '// ok: unrelated-rule\neval(c);\n',
    });
    expect(runRuleTests(root, root).failed).toBe(2);
    const only = runRuleTests(root, root, { ruleId: 'no-eval-call' });
    expect(only.results.map((result) => [result.ruleFile, result.ruleIds, result.mismatches])).toEqual([['pack/eval.yml', ['no-eval-call'], []]]);
    expect(runRuleTests(root, root, { ruleId: 'no-function-constructor' }).results[0]!.mismatches).toEqual([
      expect.objectContaining({ kind: 'unexpected', line: 4, column: 1, message: 'Function constructor with b' }),
    ]);
  });

  it('a test file path runs its rule file against that file alone, also inside a folder test', () => {
    const root = makeProject({
      'beside.yml': RULE,
      'beside.ts': '// ruleid: no-eval-call\neval(1);\n',
      'folder.yml': RULE,
      'folder/good.js': '// ruleid: no-eval-call\neval(1);\n',
      'folder/nested/bad.ts': '// ok: no-eval-call\neval(2);\n',
    });
    expect(runRuleTests(join(root, 'beside.ts'), root).results.map((result) => [result.ruleFile, result.testFiles])).toEqual([['beside.yml', ['beside.ts']]]);
    expect(runRuleTests(join(root, 'folder.yml'), root).failed).toBe(1);
    const good = runRuleTests(join(root, 'folder/good.js'), root);
    expect(good.results.map((result) => [result.ruleFile, result.testFiles, result.mismatches])).toEqual([['folder.yml', ['folder/good.js'], []]]);
    expect(runRuleTests(join(root, 'folder/nested/bad.ts'), root).failed).toBe(1);
  });

  it('through the binary: a test file, an unknown --rule with a suggestion, a test file without a rule file, a missing path', () => {
    const root = makeProject({ 'no-eval.yml': RULE, 'no-eval.ts': '// ok: no-eval-call\nrun(); eval(input);\n', 'orphan.ts': 'eval(1);\n' });
    const file = runBinary(['test', 'no-eval.ts'], { cwd: root });
    expect(file.status).toBe(1);
    expect(file.stdout).toContain('no-eval.ts:2:8: no-eval-call: reported a finding on a line not marked ruleid: "eval of input"');
    const typo = runBinary(['test', '.', '--rule', 'no-eval-cal'], { cwd: root });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('no rule "no-eval-cal" under ".". Did you mean "no-eval-call"?');
    const orphan = runBinary(['test', 'orphan.ts'], { cwd: root });
    expect(orphan.status).toBe(2);
    expect(orphan.stderr).toMatch(/no rule file for the test file .*orphan\.ts: expected orphan\.yml beside it/);
    const missing = runBinary(['test', 'no-evl.yml'], { cwd: root });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe(
      `nobackdoor test: no file or folder at ${join(root, 'no-evl.yml')}. Did you mean "${join(root, 'no-eval.yml')}"? ` +
        'Give a rule file (.yml, .yaml), an annotated test file or a folder of rule files; with no path the shipped pack is tested.\n',
    );
    const lost = runBinary(['test', 'nowhere/rules'], { cwd: root });
    expect(lost.status).toBe(2);
    expect(lost.stderr).toContain(`no file or folder at ${join(root, 'nowhere/rules')} (its folder ${join(root, 'nowhere')} does not exist either).`);
    expect(lost.stderr).not.toContain('internal error');
  });
});
