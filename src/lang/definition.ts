import type { TSESTree } from '@typescript-eslint/typescript-estree';
import { memberPropertyName, propertyKeyName, unwrap, type Node } from './ast.js';
import type { ProjectContext } from './cross-file.js';
import type { Declaration } from './declarations.js';
import type { FileFacts } from './file-facts.js';

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
  const declaration = declarationOf(identifier.name, identifier, facts);
  if (!declaration) return undefined;
  if (declaration.kind === 'variable') {
    if (!declaration.init || declaration.path.length > 0 || facts.declarations.reassigned.has(identifier.name)) return undefined;
    return { node: declaration.init };
  }
  if (declaration.kind !== 'import' || !project || !facts.absolutePath) return undefined;
  const target = project.lookup.resolveModule(facts.absolutePath, declaration.module);
  const binding = target ? project.lookup.exportBinding(target, declaration.imported) : undefined;
  if (!binding || binding.kind === 'namespace') return undefined;
  const other = project.factsOf?.(binding.file);
  if (!other) return undefined;
  if (binding.kind === 'value') return { file: binding.file, node: binding.node };
  const exported = declarationOf(binding.name, undefined, other);
  if (exported?.kind === 'variable') {
    if (!exported.init || exported.path.length > 0 || other.declarations.reassigned.has(binding.name)) return undefined;
    return { file: binding.file, node: exported.init };
  }
  if (exported?.kind !== 'import') return undefined;
  const definition = nameDefinition({ type: 'Identifier', name: binding.name } as TSESTree.Identifier, other, project, hops + 1);
  return definition ? { file: definition.file ?? binding.file, node: definition.node } : undefined;
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
