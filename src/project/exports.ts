import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPropertyName, propertyKeyName, unwrap, type Node } from '../lang/ast.js';
import type { Program } from '../lang/parse.js';

/** How a module provides one exported name. */
export type ExportFact =
  | { kind: 'value'; node: Node }
  | { kind: 'local'; name: string; at: Node }
  | { kind: 'reexport'; specifier: string; name: string; at: Node };

export interface ModuleExports {
  named: Map<string, ExportFact>;
  /** `export * from 'x'`: names not found in `named` may come from these. */
  stars: Array<{ specifier: string; at: Node }>;
}

/**
 * The exports of one module, from its tree: ESM (`export const`, `export { a as b }`,
 * `export { a } from`, `export * from`, `export * as ns from`, `export default`, `export =`)
 * and CommonJS (`module.exports = …`, `module.exports.x = …`, `exports.x = …`).
 */
export function collectExports(program: Program): ModuleExports {
  const named = new Map<string, ExportFact>();
  const stars: ModuleExports['stars'] = [];
  const set = (name: string, fact: ExportFact) => named.set(name, fact);

  for (const statement of program.body) {
    switch (statement.type) {
      case 'ExportNamedDeclaration':
        collectNamed(statement, set);
        break;
      case 'ExportAllDeclaration': {
        const specifier = String(statement.source.value);
        if (statement.exported) set(nameOf(statement.exported), { kind: 'reexport', specifier, name: '*', at: statement });
        else stars.push({ specifier, at: statement });
        break;
      }
      case 'ExportDefaultDeclaration': {
        const declaration = statement.declaration;
        if (declaration.type === 'Identifier') set('default', { kind: 'local', name: declaration.name, at: declaration });
        else if ((declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') && declaration.id) {
          set('default', { kind: 'local', name: declaration.id.name, at: declaration.id });
        } else set('default', { kind: 'value', node: declaration });
        break;
      }
      case 'TSExportAssignment':
        set('default', { kind: 'value', node: statement.expression });
        break;
      case 'ExpressionStatement':
        collectCommonJs(statement.expression, set);
        break;
    }
  }
  return { named, stars };
}

function collectNamed(statement: TSESTree.ExportNamedDeclaration, set: (name: string, fact: ExportFact) => void): void {
  const declaration = statement.declaration;
  if (declaration) {
    if (declaration.type === 'VariableDeclaration') {
      for (const declarator of declaration.declarations) {
        if (declarator.id.type === 'Identifier') set(declarator.id.name, { kind: 'local', name: declarator.id.name, at: declarator.id });
      }
    } else if ('id' in declaration && declaration.id && declaration.id.type === 'Identifier') {
      set(declaration.id.name, { kind: 'local', name: declaration.id.name, at: declaration.id });
    }
    return;
  }
  const source = statement.source ? String(statement.source.value) : undefined;
  for (const specifier of statement.specifiers) {
    const local = nameOf(specifier.local);
    const exported = nameOf(specifier.exported);
    set(exported, source ? { kind: 'reexport', specifier: source, name: local, at: specifier } : { kind: 'local', name: local, at: specifier.local });
  }
}

function collectCommonJs(expression: Node, set: (name: string, fact: ExportFact) => void): void {
  if (expression.type !== 'AssignmentExpression' || expression.operator !== '=') return;
  const target = unwrap(expression.left);
  if (target.type !== 'MemberExpression') return;
  const value = unwrap(expression.right);
  if (isModuleExports(target)) {
    set('default', { kind: 'value', node: value });
    if (value.type === 'ObjectExpression') {
      for (const property of value.properties) {
        if (property.type !== 'Property') continue;
        const key = propertyKeyName(property);
        if (key !== undefined) set(key, { kind: 'value', node: property.value });
      }
    }
    return;
  }
  const object = unwrap(target.object);
  const name = memberPropertyName(target);
  if (name === undefined) return;
  if ((object.type === 'Identifier' && object.name === 'exports') || (object.type === 'MemberExpression' && isModuleExports(object))) {
    set(name, { kind: 'value', node: value });
  }
}

function isModuleExports(node: TSESTree.MemberExpression): boolean {
  const object = unwrap(node.object);
  return object.type === 'Identifier' && object.name === 'module' && memberPropertyName(node) === 'exports';
}

function nameOf(node: TSESTree.Identifier | TSESTree.StringLiteral): string {
  return node.type === 'Identifier' ? node.name : node.value;
}
