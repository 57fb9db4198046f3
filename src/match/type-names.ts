import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { isValuePosition, parentOf, type Node } from '../lang/ast.js';
import type { FileFacts } from '../lang/file-facts.js';

const PRIMITIVE_KEYWORDS: Readonly<Record<string, string>> = {
  TSStringKeyword: 'string',
  TSNumberKeyword: 'number',
  TSBooleanKeyword: 'boolean',
  TSBigIntKeyword: 'bigint',
  TSSymbolKeyword: 'symbol',
  TSVoidKeyword: 'void',
  TSNullKeyword: 'null',
  TSUndefinedKeyword: 'undefined',
};

/**
 * Whether the expression's TypeScript type is `type` (its name, alias, union member, base type, or
 * module-qualified name). `Promise<CryptoKey>` also accepts the bare `Promise`: generic arguments
 * narrow a name, they never hide it. Syntax answers first (an annotation on the declaration,
 * `new X(…)`); the project's type slice (the compiler) only when syntax cannot tell. Unknown
 * types never match.
 */
export function hasTypeNamed(facts: FileFacts, node: Node, type: string): boolean {
  const wanted = type.replace(/^node:/, '');
  const bare = wanted.replace(/<.*>$/, '');
  const written = writtenTypeNames(facts, node);
  if (written) {
    if (written.names.includes(wanted) || written.names.includes(bare)) return true;
    if (written.definite) return false;
  }
  if (!facts.types || !facts.absolutePath) return false;
  const names = facts.types.typeNamesAt(facts.absolutePath, node.range);
  return names !== undefined && (names.includes(wanted) || names.includes(bare));
}

/** Every variable, parameter or field read whose written type is one of `types` (annotations and constructors only). */
export function namesOfWrittenType(facts: FileFacts, types: readonly string[]): Node[] {
  const out: Node[] = [];
  for (const kind of ['Identifier', 'MemberExpression', 'NewExpression']) {
    for (const node of facts.nodesByType.get(kind) ?? []) {
      if (kind !== 'NewExpression' && !isValuePosition(node)) continue;
      const written = writtenTypeNames(facts, node);
      if (written && types.some((type) => written.names.includes(type))) out.push(node);
    }
  }
  return out;
}

/**
 * The type names the code itself writes for an expression: the annotation of the variable,
 * parameter or field it reads, or the class it constructs. `definite` when those names are all
 * primitive keywords, so the compiler cannot add another.
 */
function writtenTypeNames(facts: FileFacts, node: Node): { names: string[]; definite: boolean } | undefined {
  if (node.type === 'NewExpression' && node.callee.type === 'Identifier') return { names: [node.callee.name], definite: false };
  const annotation = annotationOf(facts, node);
  if (!annotation) return undefined;
  const names = typeNodeNames(annotation);
  if (names.length === 0) return undefined;
  return { names, definite: names.every((name) => Object.values(PRIMITIVE_KEYWORDS).includes(name)) };
}

function annotationOf(facts: FileFacts, node: Node): TSESTree.TypeNode | undefined {
  if (node.type === 'Identifier') {
    const declarations = facts.declarations.declarations.get(node.name);
    const declaration = declarations?.length === 1 ? declarations[0]!.node : declarations ? (parameterNamed(node, node.name) ?? facts.bindings.declarationOf(node)?.node) : undefined;
    return (declaration as { typeAnnotation?: TSESTree.TSTypeAnnotation } | undefined)?.typeAnnotation?.typeAnnotation;
  }
  if (node.type === 'MemberExpression' && node.object.type === 'ThisExpression' && !node.computed && node.property.type === 'Identifier') {
    return fieldAnnotation(node, node.property.name);
  }
  return undefined;
}

/** The parameter of the nearest enclosing function that declares `name`. */
function parameterNamed(node: Node, name: string): Node | undefined {
  for (let current = parentOf(node); current; current = parentOf(current)) {
    if (current.type !== 'FunctionDeclaration' && current.type !== 'FunctionExpression' && current.type !== 'ArrowFunctionExpression') continue;
    for (const param of current.params) {
      const target = param.type === 'TSParameterProperty' ? param.parameter : param;
      const identifier = target.type === 'AssignmentPattern' ? target.left : target;
      if (identifier.type === 'Identifier' && identifier.name === name) return identifier;
    }
  }
  return undefined;
}

/** `this.key`: the annotation of the class field or constructor parameter property `key`. */
function fieldAnnotation(node: Node, name: string): TSESTree.TypeNode | undefined {
  let current = parentOf(node);
  while (current && current.type !== 'ClassBody') current = parentOf(current);
  if (!current) return undefined;
  for (const member of current.body) {
    if (member.type === 'PropertyDefinition' && member.key.type === 'Identifier' && member.key.name === name) return member.typeAnnotation?.typeAnnotation;
    if (member.type === 'MethodDefinition' && member.kind === 'constructor') {
      for (const param of member.value.params) {
        if (param.type !== 'TSParameterProperty') continue;
        const target = param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter;
        if (target.type === 'Identifier' && target.name === name) return target.typeAnnotation?.typeAnnotation;
      }
    }
  }
  return undefined;
}

function typeNodeNames(type: TSESTree.TypeNode): string[] {
  const keyword = PRIMITIVE_KEYWORDS[type.type];
  if (keyword) return [keyword];
  switch (type.type) {
    case 'TSTypeReference': {
      const name = entityName(type.typeName);
      const inner = type.typeArguments?.params.flatMap(typeNodeNames) ?? [];
      return [name, name.split('.').at(-1)!, ...(name === 'Promise' ? inner : [])];
    }
    case 'TSUnionType':
      return type.types.flatMap(typeNodeNames);
    default:
      return [];
  }
}

function entityName(name: TSESTree.EntityName): string {
  if (name.type === 'Identifier') return name.name;
  if (name.type === 'ThisExpression') return 'this';
  return `${entityName(name.left)}.${name.right.name}`;
}
