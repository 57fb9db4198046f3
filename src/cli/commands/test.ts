import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { countOf, DEFAULT_RULES_DIR, didYouMean, lintPack, ruleIdsUnder, rulesOf, RuleTestPathError, runRuleTests, type Mismatch, type RuleTestReport } from '../../index.js';
import { parseCommandArgs } from '../args.js';
import { wantsColor } from '../color.js';
import type { Command } from '../command.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit-code.js';
import { UsageError } from '../io.js';

const OPTIONS = {
  rule: { type: 'string' },
  lint: { type: 'boolean' },
  json: { type: 'boolean' },
  color: { type: 'boolean' },
} as const;

const USAGE = `Usage: nobackdoor test [PATH...] [--rule ID] [--lint] [--json]

Runs each rule file (x.yml or x.yaml) under PATH (default: the shipped pack) against its
annotated test file beside it (x.ts, x.tsx, x.js, … or a folder x/), as "semgrep --test" does:
  // ruleid: <id>      the next line must be flagged
  // ok: <id>          the next line must not be flagged
  // todoruleid: <id>  a known miss        // todook: <id>  a known false alarm

PATH may be a folder, a rule file, or one test file (rules/weak-crypto/node-ecb-mode.ts runs
constant-iv.yml against that file alone).

  --rule ID  run only this rule (from whichever rule file under PATH defines it)
  --lint     also check what shipped rules must carry (category, CWE, references, note, tests)
  --json     print the results as JSON

Exit codes: 0 all pass; 1 a test failed; 2 a rule file is invalid, or no such rule or rule file.
`;

export const testCommand: Command = {
  name: 'test',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = parseCommandArgs('test', argv, OPTIONS);
    const paths = positionals.length > 0 ? positionals.map((path) => resolve(io.cwd, path)) : [DEFAULT_RULES_DIR];
    const selection = values.rule !== undefined ? { ruleId: values.rule } : {};
    let reports: RuleTestReport[];
    let rulePaths: string[];
    try {
      rulePaths = paths.map(rulesOf);
      reports = paths.map((path) => runRuleTests(path, io.cwd, selection));
    } catch (error) {
      if (error instanceof RuleTestPathError) throw new UsageError(error.message);
      throw error;
    }
    const merged: RuleTestReport = {
      results: reports.flatMap((report) => report.results),
      passed: reports.reduce((sum, report) => sum + report.passed, 0),
      failed: reports.reduce((sum, report) => sum + report.failed, 0),
    };
    if (values.rule !== undefined && merged.results.length === 0) throw new UsageError(unknownRule(values.rule, paths, positionals, io.cwd));

    const onlyRules = values.rule !== undefined ? new Set([values.rule]) : undefined;
    const lint = values.lint
      ? rulePaths.flatMap((rulePath, index) => lintPack(rulePath, reports[index]!, io.cwd, { ...(onlyRules ? { onlyRules } : {}), someTestFiles: rulePath !== paths[index] }))
      : [];
    if (values.json) {
      io.stdout.write(JSON.stringify({ ...merged, results: merged.results.map(({ annotations: _a, ...rest }) => rest), lint }, null, 2) + '\n');
    } else {
      const paint = new Chalk({ level: wantsColor(io, values.color) ? 1 : 0 });
      for (const result of merged.results) {
        const ok = result.mismatches.length === 0 && result.problems.length === 0;
        if (ok) {
          io.stdout.write(`${paint.green('✓')} ${result.ruleFile} (${countOf(result.ruleIds.length, 'rule')}${result.todos ? `, ${countOf(result.todos, 'todo')}` : ''})\n`);
          continue;
        }
        io.stdout.write(`${paint.red('✗')} ${result.ruleFile}\n`);
        for (const problem of result.problems) io.stdout.write(`    ${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
        for (const mismatch of result.mismatches) io.stdout.write(`    ${describeMismatch(mismatch)}\n`);
      }
      for (const problem of lint) io.stdout.write(`${paint.red('lint')} ${problem.file}:${problem.line}: ${problem.ruleId ?? ''} ${problem.message}\n`);
      io.stdout.write(`\nrule files: ${merged.passed} passed, ${merged.failed} failed${values.lint ? `; lint: ${countOf(lint.length, 'problem')}` : ''}\n`);
    }
    const invalid = merged.results.some((result) => result.problems.some((problem) => !problem.message.startsWith('no test file')));
    if (invalid) return EXIT_ERROR;
    return merged.failed > 0 || lint.length > 0 ? EXIT_FINDINGS : EXIT_OK;
  },
};

/** `file:line:column: rule: what is wrong: "the finding's message"`, so a surprise can be read without rerunning a scan. */
function describeMismatch(mismatch: Mismatch): string {
  const where = `${mismatch.file}:${mismatch.line}${mismatch.column !== undefined ? `:${mismatch.column}` : ''}`;
  const message = mismatch.message !== undefined ? `: "${mismatch.message}"` : '';
  return `${where}: ${mismatch.ruleId}: ${mismatch.detail}${message}`;
}

function unknownRule(ruleId: string, paths: readonly string[], given: readonly string[], cwd: string): string {
  const known = paths.map((path) => ruleIdsUnder(path, cwd));
  const broken = known.reduce((sum, entry) => sum + entry.brokenFiles, 0);
  const brokenNote = broken > 0 ? ` ${countOf(broken, 'rule file')} could not be loaded; "nobackdoor rules validate" shows why.` : '';
  const where = given.length > 0 ? `under ${given.map((path) => `"${path}"`).join(', ')}` : 'in the shipped pack';
  return `no rule "${ruleId}" ${where}.${didYouMean(ruleId, known.flatMap((entry) => entry.ids))}${brokenNote} "nobackdoor rules list" shows the ids.`;
}
