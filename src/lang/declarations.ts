import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { propertyKeyName, type Node } from './ast.js';

/** Where a name in a file comes from. Scopes are not modelled: a name declared twice is ambiguous. */
export type Declaration =
  | { kind: 'import'; module: string; imported: string; node: Node }
  | { kind: 'variable'; declarationKind: 'const' | 'let' | 'var' | 'using' | 'await using'; init: Node | undefined; path: string[]; node: Node }
  | { kind: 'enum'; node: TSESTree.TSEnumDeclaration }
  | { kind: 'other'; node: Node };

export const NAMESPACE_IMPORT = '*';
export const DEFAULT_IMPORT = 'default';

export interface DeclarationTable {
  declarations: Map<string, Declaration[]>;
  /** Names assigned after their declaration (`x = …`, `x++`): never constants or aliases. */
  reassigned: Set<string>;
  /** The assignments (`x = …`, `x += …`, `x++`, `for (x of …)`) of each reassigned name. */
  assignments: Map<string, Node[]>;
  /**
   * Fields written, per name: `x.k = …`, `x['k'] += …`, `delete x.k`, `x.a.b = …` (as `a`);
   * {@link ANY_FIELD} when the key is not known or the whole object may change (`x[k] = …`,
   * `Object.assign(x, …)`).
   */
  fieldWrites: Map<string, FieldWrite[]>;
}

/** A write into a variable's object: the key written, and the name as written (to resolve its scope). */
export interface FieldWrite {
  key: string;
  target: TSESTree.Identifier;
}

/** A write to a field whose key is not known, or a merge into the object. */
export const ANY_FIELD = '*';

export function collectDeclarations(nodes: readonly Node[]): DeclarationTable {
  const declarations = new Map<string, Declaration[]>();
  const assignments = new Map<string, Node[]>();
  const assign = (name: string, node: Node) => {
    const list = assignments.get(name);
    if (list) list.push(node);
    else assignments.set(name, [node]);
  };
  const fieldWrites = new Map<string, FieldWrite[]>();
  const writeField = (target: Node) => {
    const written = writtenField(target);
    if (!written) return;
    const writes = fieldWrites.get(written.target.name);
    if (writes) writes.push(written);
    else fieldWrites.set(written.target.name, [written]);
  };
  const add = (name: string, declaration: Declaration) => {
    const list = declarations.get(name);
    if (list) list.push(declaration);
    else declarations.set(name, [declaration]);
  };

  for (const node of nodes) {
    switch (node.type) {
      case 'ImportDeclaration': {
        const module = String(node.source.value);
        for (const specifier of node.specifiers) {
          const imported =
            specifier.type === 'ImportNamespaceSpecifier'
              ? NAMESPACE_IMPORT
              : specifier.type === 'ImportDefaultSpecifier'
                ? DEFAULT_IMPORT
                : specifier.imported.type === 'Identifier'
                  ? specifier.imported.name
                  : String(specifier.imported.value);
          add(specifier.local.name, { kind: 'import', module, imported, node: specifier });
        }
        break;
      }
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference' && node.moduleReference.expression.type === 'Literal') {
          add(node.id.name, { kind: 'import', module: String(node.moduleReference.expression.value), imported: NAMESPACE_IMPORT, node });
        }
        break;
      case 'VariableDeclaration':
        for (const declarator of node.declarations) {
          for (const [name, path, target] of boundNames(declarator.id, [])) {
            add(name, { kind: 'variable', declarationKind: node.kind, init: declarator.init ?? undefined, path, node: target });
          }
        }
        break;
      case 'TSEnumDeclaration':
        add(node.id.name, { kind: 'enum', node });
        break;
      case 'FunctionDeclaration':
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        if (node.type !== 'ArrowFunctionExpression' && node.id) add(node.id.name, { kind: 'other', node });
        for (const param of node.params) for (const [name, , target] of boundNames(param, [])) add(name, { kind: 'other', node: target });
        break;
      case 'ClassDeclaration':
        if (node.id) add(node.id.name, { kind: 'other', node });
        break;
      case 'CatchClause':
        if (node.param) for (const [name, , target] of boundNames(node.param, [])) add(name, { kind: 'other', node: target });
        break;
      case 'AssignmentExpression':
        for (const [name] of boundNames(node.left, [])) assign(name, node);
        writeField(node.left);
        break;
      case 'UpdateExpression':
        if (node.argument.type === 'Identifier') assign(node.argument.name, node);
        writeField(node.argument);
        break;
      case 'UnaryExpression':
        if (node.operator === 'delete') writeField(node.argument);
        break;
      case 'CallExpression':
        if (isObjectAssign(node) && node.arguments[0]?.type === 'Identifier') {
          const target = node.arguments[0];
          const writes = fieldWrites.get(target.name);
          if (writes) writes.push({ key: ANY_FIELD, target });
          else fieldWrites.set(target.name, [{ key: ANY_FIELD, target }]);
        }
        break;
      case 'ForInStatement':
      case 'ForOfStatement':
        if (node.left.type !== 'VariableDeclaration') for (const [name] of boundNames(node.left, [])) assign(name, node);
        break;
    }
  }
  return { declarations, reassigned: new Set(assignments.keys()), assignments, fieldWrites };
}

/** `Object.assign(…)`, spelled so (the global is rarely shadowed, and never by a constant). */
export function isObjectAssign(node: TSESTree.CallExpression): boolean {
  const callee = node.callee;
  return (
    callee.type === 'MemberExpression' &&
    !callee.computed &&
    callee.object.type === 'Identifier' &&
    callee.object.name === 'Object' &&
    callee.property.type === 'Identifier' &&
    callee.property.name === 'assign'
  );
}

/** The variable and top-level key a member write changes: `x.a.b = …` writes `a` of `x`. */
function writtenField(target: Node): FieldWrite | undefined {
  if (target.type !== 'MemberExpression') return undefined;
  let member: TSESTree.MemberExpression = target;
  while (member.object.type === 'MemberExpression') member = member.object;
  if (member.object.type !== 'Identifier') return undefined;
  const key = !member.computed && member.property.type === 'Identifier' ? member.property.name : member.property.type === 'Literal' ? String(member.property.value) : ANY_FIELD;
  return { key, target: member.object };
}

/** The names a binding pattern introduces, each with its property path into the bound value. */
function boundNames(target: Node, path: string[]): Array<[string, string[], Node]> {
  switch (target.type) {
    case 'Identifier':
      return [[target.name, path, target]];
    case 'ObjectPattern':
      return target.properties.flatMap((property) => {
        if (property.type === 'RestElement') return boundNames(property.argument, [...path, '…rest']);
        const key = propertyKeyName(property);
        return key === undefined ? boundNames(property.value, [...path, '…dynamic']) : boundNames(property.value, [...path, key]);
      });
    case 'ArrayPattern':
      return target.elements.flatMap((element, index) => (element ? boundNames(element, [...path, String(index)]) : []));
    case 'AssignmentPattern':
      return boundNames(target.left, path);
    case 'RestElement':
      return boundNames(target.argument, [...path, '…rest']);
    case 'TSParameterProperty':
      return boundNames(target.parameter, path);
    default:
      return [];
  }
}

