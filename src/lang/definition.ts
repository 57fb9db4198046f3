import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPropertyName, propertyKeyName, unwrap, type Node } from './ast.js';
import type { ProjectContext } from './cross-file.js';
import type { Declaration } from './declarations.js';
import type { FileFacts } from './file-facts.js';
import { requiredModule } from './names.js';

/** Where a named value is defined: its initialiser, in the analysed file or another project file. */
interface Definition {
  /** The defining file's absolute path, when it is not the analysed file. */
  file?: string;
  node: Node;
}

/** Nested definitions followed at most this far (`const A = B; const B = '…'` is one hop). */
const MAX_HOPS = 8;

/** The initialiser a name (or a field of a constant object) stands for, followed through imports. */
export function definitionOf(node: Node, facts: FileFacts, project: ProjectContext | undefined, hops = 0): Definition | undefined {
  if (hops > MAX_HOPS) return undefined;
  const target = unwrap(node);
  if (target.type === 'Identifier') return nameDefinition(target, facts, project, hops);
  if (target.type !== 'MemberExpression') return undefined;
  const key = memberPropertyName(target) ?? (target.computed ? constantKey(target.property, facts) : undefined);
  if (key === undefined) return undefined;
  const object = definitionOf(target.object, facts, project, hops + 1);
  const objectNode = object ? unwrap(object.node) : undefined;
  if (objectNode?.type !== 'ObjectExpression') return undefined;
  const property = objectNode.properties.find((item) => item.type === 'Property' && !item.computed && propertyKeyName(item) === key);
  return property?.type === 'Property' ? { ...(object!.file ? { file: object!.file } : {}), node: property.value } : undefined;
}

function nameDefinition(identifier: TSESTree.Identifier, facts: FileFacts, project: ProjectContext | undefined, hops: number): Definition | undefined {
  if (hops > MAX_HOPS) return undefined;
  const declaration = declarationOf(identifier.name, identifier, facts);
  if (!declaration) return undefined;
  if (declaration.kind === 'variable') {
    if (!declaration.init || facts.declarations.reassigned.has(identifier.name)) return undefined;
    const required = requiredFile(declaration.init, facts, project);
    // `const { helper } = require('./helpers')`: the export of that name
    if (required && declaration.path.length === 1) return exportDefinition(required, declaration.path[0]!, project!, hops);
    if (declaration.path.length > 0) return undefined;
    return { node: declaration.init };
  }
  if (declaration.kind === 'other' && declaration.node.type === 'FunctionDeclaration') return { node: declaration.node };
  if (declaration.kind !== 'import' || !project || !facts.absolutePath) return undefined;
  const target = project.lookup.resolveModule(facts.absolutePath, declaration.module);
  return target ? exportDefinition(target, declaration.imported, project, hops) : undefined;
}

/** Where a project file's export is defined: a value, a top-level name's initialiser or function, followed through re-exports. */
function exportDefinition(file: string, exportName: string, project: ProjectContext, hops: number): Definition | undefined {
  const binding = project.lookup.exportBinding(file, exportName);
  if (!binding || binding.kind === 'namespace') return undefined;
  const other = project.factsOf?.(binding.file);
  if (!other) return undefined;
  const name = binding.kind === 'local' ? binding.name : binding.node.type === 'Identifier' ? binding.node.name : undefined;
  // `module.exports = { helper }` names a top-level declaration of that file
  if (name === undefined) return { file: binding.file, node: (binding as { node: Node }).node };
  // a name declared more than once there has no one definition (no use site settles its scope)
  if (other.declarations.declarations.get(name)?.length !== 1) return undefined;
  const definition = nameDefinition({ type: 'Identifier', name } as TSESTree.Identifier, other, project, hops + 1);
  return definition ? { file: definition.file ?? binding.file, node: definition.node } : undefined;
}

/** The project file behind `require('./x')`, if the expression is one. */
function requiredFile(node: Node, facts: FileFacts, project: ProjectContext | undefined): string | undefined {
  if (!project || !facts.absolutePath) return undefined;
  const specifier = requiredModule(unwrap(node));
  return specifier === undefined ? undefined : project.lookup.resolveModule(facts.absolutePath, specifier);
}

/** The declaration a name refers to: its only one, or, when it is declared more than once, the one in scope at the use. */
function declarationOf(name: string, use: TSESTree.Identifier | undefined, facts: FileFacts): Declaration | undefined {
  const declarations = facts.declarations.declarations.get(name);
  if (!declarations) return undefined;
  if (declarations.length === 1) return declarations[0];
  return use ? facts.bindings.declarationOf(use) : undefined;
}

function constantKey(node: Node, facts: FileFacts): string | undefined {
  const constant = facts.constants.valueOf(node);
  const value = constant?.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
