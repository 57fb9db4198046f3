import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';

/**
 * Renames every parameter and variable declared inside a function to v1, v2, … (shorthand
 * properties are expanded so the object keeps its keys). Top-level names stay: patterns may name them.
 */
export function renameLocals(text: string): string {
  const program = parse(text, { range: true, jsx: false });
  const names = new Map<string, string>();
  const visit = (node: TSESTree.Node, insideFunction: boolean) => {
    const inFunction = insideFunction || node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression';
    if (inFunction && node.type === 'VariableDeclarator') for (const name of boundNames(node.id)) if (!names.has(name)) names.set(name, `v${names.size + 1}`);
    if ((node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' || node.type === 'ArrowFunctionExpression') && insideFunction !== undefined) {
      for (const param of node.params) for (const name of boundNames(param.type === 'TSParameterProperty' ? param.parameter : param)) if (!names.has(name)) names.set(name, `v${names.size + 1}`);
    }
    for (const child of children(node)) visit(child, inFunction);
  };
  visit(program, false);
  // Parameter properties become fields (`this.token`): renaming them would rename a field, so they stay.
  for (const name of parameterProperties(program)) names.delete(name);
  const edits: Array<[number, number, string]> = [];
  const rewrite = (node: TSESTree.Node, parent: TSESTree.Node | undefined) => {
    if (node.type === 'Identifier' && names.has(node.name)) {
      // A parameter's range covers its type annotation (`key: KeyObject`): only the name is replaced.
      const range: [number, number] = [node.range[0], node.range[0] + node.name.length];
      const isKey = parent?.type === 'Property' && parent.key === node && !parent.computed;
      const isMember = parent?.type === 'MemberExpression' && parent.property === node && !parent.computed;
      const isPropertyDefinition = (parent?.type === 'PropertyDefinition' || parent?.type === 'MethodDefinition') && parent.key === node;
      if (parent?.type === 'Property' && parent.shorthand && parent.value === node) edits.push([...range, `${node.name}: ${names.get(node.name)}`]);
      else if (parent?.type === 'Property' && parent.shorthand && parent.value.type === 'AssignmentPattern' && parent.value.left === node) edits.push([...range, `${node.name}: ${names.get(node.name)}`]);
      else if (!isKey && !isMember && !isPropertyDefinition) edits.push([...range, names.get(node.name)!]);
    }
    for (const child of children(node)) rewrite(child, node);
  };
  rewrite(program, undefined);
  const unique = [...new Map(edits.map((edit) => [edit[0], edit])).values()].sort((a, b) => b[0] - a[0]);
  let out = text;
  for (const [start, end, replacement] of unique) out = out.slice(0, start) + replacement + out.slice(end);
  return out;
}

function boundNames(pattern: TSESTree.Node): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => boundNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element ? boundNames(element) : []));
    case 'AssignmentPattern':
      return boundNames(pattern.left);
    case 'RestElement':
      return boundNames(pattern.argument);
    default:
      return [];
  }
}

function parameterProperties(program: TSESTree.Program): string[] {
  const out: string[] = [];
  const visit = (node: TSESTree.Node) => {
    if (node.type === 'TSParameterProperty') out.push(...boundNames(node.parameter));
    for (const child of children(node)) visit(child);
  };
  visit(program);
  return out;
}

function children(node: TSESTree.Node): TSESTree.Node[] {
  const out: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent' || key === 'typeAnnotation' || key === 'returnType' || key === 'typeArguments' || key === 'typeParameters') continue;
    if (Array.isArray(value)) for (const item of value) if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') out.push(item as TSESTree.Node);
    if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { type?: unknown }).type === 'string') out.push(value as TSESTree.Node);
  }
  return out;
}
