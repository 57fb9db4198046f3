import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filesUnder } from '../util/files-under.js';
import { parsedPatterns, rememberPatterns, type Pattern } from '../match/pattern.js';
import { regexesCompiledSoFar, rememberValidRegexes } from '../match/safe-regex.js';
import { TOOL_VERSION } from '../version.js';
import { isProblem, readYaml, type YamlSource } from './yaml-source.js';

/**
 * The shipped pack, validated when the package is built (`npm run build`) and stored as JSON: each
 * file's data, the positions that compiling it asked for, its patterns already parsed and the regexes
 * known to compile. Loading it skips YAML parsing, schema validation, pattern parsing and regex
 * compilation (left to a regex's first use), which are most of a small scan's start-up. It is used only while the YAML it was built from is unchanged (a hash of rules/).
 */
/**
 * Beside the compiled code that wrote it (dist/shipped-pack.json), so only that code reads it: not
 * the sources run by tests, not the Action's bundle (action/index.mjs), which read the YAML.
 */
export const PRECOMPILED_PACK_FILE = fileURLToPath(new URL('../shipped-pack.json', import.meta.url));

/** Bumped whenever the artefact's layout or the meaning of its parts changes. */
const FORMAT = 1;
const YAML_FILE = /\.ya?ml$/i;

interface PrecompiledFile {
  /** Relative to the rules folder, with `/`. */
  file: string;
  data: unknown;
  /** `locate` answers, by `JSON.stringify([path, key])`: [line, column]. */
  positions: Record<string, [number, number]>;
}

interface PrecompiledPackJson {
  format: number;
  toolVersion: string;
  sourceHash: string;
  files: PrecompiledFile[];
  /** Pattern text, parsed pattern (without `loc`, which nothing reads), whether it holds a RegExp or BigInt literal. */
  patterns: Array<[string, unknown, boolean]>;
  /** Regex key (see match/safe-regex.ts) and group names. */
  regexes: Array<[string, string[]]>;
}

/** A shipped rule or model file from the artefact, by absolute path. */
export type PrecompiledDocuments = ReadonlyMap<string, (shown: string) => YamlSource>;

/** Every YAML file of the rules folder (rules, models, opt-in and inspect checks) hashed with its path. */
export function rulesSourceHash(rulesDir: string): string {
  const hash = createHash('sha256');
  for (const file of filesUnder(rulesDir, (name) => YAML_FILE.test(name), (name) => !name.startsWith('.') && name !== 'node_modules')) {
    hash.update(posixRelative(rulesDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/**
 * The artefact's documents, or undefined when it is missing, unreadable, from another version
 * of the tool, or built from other YAML than `rulesDir` now holds: then the YAML is read as for
 * any pack.
 */
export function loadPrecompiledPack(rulesDir: string, artefact: string = PRECOMPILED_PACK_FILE): PrecompiledDocuments | undefined {
  let pack: PrecompiledPackJson;
  try {
    pack = JSON.parse(readFileSync(artefact, 'utf8')) as PrecompiledPackJson;
  } catch {
    return undefined;
  }
  if (pack.format !== FORMAT || pack.toolVersion !== TOOL_VERSION || pack.sourceHash !== rulesSourceHash(rulesDir)) return undefined;
  rememberPatterns(pack.patterns.map(([source, pattern, special]) => [source, (special ? reviveLiterals(pattern) : pattern) as Pattern]));
  rememberValidRegexes(pack.regexes);
  const documents = new Map<string, (shown: string) => YamlSource>();
  for (const entry of pack.files) {
    const absolute = join(rulesDir, ...entry.file.split('/'));
    documents.set(absolute, (shown) => ({
      file: shown,
      data: entry.data,
      validated: true,
      locate: (path, key) => {
        const known = entry.positions[positionKey(path, key)];
        return known ? { line: known[0], column: known[1] } : locateInYaml(absolute, shown, path, key);
      },
    }));
  }
  return documents;
}

/**
 * Writes the artefact for the given YAML files of `rulesDir`, which `compile` (the normal loader)
 * has to accept without a problem: the build fails on a broken shipped rule.
 */
export function writePrecompiledPack(
  rulesDir: string,
  files: readonly string[],
  compile: (sources: YamlSource[]) => Array<{ file: string; line: number; column: number; message: string }>,
  artefact: string = PRECOMPILED_PACK_FILE,
): void {
  const recorded: PrecompiledFile[] = [];
  const sources: YamlSource[] = [];
  for (const file of files) {
    const shown = posixRelative(rulesDir, file);
    const yaml = readYaml(shown, readFileSync(file, 'utf8'));
    if (isProblem(yaml)) throw new Error(`${yaml.file}:${yaml.line}:${yaml.column}: ${yaml.message}`);
    const positions: Record<string, [number, number]> = {};
    recorded.push({ file: shown, data: yaml.data, positions });
    sources.push({
      ...yaml,
      locate: (path, key) => {
        const position = yaml.locate(path, key);
        positions[positionKey(path, key)] = [position.line, position.column];
        return position;
      },
    });
  }
  const problems = compile(sources);
  if (problems.length > 0) {
    throw new Error(`the shipped pack has problems:\n${problems.map((problem) => `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`).join('\n')}`);
  }
  const pack: PrecompiledPackJson = {
    format: FORMAT,
    toolVersion: TOOL_VERSION,
    sourceHash: rulesSourceHash(rulesDir),
    files: recorded,
    patterns: parsedPatterns().map(([source, pattern]) => [source, pattern, hasSpecialLiteral(pattern)]),
    regexes: regexesCompiledSoFar(),
  };
  writeFileSync(artefact, JSON.stringify(pack, storeNode));
}

function positionKey(path: ReadonlyArray<string | number>, key: string | undefined): string {
  return JSON.stringify(key === undefined ? [path] : [path, key]);
}

/** A position compiling did not ask for when the pack was built (another pack's rule refers to it): read the YAML. */
function locateInYaml(absolute: string, shown: string, path: ReadonlyArray<string | number>, key: string | undefined): { line: number; column: number } {
  const yaml = readYaml(shown, readFileSync(absolute, 'utf8'));
  return isProblem(yaml) ? { line: 0, column: 0 } : yaml.locate(path, key);
}

function posixRelative(from: string, to: string): string {
  return relative(from, to).split(sep).join('/');
}

/** ESTree literals whose `value` JSON cannot hold (a RegExp, a BigInt) keep their `regex`/`bigint` text; `loc` is left out. */
function storeNode(key: string, value: unknown): unknown {
  if (key === 'loc') return undefined;
  if (key === 'value' && (value instanceof RegExp || typeof value === 'bigint')) return null;
  return value;
}

function hasSpecialLiteral(pattern: Pattern): boolean {
  let found = false;
  JSON.stringify(pattern, (key, value: unknown) => {
    if (key === 'value' && (value instanceof RegExp || typeof value === 'bigint')) found = true;
    return typeof value === 'bigint' ? null : value;
  });
  return found;
}

/** The inverse of storeNode for a pattern's literals, as the parser builds them (`value` null for a regex invalid here). */
function reviveLiterals(tree: unknown): unknown {
  const stack: unknown[] = [tree];
  while (stack.length > 0) {
    const current = stack.pop();
    if (current === null || typeof current !== 'object') continue;
    const node = current as { type?: unknown; value?: unknown; regex?: { pattern: string; flags: string }; bigint?: string };
    if (node.type === 'Literal' && node.regex) node.value = regexOrNull(node.regex.pattern, node.regex.flags);
    else if (node.type === 'Literal' && typeof node.bigint === 'string') node.value = BigInt(node.bigint);
    stack.push(...(Object.values(current) as unknown[]));
  }
  return tree;
}

function regexOrNull(pattern: string, flags: string): RegExp | null {
  try {
    return new RegExp(pattern, flags);
  } catch {
    return null;
  }
}
