import { childNodes, type Node } from '../lang/ast.js';
import { memoized } from '../lang/memo.js';
import type { Formula } from './formula.js';
import { requiredModule, wordsOf } from '../lang/names.js';
import { isMetavariableName } from './pattern.js';
import { ANY_LOOP, DEEP, ELLIPSIS, TYPED } from './pattern-source.js';

/** Can a rule match in a file with these words? False means certainly not; true means maybe. */
export type Prefilter = (words: ReadonlySet<string>) => boolean;

const ALWAYS: Prefilter = () => true;
const MARKERS = new Set([ELLIPSIS, DEEP, TYPED, ANY_LOOP, 'require']);

/**
 * The names a formula needs to find in a file before it can match, as Semgrep's prefilter does:
 * a pattern needs the member names and called or referenced names it spells (never metavariables,
 * object keys or strings, which constants from other files may supply); `pattern-either` needs one
 * alternative's names and `patterns` all of its positives' and metavariable-patterns'. The
 * evaluator applies it to every sub-formula, so an alternative whose names are missing costs
 * nothing even when a sibling's are present. A file's words include the names its
 * imports resolve to, so an alias or a project facade never hides a match.
 */
export function prefilterOf(formula: Formula): Prefilter {
  return memoized(compiled, formula, () => compilePrefilter(formula));
}

/** Formulas are immutable once compiled, so each one's prefilter is built once and reused by every file. */
const compiled = new WeakMap<Formula, Prefilter>();

function compilePrefilter(formula: Formula): Prefilter {
  switch (formula.op) {
    case 'pattern': {
      const nodes = formula.pattern.kind === 'expression' ? [formula.pattern.node] : formula.pattern.nodes;
      const words = [...new Set(nodes.flatMap(requiredNames))];
      return words.length === 0 ? ALWAYS : (present) => words.every((word) => present.has(word));
    }
    case 'regex':
      return ALWAYS;
    case 'either': {
      const alternatives = formula.alternatives.map(prefilterOf);
      return alternatives.includes(ALWAYS) ? ALWAYS : (present) => alternatives.some((alternative) => alternative(present));
    }
    case 'all': {
      // A metavariable-pattern's formula is matched in this file too, so its names are required as well.
      const patternConditions = formula.conditions.flatMap((condition) => (condition.op === 'metavariable-pattern' ? [condition.formula] : []));
      const required = [...formula.positives, ...formula.insides, ...patternConditions].map(prefilterOf);
      for (const condition of formula.conditions) if (condition.op === 'metavariable-name') required.push(moduleWords(condition.modules));
      return combineAll(required);
    }
  }
}

/** metavariable-name holds only for a name reached through one of the modules, which the file then imports or requires. */
function moduleWords(modules: readonly string[]): Prefilter {
  const alternatives = modules.map(wordsOf);
  if (alternatives.some((words) => words.length === 0)) return ALWAYS;
  return (present) => alternatives.some((words) => words.every((word) => present.has(word)));
}

function combineAll(filters: Prefilter[]): Prefilter {
  const required = filters.filter((filter) => filter !== ALWAYS);
  return required.length === 0 ? ALWAYS : (present) => required.every((filter) => filter(present));
}

function requiredNames(pattern: Node): string[] {
  const names: string[] = [];
  const stack: Node[] = [pattern];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.type) {
      case 'MemberExpression':
        if (!node.computed && node.property.type === 'Identifier') addName(names, node.property.name);
        stack.push(node.object);
        if (node.computed) stack.push(node.property);
        continue;
      case 'Property':
        // Keys may come from a constant object defined elsewhere; only the value is looked at.
        stack.push(node.value);
        continue;
      case 'Identifier':
        addName(names, node.name);
        continue;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        // Parameter and function names are bound by the code, not required of it.
        stack.push(node.body);
        continue;
      case 'VariableDeclarator':
        if (node.init) stack.push(node.init);
        continue;
      case 'Literal':
      case 'TemplateLiteral':
        continue;
      case 'CallExpression': {
        // `require('crypto-js/aes')` is reached only through its specifier, which the file spells
        // (an import, a require) or reaches through a project facade; both put its parts in the words.
        const module = requiredModule(node);
        if (module !== undefined) {
          for (const part of wordsOf(module)) addName(names, part);
          continue;
        }
        break;
      }
    }
    stack.push(...childNodes(node));
  }
  return names;
}

function addName(names: string[], name: string): void {
  if (!isMetavariableName(name) && !MARKERS.has(name) && name !== 'undefined') names.push(name);
}
