import { FUNCTION_TYPES, parentOf, type Node } from './ast.js';

const LOOP_TYPES: ReadonlySet<string> = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);

/**
 * Whether a variable still holds its initial value where it is read, although it is assigned
 * elsewhere: `let q = "SELECT "; q = q.concat(id)` reads "SELECT " on the right. The test is
 * syntactic and errs towards "no": the declaration, the read and every assignment must be in the
 * same function (a callback may run at any time), each assignment must write after the read (it
 * comes later in the text, or the read is its right-hand side), and no loop may repeat the read
 * after an assignment without also repeating the declaration.
 */
export function initialValueReaches(use: Node, declarator: Node, assignments: readonly Node[]): boolean {
  const scope = enclosingFunction(declarator);
  if (enclosingFunction(use) !== scope || use.range[0] < declarator.range[1]) return false;
  const loops = enclosingLoops(use).filter((loop) => !contains(loop, declarator));
  return assignments.every(
    (assignment) =>
      enclosingFunction(assignment) === scope &&
      writesAfter(assignment, use) &&
      !loops.some((loop) => contains(loop, assignment)),
  );
}

function writesAfter(assignment: Node, use: Node): boolean {
  if (assignment.type === 'AssignmentExpression' && contains(assignment.right, use)) return true;
  return assignment.range[0] >= use.range[1];
}

function enclosingFunction(node: Node): Node | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) if (FUNCTION_TYPES.has(current.type)) return current;
  return undefined;
}

function enclosingLoops(node: Node): Node[] {
  const loops: Node[] = [];
  for (let current = parentOf(node); current; current = parentOf(current)) if (LOOP_TYPES.has(current.type)) loops.push(current);
  return loops;
}

function contains(outer: Node, inner: Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}
