import type { AnalysedSample } from '../analyse-sample.js';
import type { LocatedObservation } from '../findings.js';
import type { Observation } from '../types.js';

export function locate(observation: Observation, samples: readonly AnalysedSample[]): LocatedObservation {
  return { observation, samples: samples.map(({ sample, digest }) => ({ source: sample.source, digest })) };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
