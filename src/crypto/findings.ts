import { compareFindings, type Finding } from '../report/finding.js';
import { fingerprintOf, OccurrenceCounter } from '../report/fingerprint.js';
import { renderMessage } from '../report/message.js';
import type { CheckDefinition } from './check-catalog.js';
import type { CheckId } from './check-ids.js';
import type { Observation, SampleSource } from './types.js';

/** An observation tied to the samples it is about; the first one is where the finding is reported. */
export interface LocatedObservation {
  observation: Observation;
  samples: readonly { source: SampleSource; digest: string }[];
}

const PLACEHOLDER = /\$([A-Z_][A-Z0-9_]*)/g;

/** Turns observations into contract findings: catalog text, renderMessage, fingerprints, stable order. */
export function toFindings(located: readonly LocatedObservation[], catalog: ReadonlyMap<CheckId, CheckDefinition>): Finding[] {
  const occurrences = new OccurrenceCounter();
  const findings = located.map(({ observation, samples }) => {
    const definition = catalog.get(observation.check);
    if (!definition) throw new Error(`check ${observation.check} has no definition in rules/inspect`);
    assertValuesComplete(definition, observation);
    const first = samples[0]!.source;
    const evidence = `${observation.evidence}\0${samples.map((sample) => sample.digest).join(',')}`;
    const finding: Finding = {
      ruleId: definition.id,
      category: definition.category,
      severity: definition.severity,
      confidence: definition.confidence,
      message: renderMessage(definition.message, observation.values),
      file: first.file,
      line: first.line,
      column: 1,
      endLine: first.endLine,
      endColumn: first.endColumn,
      fingerprint: fingerprintOf(definition.id, first.file, evidence, occurrences.next(`${definition.id}\0${first.file}\0${evidence}`)),
      cwe: definition.cwe,
    };
    const names = [...new Set(samples.map((sample) => sample.source.name))];
    if (names.length > 1) finding.samples = names;
    return finding;
  });
  return findings.sort(compareFindings);
}

/** A template placeholder without a value would print "$NAME" to the user: that is a bug in the check. */
function assertValuesComplete(definition: CheckDefinition, observation: Observation): void {
  for (const [, name] of definition.message.matchAll(PLACEHOLDER)) {
    if (observation.values[name!] === undefined) throw new Error(`check ${definition.id} rendered without a value for $${name}`);
  }
}
