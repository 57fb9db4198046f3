import type { Node } from '../lang/ast.js';
import type { FileFacts } from '../lang/file-facts.js';

/**
 * Whether the expression's TypeScript type is `type` (its name, alias, union member, base type, or
 * module-qualified name, as the project's type slice answers). `Promise<CryptoKey>` also accepts
 * the bare `Promise`: generic arguments narrow a name, they never hide it. Unknown types never match.
 */
export function hasTypeNamed(facts: FileFacts, node: Node, type: string): boolean {
  if (!facts.types || !facts.absolutePath) return false;
  const names = facts.types.typeNamesAt(facts.absolutePath, node.range);
  if (names === undefined) return false;
  const wanted = type.replace(/^node:/, '');
  return names.includes(wanted) || names.includes(wanted.replace(/<.*>$/, ''));
}
