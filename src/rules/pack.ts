import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { filesUnder } from '../util/files-under.js';
import { PACKAGE_ROOT } from '../version.js';
import type { CompiledRule, RuleProblem } from './compiled-rule.js';
import { compileRuleFile } from './compile.js';
import { isProblem, readYaml } from './yaml-source.js';

/** The shipped pack; found from the installed package, so it works from any directory. */
export const DEFAULT_RULES_DIR = join(PACKAGE_ROOT, 'rules');

/** Folders of a pack that hold other data than search rules. */
const NON_RULE_FOLDERS = new Set(['models', 'inspect', 'node_modules']);
const RULE_FILE = /\.ya?ml$/i;

export interface RulePack {
  rules: CompiledRule[];
  problems: RuleProblem[];
  files: string[];
}

export interface LoadOptions {
  /** Extra rule files or folders (`--rules`). */
  paths?: readonly string[];
  includeDefault?: boolean;
  /** Paths in problems are shown relative to this folder. */
  cwd?: string;
}

export function loadRulePack(options: LoadOptions = {}): RulePack {
  const cwd = options.cwd ?? process.cwd();
  const sources: string[] = [];
  const problems: RuleProblem[] = [];
  if (options.includeDefault ?? true) sources.push(DEFAULT_RULES_DIR);
  for (const path of options.paths ?? []) sources.push(resolve(cwd, path));

  const files: string[] = [];
  for (const source of sources) {
    try {
      files.push(...ruleFilesUnder(source));
    } catch (error) {
      problems.push({ file: display(source, cwd), line: 0, column: 0, message: `cannot read the rule path: ${reason(error)}` });
    }
  }

  const rules: CompiledRule[] = [];
  const seen = new Map<string, CompiledRule>();
  for (const file of [...new Set(files)]) {
    const shown = display(file, cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file: shown, line: 0, column: 0, message: `cannot read the rule file: ${reason(error)}` });
      continue;
    }
    const yaml = readYaml(shown, text);
    if (isProblem(yaml)) {
      problems.push(yaml);
      continue;
    }
    const compiled = compileRuleFile(yaml);
    problems.push(...compiled.problems);
    for (const rule of compiled.rules) {
      const earlier = seen.get(rule.id);
      if (earlier) {
        problems.push({
          ...rule.origin,
          ruleId: rule.id,
          message: `duplicate rule id "${rule.id}" (first defined at ${earlier.origin.file}:${earlier.origin.line}); rule ids must be unique`,
        });
        continue;
      }
      seen.set(rule.id, rule);
      rules.push(rule);
    }
  }
  return { rules, problems, files };
}

/** Rule files of a file or folder, in a stable order. */
export function ruleFilesUnder(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return filesUnder(path, (name) => RULE_FILE.test(name), (name) => !NON_RULE_FOLDERS.has(name) && !name.startsWith('.'));
}

function display(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return (shown.startsWith('..') ? path : shown).split('\\').join('/');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
