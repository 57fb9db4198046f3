import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '../lang/ast.js';
import { memoized } from '../util/memo.js';
import { isEllipsis, templateFragmentMetavariable } from './pattern.js';
import type { Binding, MatchState } from './state.js';

/**
 * Template literals as Semgrep reads them: a sequence of text and holes. In a pattern, `...` in
 * the text stands for any text and holes, `${...}` for exactly one hole, `${e}` for one hole
 * matching e, and a text that is only `$X` for one whole text fragment of the code (bound to it).
 * Other text is matched character for character, so `` `...${$V}` `` needs the code to end with
 * a hole and `` `...${...}...` `` needs at least one hole.
 */
type PatternItem =
  | { kind: 'text'; text: string }
  | { kind: 'any' }
  | { kind: 'fragment'; name: string }
  | { kind: 'hole'; node: Node }
  | { kind: 'any-hole' };

/** Code as single characters (with the text fragment each belongs to) and holes. */
type CodeItem = { kind: 'char'; char: string; quasi: number } | { kind: 'hole'; node: Node };

/** What template matching needs from the matcher. */
export interface TemplateMatching {
  match(pattern: Node, code: Node, state: MatchState): MatchState[];
  bindValue(name: string, binding: Binding, state: MatchState): MatchState[];
  readonly text: string;
  readonly maxStates: number;
}

const compiled = new WeakMap<Node, PatternItem[]>();
const codeItemsOf = new WeakMap<Node, CodeItem[]>();

/** True when a template pattern has only literal text and holes (no `...`, `${...}` or `$X` text). */
export function isExactTemplate(pattern: TSESTree.TemplateLiteral): boolean {
  return patternItems(pattern).every((item) => item.kind === 'text' || item.kind === 'hole');
}

export function matchTemplateItems(pattern: TSESTree.TemplateLiteral, code: TSESTree.TemplateLiteral, state: MatchState, host: TemplateMatching): MatchState[] {
  const items = patternItems(pattern);
  const codeItems = memoized(codeItemsOf, code, () => toCodeItems(code));
  const results: MatchState[] = [];
  const step = (p: number, c: number, current: MatchState): void => {
    if (results.length >= host.maxStates) return;
    if (p === items.length) {
      if (c === codeItems.length) results.push(current);
      return;
    }
    const item = items[p]!;
    switch (item.kind) {
      case 'text': {
        for (let k = 0; k < item.text.length; k++) {
          const at = codeItems[c + k];
          if (at?.kind !== 'char' || at.char !== item.text[k]) return;
        }
        step(p + 1, c + item.text.length, current);
        return;
      }
      case 'any': {
        const next = items[p + 1];
        if (!next) return step(p + 1, codeItems.length, current);
        // Only the places where the next item can start: long templates stay linear per `...`.
        for (let k = c; k <= codeItems.length; k++) if (canStart(next, codeItems, k)) step(p + 1, k, current);
        return;
      }
      case 'hole':
      case 'any-hole': {
        const at = codeItems[c];
        if (at?.kind !== 'hole') return;
        const next = item.kind === 'hole' ? host.match(item.node, at.node, current) : [current];
        for (const state of next) step(p + 1, c + 1, state);
        return;
      }
      case 'fragment': {
        const at = codeItems[c];
        if (at?.kind !== 'char' || codeItems[c - 1]?.kind === 'char') return;
        let end = c;
        while (codeItems[end]?.kind === 'char') end++;
        const quasi = code.quasis[at.quasi]!;
        for (const state of host.bindValue(item.name, fragmentBinding(quasi, host.text), current)) step(p + 1, end, state);
        return;
      }
    }
  };
  step(0, 0, state);
  return results;
}

function canStart(item: PatternItem, code: readonly CodeItem[], at: number): boolean {
  const here = code[at];
  switch (item.kind) {
    case 'text':
      return here?.kind === 'char' && here.char === item.text[0];
    case 'hole':
    case 'any-hole':
      return here?.kind === 'hole';
    case 'fragment':
      return here?.kind === 'char' && code[at - 1]?.kind !== 'char';
    case 'any':
      return true;
  }
}

function patternItems(pattern: TSESTree.TemplateLiteral): PatternItem[] {
  return memoized(compiled, pattern, () => {
    const items: PatternItem[] = [];
    pattern.quasis.forEach((quasi, index) => {
      const name = templateFragmentMetavariable(quasi);
      if (name) items.push({ kind: 'fragment', name });
      else {
        const parts = (quasi.value.cooked ?? quasi.value.raw).split('...');
        parts.forEach((part, position) => {
          if (position > 0 && items.at(-1)?.kind !== 'any') items.push({ kind: 'any' });
          if (part.length > 0) items.push({ kind: 'text', text: part });
        });
      }
      const hole = pattern.expressions[index];
      if (hole) items.push(isEllipsis(hole) ? { kind: 'any-hole' } : { kind: 'hole', node: hole });
    });
    return items;
  });
}

function toCodeItems(code: TSESTree.TemplateLiteral): CodeItem[] {
  const items: CodeItem[] = [];
  code.quasis.forEach((quasi, index) => {
    for (const char of quasi.value.cooked ?? quasi.value.raw) items.push({ kind: 'char', char, quasi: index });
    const hole = code.expressions[index];
    if (hole) items.push({ kind: 'hole', node: hole });
  });
  return items;
}

/** A text fragment's binding: its source text between the backtick or `}` and the `${` or backtick. */
function fragmentBinding(quasi: TSESTree.TemplateElement, text: string): Binding {
  const range: [number, number] = [quasi.range[0] + 1, quasi.range[1] - (quasi.tail ? 1 : 2)];
  return { nodes: [quasi], range, text: text.slice(range[0], range[1]), value: quasi.value.cooked ?? quasi.value.raw };
}
