import type { TSESTree } from '@typescript-eslint/typescript-estree';
import type { Node } from '../lang/ast.js';
import { isMetavariableName } from './pattern.js';
import type { MatchState } from './state.js';

/** What JSX matching needs from the matcher. */
export interface JsxMatching {
  match(pattern: Node, code: Node, state: MatchState): MatchState[];
  bind(name: string, nodes: readonly Node[], state: MatchState): MatchState[];
  matchList(patterns: ReadonlyArray<Node | null>, code: ReadonlyArray<Node | null>, state: MatchState): MatchState[];
  matchSubset<P extends Node, C extends Node>(patterns: readonly P[], code: readonly C[], state: MatchState, matchItem: (pattern: P, item: C, state: MatchState) => MatchState[]): MatchState[];
}

/**
 * JSX elements as Semgrep matches them: the tag name (a metavariable binds it), attributes in any
 * order with others allowed (`...` among them changes nothing), an attribute's value whether
 * written `"x"` or `{"x"}`, and children only when the pattern has some (`...` stands for any run).
 * A self-closing pattern matches only elements without children (`<a />`, `<a></a>`): Semgrep's
 * registry tests expect `<$EL href={$X} />` to leave `<a href={x}>click</a>` alone.
 */
export function matchJsxElement(pattern: TSESTree.JSXElement, code: Node, state: MatchState, host: JsxMatching): MatchState[] {
  if (code.type !== 'JSXElement') return [];
  if (pattern.closingElement === null && code.children.length > 0) return [];
  const opening = pattern.openingElement;
  let states = matchJsxName(opening.name, code.openingElement.name, state, host);
  states = states.flatMap((next) => host.matchSubset(opening.attributes, code.openingElement.attributes, next, (attribute, candidate, current) => matchAttribute(attribute, candidate, current, host)));
  const wanted = meaningfulChildren(pattern.children);
  if (wanted.length === 0) return states;
  const present = meaningfulChildren(code.children);
  return states.flatMap((next) => host.matchList(wanted, present, next));
}

/** JSX text is compared with its spacing collapsed, as the rendered text reads. */
export function matchJsxText(pattern: TSESTree.JSXText, code: Node, state: MatchState): MatchState[] {
  return code.type === 'JSXText' && collapse(pattern.value) === collapse(code.value) ? [state] : [];
}

function matchJsxName(pattern: TSESTree.JSXTagNameExpression, code: TSESTree.JSXTagNameExpression, state: MatchState, host: JsxMatching): MatchState[] {
  if (pattern.type === 'JSXIdentifier' && isMetavariableName(pattern.name)) return host.bind(pattern.name, [code], state);
  return host.match(pattern, code, state);
}

function matchAttribute(pattern: TSESTree.JSXAttribute | TSESTree.JSXSpreadAttribute, code: TSESTree.JSXAttribute | TSESTree.JSXSpreadAttribute, state: MatchState, host: JsxMatching): MatchState[] {
  if (pattern.type !== 'JSXAttribute' || code.type !== 'JSXAttribute') return pattern.type === code.type ? host.match(pattern, code, state) : [];
  const states =
    pattern.name.type === 'JSXIdentifier' && isMetavariableName(pattern.name.name) ? host.bind(pattern.name.name, [code.name], state) : host.match(pattern.name, code.name, state);
  if (pattern.value === null || code.value === null) return pattern.value === code.value ? states : [];
  const wanted = attributeValue(pattern.value);
  const present = attributeValue(code.value);
  return states.flatMap((next) => host.match(wanted, present, next));
}

/** `href="x"` and `href={"x"}` hold the same value. */
function attributeValue(value: NonNullable<TSESTree.JSXAttribute['value']>): Node {
  return value.type === 'JSXExpressionContainer' && value.expression.type !== 'JSXEmptyExpression' ? value.expression : value;
}

function meaningfulChildren(children: readonly TSESTree.JSXChild[]): TSESTree.JSXChild[] {
  return children.filter((child) => child.type !== 'JSXText' || collapse(child.value) !== '');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
