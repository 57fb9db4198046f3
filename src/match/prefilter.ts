import { childNodes, type Node } from '../lang/ast.js';
import { requiredModule, wordsOf } from '../lang/names.js';
import { isMetavariableName, type Pattern } from './pattern.js';
import { ANY_LOOP, DEEP, ELLIPSIS, TYPED } from './pattern-source.js';

/**
 * Can a formula match in a file with these words? False means certainly not; true means maybe.
 * As Semgrep's prefilter: a pattern needs the member names and called or referenced names it
 * spells (never metavariables, object keys or strings, which constants from other files may
 * supply); `pattern-either` needs one alternative's names and `patterns` all of its positives'.
 * Every operator builds its own (see operators/), and the evaluator checks it for every
 * sub-formula, so an alternative whose names are missing costs nothing. A file's words include
 * the names its imports resolve to, so an alias or a project facade never hides a match.
 */
export type Prefilter = (words: ReadonlySet<string>) => boolean;

export const ALWAYS: Prefilter = () => true;
const MARKERS = new Set([ELLIPSIS, DEEP, TYPED, ANY_LOOP, 'require']);

export function patternPrefilter(pattern: Pattern): Prefilter {
  const nodes = pattern.kind === 'expression' ? [pattern.node] : pattern.nodes;
  const words = [...new Set(nodes.flatMap(requiredNames))];
  return words.length === 0 ? ALWAYS : (present) => words.every((word) => present.has(word));
}

/** One of the alternatives' names suffices. */
export function anyOf(filters: readonly Prefilter[]): Prefilter {
  return filters.length === 0 || filters.includes(ALWAYS) ? ALWAYS : (present) => filters.some((filter) => filter(present));
}

/** Every filter's names are needed. */
export function allOf(filters: readonly Prefilter[]): Prefilter {
  const required = filters.filter((filter) => filter !== ALWAYS);
  return required.length === 0 ? ALWAYS : (present) => required.every((filter) => filter(present));
}

/** A name reached through one of these modules: the file then imports or requires it, so spells its words. */
export function moduleWords(modules: readonly string[]): Prefilter {
  const alternatives = modules.map(wordsOf);
  if (alternatives.some((words) => words.length === 0)) return ALWAYS;
  return (present) => alternatives.some((words) => words.every((word) => present.has(word)));
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
