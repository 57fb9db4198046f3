import type { FileFacts } from '../lang/file-facts.js';
import { LineIndex } from '../util/line-index.js';
import type { TaintFile } from './host.js';
import type { SpecIndex } from './spec-matches.js';
import type { TaintSpec } from './spec.js';
import type { Summary } from './summary.js';
import type { Taint, TaintSet } from './taint.js';
import type { FunctionRef, Value } from './value.js';

/**
 * "Why no finding here?" (`scan --debug-taint`): for one rule and one file, what its specs
 * matched and what each function of the file does with taint, in words a rule author can check.
 */
export function explainFile(ruleId: string, spec: TaintSpec, file: TaintFile, summaries: ReadonlyArray<[FunctionRef, Summary | undefined]>, skipped?: string): string {
  const lines = new LineIndex(file.facts.text);
  const at = (range: readonly [number, number]) => {
    const position = lines.position(range[0]);
    return `${position.line}:${position.column}`;
  };
  const out = [`${ruleId} in ${file.facts.path}`];
  if (skipped) {
    out.push(`  not analysed: ${skipped}`);
    return out.join('\n') + '\n';
  }
  const specLines = (title: string, index: SpecIndex, entries: ReadonlyArray<{ entry?: string }>) => {
    out.push(`  ${title}: ${index.matches.length === 0 ? 'none' : ''}`);
    for (const match of index.matches) {
      const entry = entries[match.spec]?.entry;
      out.push(`    ${at(match.range)} ${snippet(file.facts, match.range)}${entry ? ` (${entry})` : ''}`);
    }
  };
  specLines('sources', file.matches.sources, spec.sources);
  specLines('sinks', file.matches.sinks, spec.sinks);
  specLines('sanitizers', file.matches.sanitizers, spec.sanitizers);
  specLines('propagators', file.matches.propagators, spec.propagators);
  out.push('  functions:');
  for (const [fn, summary] of summaries) {
    const name = fn.node.id?.name ?? 'anonymous';
    if (!summary) {
      out.push(`    ${at(fn.node.range)} ${name}: not summarised (call chain too deep or budget spent)`);
      continue;
    }
    const facts = [
      ...describeValue('returns', summary.returns),
      ...summary.sinks.map((effect) => `passes ${describeTaints(effect.taints)} to the sink at ${effect.sink.file === file.path ? at(effect.sink.range) : effect.sink.file}`),
      ...[...summary.inputWrites].map(([input, value]) => `writes ${[...(value.fields?.keys() ?? [])].join(', ')} of ${input === 'this' ? 'this' : `parameter ${input + 1}`}`),
      ...summary.callbacks.map((effect) => `calls parameter ${effect.input + 1}`),
    ];
    out.push(`    ${at(fn.node.range)} ${name}: ${facts.length > 0 ? facts.join('; ') : 'nothing tainted flows through it'}`);
  }
  return out.join('\n') + '\n';
}

function describeValue(verb: string, value: Value): string[] {
  const parts: string[] = [];
  if (!value.taint.isEmpty()) parts.push(`${verb} ${describeTaints(value.taint)}`);
  for (const [field, inner] of value.fields ?? []) if (!inner.taint.isEmpty()) parts.push(`${verb} .${field} = ${describeTaints(inner.taint)}`);
  return parts;
}

function describeTaints(taints: TaintSet): string {
  return [...taints.values()].map(describeTaint).join(', ');
}

function describeTaint(taint: Taint): string {
  const label = taint.label === '__SOURCE__' ? '' : ` [${taint.label}]`;
  if (taint.origin.kind === 'input') {
    const input = taint.origin.input === 'this' ? 'this' : `parameter ${taint.origin.input + 1}`;
    return `${input}${taint.origin.path.length > 0 ? `.${taint.origin.path.join('.')}` : ''}${label}`;
  }
  return `the source at offset ${taint.origin.range[0]}${label}${taint.condition ? ' (if its inputs carry the required labels)' : ''}`;
}

function snippet(facts: FileFacts, range: readonly [number, number]): string {
  const text = facts.text.slice(range[0], range[1]).replace(/\s+/g, ' ');
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}
