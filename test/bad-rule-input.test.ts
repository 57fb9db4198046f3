import { describe, expect, it } from 'vitest';
import { loadRulePack } from '../src/rules/pack.js';
import { makeProject, parseJson, runBinary } from './support/cli.js';

const VALID = `rules:
  - id: good-rule
    severity: high
    message: eval
    pattern: eval(...)
`;

function problemsOf(yaml: string): string[] {
  const root = makeProject({ 'rules.yml': yaml });
  return loadRulePack({ paths: [root], includeDefault: false, cwd: root }).problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
}

describe('broken rule files get one clear line each: file, line, column, what was expected', () => {
  it('invalid YAML', () => {
    expect(problemsOf('rules:\n  - id: x\n    message: [unclosed\n')).toEqual([expect.stringMatching(/^rules\.yml:\d+:\d+: invalid YAML: /)]);
  });

  it('a missing required key and a wrong value', () => {
    const problems = problemsOf('rules:\n  - id: x\n    severity: severe\n    pattern: eval(...)\n');
    expect(problems).toContain('rules.yml:3:15: rules[0].severity: expected one of critical, high, medium, low, info, error, warning, inventory, experiment (in any case); got "severe"');
    expect(problems).toContain('rules.yml:2:5: rules[0].message: expected string (the key is missing)');
  });

  it('an unknown key, pointing at the key', () => {
    expect(problemsOf(VALID.replace('message: eval', 'mesage: eval\n    message: eval'))).toEqual([
      'rules.yml:4:5: rules[0]: unknown key "mesage"; did you mean "message"?',
    ]);
  });

  it('a Semgrep operator we do not support, by name', () => {
    expect(problemsOf(`${VALID}    pattern-where-python: "True"\n`)[0]).toMatch(/"pattern-where-python" is a Semgrep operator that nobackdoor does not support/);
  });

  it('a pattern that is not TypeScript, at the pattern', () => {
    expect(problemsOf(VALID.replace('eval(...)', 'eval(((')) [0]).toMatch(/^rules\.yml:5:\d+: the pattern is not valid TypeScript/);
  });

  it('a regex with look-ahead or a backreference, naming the construct', () => {
    const lookahead = problemsOf(`${VALID.replace('    pattern: eval(...)\n', '')}    pattern-regex: "eval(?=\\\\()"\n`);
    expect(lookahead[0]).toMatch(/uses look-around, which RE2 syntax does not have/);
    const backreference = problemsOf(`${VALID.replace('    pattern: eval(...)\n', '')}    pattern-regex: "(a)\\\\1"\n`);
    expect(backreference[0]).toMatch(/uses a backreference/);
  });

  it('a regex error shows the regex as written, without the multi-line flag added for pattern-regex', () => {
    const [problem] = problemsOf(`${VALID.replace('    pattern: eval(...)\n', '')}    pattern-regex: "eval(x"\n`);
    expect(problem).toBe('rules.yml:5:20: regex "eval(x" is not valid RE2 syntax: error parsing regexp: missing closing ): `eval(x`');
  });

  it('two operators at the top, or none', () => {
    expect(problemsOf(`${VALID}    pattern-regex: eval\n`)[0]).toMatch(/use exactly one of pattern, patterns, pattern-either, pattern-regex/);
    expect(problemsOf(VALID.replace('    pattern: eval(...)\n', ''))[0]).toMatch(/has no pattern/);
  });

  it('a metavariable used but bound by no pattern, in a message, a condition or a focus, at its place', () => {
    const unbound = (extra: string, message = 'eval of $X') =>
      problemsOf(`rules:\n  - id: r\n    severity: high\n    message: ${message}\n    patterns:\n      - pattern: eval($X)\n${extra}`);
    expect(unbound('', 'eval of $Y')).toEqual(['rules.yml:4:14: the message uses $Y, which no pattern of this rule binds, so it would be printed as written; bind it or fix its spelling']);
    expect(unbound('      - metavariable-regex:\n          metavariable: $CODE\n          regex: x\n')[0]).toMatch(/^rules\.yml:7:9: \$CODE is not bound by any pattern of this "patterns"/);
    expect(unbound('      - metavariable-comparison:\n          comparison: $N > 2\n')[0]).toMatch(/^rules\.yml:7:9: \$N is not bound/);
    expect(unbound('      - focus-metavariable: $Z\n')[0]).toMatch(/^rules\.yml:7:9: \$Z is not bound/);
    expect(unbound('      - metavariable-regex:\n          metavariable: $X\n          regex: x\n')).toEqual([]);
  });

  it('every context the classifier tells apart is accepted; another word is an error that names the allowed ones', () => {
    for (const context of ['server', 'client', 'shared', 'unknown', 'test', '[server, unknown]']) expect(problemsOf(`${VALID}    context: ${context}\n`)).toEqual([]);
    expect(problemsOf(`${VALID}    context: backend\n`)[0]).toMatch(/^rules\.yml:6:14: .*server.*client.*shared.*unknown.*test/);
  });

  it('a YAML alias bomb fails fast', () => {
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'rules: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]', ''].join('\n');
    const started = Date.now();
    expect(problemsOf(bomb)[0]).toMatch(/invalid YAML: .*aliases are limited/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('duplicate ids across files', () => {
    const root = makeProject({ 'a.yml': VALID, 'b.yml': VALID });
    const problems = loadRulePack({ paths: [root], includeDefault: false, cwd: root }).problems;
    expect(problems).toEqual([expect.objectContaining({ file: 'b.yml', message: expect.stringContaining('duplicate rule id "good-rule" (first defined at a.yml:2)') })]);
  });

  it('a broken rule does not stop the valid ones: the scan runs them and exits 2', () => {
    const rules = makeProject({ 'rules.yml': `${VALID}  - id: broken\n    severity: high\n    message: m\n    pattern: foo((\n` });
    const code = makeProject({ 'a.js': 'eval(input);\n' });
    const run = runBinary(['scan', code, '--no-default-rules', '--rules', rules, '--format', 'json']);
    expect(run.status).toBe(2);
    const report = parseJson(run.stdout);
    expect(report.findings.map((finding) => finding.ruleId)).toEqual(['good-rule']);
    expect(report.errors).toEqual([expect.objectContaining({ kind: 'rule', ruleId: 'broken', line: 9 })]);
    expect(run.stderr).toContain('the pattern is not valid TypeScript');
  });

  it('rules validate prints every problem and exits 2; a valid file exits 0', () => {
    const root = makeProject({ 'bad.yml': 'rules:\n  - id: bad id!\n    severity: high\n    message: m\n    pattern: x\n', 'good.yml': VALID });
    const bad = runBinary(['rules', 'validate', `${root}/bad.yml`]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/bad\.yml:2:9: bad id!: rules\[0\]\.id: expected an id of letters, digits/);
    expect(bad.stdout).toContain('1 problem; 0 rules are valid');
    const good = runBinary(['rules', 'validate', `${root}/good.yml`]);
    expect(good.stdout).toContain('valid: 1 rule in 1 file');
    expect(good.status).toBe(0);
  });

  it('a missing rules path is an error, not an empty pack', () => {
    const run = runBinary(['scan', makeProject({ 'a.js': '' }), '--rules', 'no/such/rules', '--format', 'json']);
    expect(run.status).toBe(2);
    expect(parseJson(run.stdout).errors[0]).toMatchObject({ kind: 'rule', message: expect.stringContaining('cannot read the rule path') });
  });
});

describe('Semgrep rule files load unchanged', () => {
  it('maps severities, confidence and CWE, defaults the category', () => {
    const root = makeProject({
      'semgrep.yaml': `rules:
  - id: semgrep-style
    languages: [javascript, typescript]
    severity: ERROR
    message: Found $F
    metadata:
      cwe: "CWE-327: Use of a Broken or Risky Cryptographic Algorithm"
      confidence: LOW
      owasp: A02:2021
      likelihood: HIGH
    pattern: $F(...)
  - id: warning-style
    severity: WARNING
    message: w
    pattern: x
  - id: info-style
    severity: INFO
    message: i
    pattern: x
`,
    });
    const rules = loadRulePack({ paths: [root], includeDefault: false, cwd: root }).rules;
    expect(rules.map((rule) => [rule.id, rule.severity, rule.confidence, rule.category])).toEqual([
      ['semgrep-style', 'high', 'low', 'custom'],
      ['warning-style', 'medium', 'medium', 'custom'],
      ['info-style', 'low', 'medium', 'custom'],
    ]);
    expect(rules[0]!.cwe).toEqual(['CWE-327']);
    expect(rules[0]!.metadata.likelihood).toBe('HIGH');
  });
});
