import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { filesUnder } from '../util/files-under.js';
import { PACKAGE_ROOT } from '../version.js';
import type { CompiledRule, RuleProblem } from './compiled-rule.js';
import { compileRuleFile } from './compile.js';
import { isModelFile, ModelRegistry } from './models.js';
import { loadPrecompiledPack } from './precompiled.js';
import { isProblem, readYaml, type YamlSource } from './yaml-source.js';

/** The shipped pack; found from the installed package, so it works from any directory. */
export const DEFAULT_RULES_DIR = join(PACKAGE_ROOT, 'rules');

/** Folders of a pack that hold other data than rules (library models, inspect checks) or rules loaded only on request (`--rules`): opt-in. */
const NON_RULE_FOLDERS = new Set(['models', 'inspect', 'opt-in', 'node_modules']);
/** The shipped models: loaded with every pack (even without the shipped rules), since users' rules build on them. */
export const DEFAULT_MODELS_DIR = join(DEFAULT_RULES_DIR, 'models');
const RULE_FILE = /\.ya?ml$/i;

export interface RulePack {
  rules: CompiledRule[];
  problems: RuleProblem[];
  /** The rule files read (model files are counted apart). */
  files: string[];
  modelFiles: string[];
  models: ModelRegistry;
  /** The shipped files came from the build's precompiled pack rather than their YAML. */
  precompiled: boolean;
}

export interface LoadOptions {
  /** Extra rule or model files or folders (`--rules`). */
  paths?: readonly string[];
  includeDefault?: boolean;
  /** Paths in problems are shown relative to this folder. */
  cwd?: string;
  /** Use the precompiled shipped pack when it is current (default); false reads the shipped YAML. */
  precompiled?: boolean;
}

/**
 * Loads the shipped pack (unless excluded) and the given paths: model files first, whichever
 * folder they are in (a YAML file whose top level is `models:` or `disable:`), then the rules,
 * which may refer to the models' kinds. The shipped models are always loaded.
 */
export function loadRulePack(options: LoadOptions = {}): RulePack {
  const cwd = options.cwd ?? process.cwd();
  const problems: RuleProblem[] = [];
  const sources = existsSync(DEFAULT_MODELS_DIR) ? [DEFAULT_MODELS_DIR] : [];
  if (options.includeDefault ?? true) sources.push(DEFAULT_RULES_DIR);
  for (const path of options.paths ?? []) sources.push(resolve(cwd, path));

  const files: string[] = [];
  for (const source of sources) {
    try {
      files.push(...yamlFilesUnder(source, source === DEFAULT_MODELS_DIR));
    } catch (error) {
      problems.push({ file: display(source, cwd), line: 0, column: 0, message: `cannot read the rule path: ${reason(error)}` });
    }
  }

  const precompiled = (options.precompiled ?? true) ? loadPrecompiledPack(DEFAULT_RULES_DIR) : undefined;
  const documents: YamlSource[] = [];
  for (const file of [...new Set(files)]) {
    const shown = display(file, cwd);
    const stored = precompiled?.get(file);
    if (stored) {
      documents.push(stored(shown));
      continue;
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file: shown, line: 0, column: 0, message: `cannot read the rule file: ${reason(error)}` });
      continue;
    }
    const yaml = readYaml(shown, text);
    if (isProblem(yaml)) problems.push(yaml);
    else documents.push(yaml);
  }
  const pack = compileDocuments(documents);
  return { ...pack, problems: [...problems, ...pack.problems], precompiled: documents.some((document) => document.validated) };
}

/** The shipped pack's files, as loadRulePack finds them: what the build precompiles. */
export function shippedPackFiles(): string[] {
  return [...new Set([...yamlFilesUnder(DEFAULT_MODELS_DIR, true), ...yamlFilesUnder(DEFAULT_RULES_DIR, false)])];
}

/** Compiles read rule and model files into a pack: the models first, then the rules that refer to them. */
export function compileDocuments(documents: readonly YamlSource[]): Omit<RulePack, 'precompiled'> {
  const problems: RuleProblem[] = [];
  const models = new ModelRegistry();
  for (const document of documents.filter((candidate) => isModelFile(candidate.data))) problems.push(...models.add(document));
  problems.push(...models.unknownDisables());

  const ruleDocuments = documents.filter((candidate) => !isModelFile(candidate.data));
  const rules: CompiledRule[] = [];
  const seen = new Map<string, CompiledRule>();
  for (const document of ruleDocuments) {
    const compiled = compileRuleFile(document, models);
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
  const modelFiles = documents.filter((candidate) => isModelFile(candidate.data)).map((document) => document.file);
  return { rules, problems, files: ruleDocuments.map((document) => document.file), modelFiles, models };
}

/** Rule files of a file or folder, in a stable order: not model files, not the shipped inspect checks. */
export function ruleFilesUnder(path: string): string[] {
  return yamlFilesUnder(path, false).filter((file) => !isModelFileOnDisk(file));
}

/** The model files beside a rule file (in its folder), which its tests load with it. */
export function modelFilesBeside(ruleFile: string): string[] {
  const folder = dirname(ruleFile);
  return readdirSync(folder)
    .filter((name) => RULE_FILE.test(name))
    .map((name) => join(folder, name))
    .filter((file) => file !== ruleFile && statSync(file).isFile() && isModelFileOnDisk(file))
    .sort();
}

function isModelFileOnDisk(file: string): boolean {
  try {
    const yaml = readYaml(file, readFileSync(file, 'utf8'));
    return !isProblem(yaml) && isModelFile(yaml.data);
  } catch {
    return false;
  }
}

function yamlFilesUnder(path: string, modelsFolder: boolean): string[] {
  if (statSync(path).isFile()) return [path];
  return filesUnder(path, (name) => RULE_FILE.test(name), (name) => (modelsFolder || !NON_RULE_FOLDERS.has(name)) && !name.startsWith('.'));
}

function display(path: string, cwd: string): string {
  const shown = relative(cwd, path);
  return (shown.startsWith('..') ? path : shown).split('\\').join('/');
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
