import { join, resolve } from 'node:path';
import { countOf, didYouMean, loadRulePack, PACKAGE_ROOT, ruleCatalog, type CompiledRule } from '../../index.js';
import { readTextIfExists, writeFileAtomic } from '../output.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_ERROR, EXIT_FINDINGS, EXIT_OK } from '../exit-code.js';
import { UsageError } from '../io.js';

const OPTIONS = {
  rules: { type: 'string', multiple: true, short: 'r' },
  'default-rules': { type: 'boolean' },
  json: { type: 'boolean' },
  write: { type: 'boolean' },
  check: { type: 'boolean' },
} as const;

export const CATALOG_FILE = join(PACKAGE_ROOT, 'docs/rule-catalog.md');
const ACTIONS = ['list', 'explain', 'validate', 'catalog'];

const USAGE = `Usage:
  nobackdoor rules list [--rules PATH] [--no-default-rules] [--json]
  nobackdoor rules explain <rule-id> [--rules PATH]
  nobackdoor rules validate <FILE|FOLDER>...
  nobackdoor rules catalog [--write | --check]

list      the rules that a scan would run
explain   a rule's message, why it matters, the safe alternative and references
validate  check rule files without scanning; every problem is printed as file:line:column
catalog   the Markdown catalogue of the shipped rules (--write updates docs/rule-catalog.md,
          --check exits 1 when it is stale)
`;

export const rulesCommand: Command = {
  name: 'rules',
  usage: USAGE,
  run(argv, io) {
    const [action, ...rest] = argv;
    const { values, positionals } = parseCommandArgs(`rules ${action ?? ''}`.trim(), rest, OPTIONS);
    const extra = (values.rules ?? []).map((path) => resolve(io.cwd, path));
    switch (action) {
      case 'list': {
        const pack = loadRulePack({ paths: extra, includeDefault: values['default-rules'] ?? true, cwd: io.cwd });
        if (values.json) {
          io.stdout.write(JSON.stringify(pack.rules.map(summary), null, 2) + '\n');
        } else {
          const rows = pack.rules.map((rule) => [rule.id, rule.category, rule.severity, rule.confidence, `${rule.origin.file}:${rule.origin.line}`]);
          io.stdout.write(table([['ID', 'CATEGORY', 'SEVERITY', 'CONFIDENCE', 'DEFINED IN'], ...rows]));
          io.stdout.write(`\n${countOf(pack.rules.length, 'rule')}\n`);
        }
        for (const problem of pack.problems) io.stderr.write(`${problem.file}:${problem.line}:${problem.column}: ${problem.message}\n`);
        return pack.problems.length > 0 ? EXIT_ERROR : EXIT_OK;
      }
      case 'explain': {
        const id = positionals[0];
        if (!id) throw new UsageError('name the rule to explain, e.g. "nobackdoor rules explain node-weak-cipher".');
        const pack = loadRulePack({ paths: extra, includeDefault: values['default-rules'] ?? true, cwd: io.cwd });
        const rule = pack.rules.find((candidate) => candidate.id === id);
        if (!rule) throw new UsageError(`no rule "${id}".${didYouMean(id, pack.rules.map((candidate) => candidate.id))} "nobackdoor rules list" shows the ids.`);
        io.stdout.write(explain(rule));
        return EXIT_OK;
      }
      case 'validate': {
        if (positionals.length === 0) throw new UsageError('name the rule files or folders to validate.');
        const pack = loadRulePack({ paths: positionals.map((path) => resolve(io.cwd, path)), includeDefault: false, cwd: io.cwd });
        for (const problem of pack.problems) io.stdout.write(`${problem.file}:${problem.line}:${problem.column}: ${problem.ruleId ? `${problem.ruleId}: ` : ''}${problem.message}\n`);
        io.stdout.write(
          pack.problems.length === 0
            ? `valid: ${countOf(pack.rules.length, 'rule')} in ${countOf(pack.files.length, 'file')}\n`
            : `\n${countOf(pack.problems.length, 'problem')}; ${countOf(pack.rules.length, 'rule')} ${pack.rules.length === 1 ? 'is' : 'are'} valid\n`,
        );
        return pack.problems.length > 0 ? EXIT_ERROR : EXIT_OK;
      }
      case 'catalog': {
        const pack = loadRulePack({ paths: extra, includeDefault: values['default-rules'] ?? true, cwd: PACKAGE_ROOT });
        const text = ruleCatalog(pack.rules);
        if (values.write) writeFileAtomic(CATALOG_FILE, text);
        else if (values.check) {
          if (readTextIfExists(CATALOG_FILE) === text) return EXIT_OK;
          io.stderr.write(`${CATALOG_FILE} is stale: run "npx nobackdoor rules catalog --write"\n`);
          return EXIT_FINDINGS;
        } else io.stdout.write(text);
        return EXIT_OK;
      }
      default:
        throw new UsageError(`expected "list", "explain", "validate" or "catalog" after "rules"${action ? `, got "${action}".${didYouMean(action, ACTIONS)}` : '.'}`);
    }
  },
};

function summary(rule: CompiledRule) {
  return { id: rule.id, category: rule.category, severity: rule.severity, confidence: rule.confidence, message: rule.message, cwe: rule.cwe, file: rule.origin.file };
}

function explain(rule: CompiledRule): string {
  const lines = [
    `${rule.id}  (${rule.category}, ${rule.severity}, confidence ${rule.confidence})`,
    '',
    rule.message,
    '',
    ...(rule.note ? [rule.note, ''] : []),
    ...(rule.fixGuidance ? [rule.fixGuidance, ''] : []),
    ...(rule.cwe.length ? [`CWE: ${rule.cwe.join(', ')}`] : []),
    ...rule.references.map((reference) => `see: ${reference}`),
    `defined in ${rule.origin.file}:${rule.origin.line}`,
  ];
  return lines.join('\n') + '\n';
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n') + '\n';
}

