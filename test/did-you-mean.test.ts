import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../src/cli/io.js';
import { runCli } from '../src/cli/run.js';
import { loadRulePack } from '../src/rules/pack.js';
import { closestWord, didYouMean, editDistance } from '../src/text/suggest.js';
import { makeProject, REPO_ROOT } from './support/cli.js';

async function cli(argv: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    cwd: REPO_ROOT,
    env: { NO_COLOR: '1' },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    stdin: new PassThrough(),
  };
  const status = await runCli(argv, io);
  return { status, stdout, stderr };
}

describe('the closest word', () => {
  it('counts a swap of neighbours as one edit', () => {
    expect([editDistance('scna', 'scan'), editDistance('mesage', 'message'), editDistance('abc', 'abc'), editDistance('', 'ab')]).toEqual([1, 1, 0, 2]);
  });

  it('suggests only what is close enough to be a typo, ignoring case', () => {
    expect(closestWord('pattern-eiter', ['pattern', 'patterns', 'pattern-either', 'pattern-regex'])).toBe('pattern-either');
    expect(closestWord('JSN', ['text', 'json'])).toBe('json');
    expect(closestWord('xml', ['text', 'json'])).toBeUndefined();
    expect(didYouMean('frmat', ['format', 'output'])).toBe(' Did you mean "format"?');
    expect(didYouMean('yaml', ['text', 'json'])).toBe('');
  });
});

describe('"did you mean" in rule files', () => {
  const problemsOf = (yaml: string) => {
    const root = makeProject({ 'rules.yml': yaml });
    return loadRulePack({ paths: [root], includeDefault: false, cwd: root }).problems.map((problem) => `${problem.line}:${problem.column}: ${problem.message}`);
  };

  it('suggests the key allowed at that place, nested ones too', () => {
    const problems = problemsOf(`rules:
  - id: a
    severity: high
    mesage: m
    message: m
    patterns:
      - pattern: f($X)
      - pattern-not:
          pattern-eiter:
            - pattern: f(1)
      - metavariable-regex:
          metavariabel: $X
          regex: x
`);
    expect(problems).toContain('4:5: rules[0]: unknown key "mesage"; did you mean "message"?');
    expect(problems).toContain('9:11: rules[0].patterns[1].pattern-not: unknown key "pattern-eiter"; did you mean "pattern-either"?');
    expect(problems).toContain('12:11: rules[0].patterns[2].metavariable-regex: unknown key "metavariabel"; did you mean "metavariable"?');
  });

  it('keeps pointing at the docs when nothing is close, suggests values, and names a wrong value instead of calling it missing', () => {
    const problems = problemsOf('rules:\n  - id: a\n    severity: hgh\n    message: 5\n    pattern: x\n    frobnicate: yes\n');
    expect(problems).toContain('6:5: rules[0]: unknown key "frobnicate"; check its spelling in docs/rules.md');
    expect(problems).toContain('3:15: rules[0].severity: expected one of critical, high, medium, low, info, error, warning, inventory, experiment (in any case); got "hgh", did you mean "high"?');
    expect(problems).toContain('4:14: rules[0].message: expected string, got number 5');
  });
});

describe('"did you mean" and any case on the command line', () => {
  it('suggests a command, a rules action and a rule id', async () => {
    expect((await cli(['scna'])).stderr).toContain('unknown command "scna". Did you mean "scan"?');
    expect((await cli(['rules', 'lst'])).stderr).toContain('got "lst". Did you mean "list"?');
    const explain = await cli(['rules', 'explain', 'node-ecb-mod']);
    expect(explain.status).toBe(2);
    expect(explain.stderr).toContain('no rule "node-ecb-mod". Did you mean "node-ecb-mode"?');
  });

  it('suggests a flag and a flag value', async () => {
    expect((await cli(['scan', '--no-colr'])).stderr).toContain("Unknown option '--no-colr' (nobackdoor scan). Did you mean --no-color?");
    expect((await cli(['inspect', 'x', '--format', 'jsn'])).stderr).toContain('--format must be one of text, json, sarif, markdown, github; got "jsn". Did you mean "json"?');
    expect((await cli(['schema', 'rulez'])).stderr).toContain('the schema name must be one of rules, config, models; got "rulez". Did you mean "rules"?');
  });

  it('takes enum values in any case', async () => {
    const schema = await cli(['schema', 'CONFIG']);
    expect(schema.status).toBe(0);
    expect(schema.stdout).toContain('"fail-on"');
  });
});
