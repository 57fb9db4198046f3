import type { ProjectContext } from '../lang/cross-file.js';
import { definitionOf } from '../lang/definition.js';
import type { FileFacts } from '../lang/file-facts.js';
import type { Evidence } from '../match/evidence.js';
import type { RangeMatch } from '../match/formula.js';

/**
 * A rule's `report-at-definition: $X` (docs/rules.md §1): matches whose `$X` names a value defined
 * once (a constant, a never-reassigned variable, a field of a constant object, or such a value
 * exported by another project file) are one finding at that definition, with every use in its
 * trace. Other matches are kept as they are.
 */
export function reportAtDefinitions(matches: readonly RangeMatch[], metavariable: string, facts: FileFacts, project: ProjectContext | undefined): RangeMatch[] {
  const kept: RangeMatch[] = [];
  const grouped = new Map<string, RangeMatch>();
  const analysed = facts.absolutePath;
  for (const match of matches) {
    const bound = match.state.bindings[metavariable]?.nodes;
    const definition = bound?.length === 1 ? definitionOf(bound[0]!, facts, project) : undefined;
    if (!definition) {
      kept.push(match);
      continue;
    }
    const file = definition.file !== undefined && definition.file !== analysed ? definition.file : undefined;
    const range = definition.node.range;
    const key = `${file ?? ''}:${range[0]}:${range[1]}`;
    const isDefinitionItself = file === undefined && match.file === undefined && match.range[0] === range[0] && match.range[1] === range[1];
    const use: Evidence[] = isDefinitionItself ? [] : [{ kind: 'use', ...(match.file ?? analysed ? { file: match.file ?? analysed } : {}), range: match.range }];
    const existing = grouped.get(key);
    if (existing) {
      grouped.set(key, { ...existing, state: { ...existing.state, evidence: [...existing.state.evidence, ...use] } });
      continue;
    }
    const evidence = [...match.state.evidence.filter((item) => item.kind !== 'constant'), ...use];
    grouped.set(key, { range, ...(file ? { file } : {}), state: { ...match.state, evidence } });
  }
  // A match that is itself a definition (the key made by a sink, `const k = createSecretKey('…')`) keeps its own bindings, with the uses of its value.
  const standalone = kept.filter((match) => {
    const key = `${match.file !== undefined && match.file !== analysed ? match.file : ''}:${match.range[0]}:${match.range[1]}`;
    const group = grouped.get(key);
    if (!group) return true;
    const uses = group.state.evidence.filter((item) => item.kind === 'use');
    grouped.set(key, { ...match, state: { ...match.state, evidence: [...match.state.evidence, ...uses] } });
    return false;
  });
  return [...standalone, ...grouped.values()];
}
