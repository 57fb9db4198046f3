import { FUNCTION_TYPES, type Node } from './ast.js';

/** The statement list a node holds directly: a program, block, static block, namespace body or switch case. */
export function statementListOf(node: Node): Node[] | undefined {
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
    case 'TSModuleBlock':
      return node.body;
    case 'SwitchCase':
      return node.consequent;
    default:
      return undefined;
  }
}

/** The statement lists directly nested in a statement: if/else branches, loop and try bodies, switch cases. */
export function nestedBlocks(statement: Node): Node[][] {
  const blocks: Node[][] = [];
  const add = (node: Node | null | undefined) => {
    if (!node) return;
    if (node.type === 'BlockStatement') blocks.push(node.body);
    else if (!FUNCTION_TYPES.has(node.type) && node.type !== 'ClassDeclaration') blocks.push([node]);
  };
  switch (statement.type) {
    case 'IfStatement':
      add(statement.consequent);
      add(statement.alternate);
      break;
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'LabeledStatement':
    case 'WithStatement':
      add(statement.body);
      break;
    case 'BlockStatement':
      blocks.push(statement.body);
      break;
    case 'TryStatement':
      add(statement.block);
      add(statement.handler?.body);
      add(statement.finalizer);
      break;
    case 'SwitchStatement':
      for (const switchCase of statement.cases) blocks.push(switchCase.consequent);
      break;
  }
  return blocks;
}

/** The expressions a statement evaluates directly (not those of nested statements). */
export function statementExpressions(statement: Node): Node[] {
  switch (statement.type) {
    case 'ExpressionStatement':
      return [statement.expression];
    case 'VariableDeclaration':
      return statement.declarations.flatMap((declarator) => (declarator.init ? [declarator.init] : []));
    case 'ReturnStatement':
    case 'ThrowStatement':
      return statement.argument ? [statement.argument] : [];
    case 'IfStatement':
    case 'WhileStatement':
    case 'DoWhileStatement':
      return [statement.test];
    case 'ForStatement':
      return [statement.init, statement.test, statement.update].filter((node): node is NonNullable<typeof node> => Boolean(node));
    case 'ForInStatement':
    case 'ForOfStatement':
      return [statement.right];
    case 'SwitchStatement':
      return [statement.discriminant];
    default:
      return [];
  }
}
