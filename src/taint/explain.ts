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
export function explainFile(
  ruleId: string,
  spec: TaintSpec,
  file: TaintFile,
  summaries: ReadonlyArray<[FunctionRef, Summary | undefined]>,
  options: { skipped?: string; factsOf?: (path: string) => FileFacts | undefined } = {},
): string {
  const lineIndexes = new Map<FileFacts, LineIndex>();
  const lineColumn = (facts: FileFacts, offset: number) => {
    let lines = lineIndexes.get(facts);
    if (!lines) lineIndexes.set(facts, (lines = new LineIndex(facts.text)));
    const position = lines.position(offset);
    return `${position.line}:${position.column}`;
  };
  const at = (range: readonly [number, number]) => lineColumn(file.facts, range[0]);
  // A site in another file (a callee's sink, a source read through an import) names that file.
  const elsewhere = (path: string, range: readonly [number, number]) => {
    if (path === file.path) return at(range);
    const facts = options.factsOf?.(path);
    return facts ? `${facts.path}:${lineColumn(facts, range[0])}` : `${path} (offset ${range[0]})`;
  };
  const skipped = options.skipped;
  const out = [`${ruleId} in ${file.facts.path}`];
  if (skipped) out.push(`  not analysed on its own: ${skipped}`);
  const specLines = (title: string, index: SpecIndex, entries: ReadonlyArray<{ entry?: string }>) => {
    out.push(`  ${title}:${index.matches.length === 0 ? ' none' : ''}`);
    for (const match of index.matches) {
      const entry = entries[match.spec]?.entry;
      out.push(`    ${at(match.range)} ${snippet(file.facts, match.range)}${entry ? ` (${entry})` : ''}`);
    }
  };
  specLines('sources', file.matches.sources, spec.sources);
  specLines('sinks', file.matches.sinks, spec.sinks);
  specLines('sanitizers', file.matches.sanitizers, spec.sanitizers);
  specLines('propagators', file.matches.propagators, spec.propagators);
  if (skipped) return out.join('\n') + '\n';
  out.push('  functions:');
  for (const [fn, summary] of summaries) {
    const name = fn.node.id?.name ?? 'anonymous';
    if (!summary) {
      out.push(`    ${at(fn.node.range)} ${name}: not summarised (call chain too deep or budget spent)`);
      continue;
    }
    const facts = [
      ...describeValue('returns', summary.returns, elsewhere),
      ...summary.sinks.map((effect) => `passes ${describeTaints(effect.taints, elsewhere)} to the sink at ${elsewhere(effect.sink.file, effect.sink.range)}`),
      ...[...summary.inputWrites].map(([input, value]) => `writes ${[...(value.fields?.keys() ?? [])].join(', ')} of ${input === 'this' ? 'this' : `parameter ${input + 1}`}`),
      ...summary.callbacks.map((effect) => `calls parameter ${effect.input + 1}`),
    ];
    out.push(`    ${at(fn.node.range)} ${name}: ${facts.length > 0 ? facts.join('; ') : 'nothing tainted flows through it'}`);
  }
  return out.join('\n') + '\n';
}

type SiteText = (path: string, range: readonly [number, number]) => string;

function describeValue(verb: string, value: Value, where: SiteText): string[] {
  const parts: string[] = [];
  if (!value.taint.isEmpty()) parts.push(`${verb} ${describeTaints(value.taint, where)}`);
  for (const [field, inner] of value.fields ?? []) if (!inner.taint.isEmpty()) parts.push(`${verb} .${field} = ${describeTaints(inner.taint, where)}`);
  return parts;
}

function describeTaints(taints: TaintSet, where: SiteText): string {
  return [...taints.values()].map((taint) => describeTaint(taint, where)).join(', ');
}

function describeTaint(taint: Taint, where: SiteText): string {
  const label = taint.label === '__SOURCE__' ? '' : ` [${taint.label}]`;
  if (taint.origin.kind === 'input') {
    const input = taint.origin.input === 'this' ? 'this' : `parameter ${taint.origin.input + 1}`;
    return `${input}${taint.origin.path.length > 0 ? `.${taint.origin.path.join('.')}` : ''}${label}`;
  }
  return `the source at ${where(taint.origin.file, taint.origin.range)}${label}${taint.condition ? ' (if its inputs carry the required labels)' : ''}`;
}

function snippet(facts: FileFacts, range: readonly [number, number]): string {
  const text = facts.text.slice(range[0], range[1]).replace(/\s+/g, ' ');
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}
