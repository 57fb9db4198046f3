import type { ToolWarning } from '../../report/finding.js';
import type { AnalysedSample } from '../analyse-sample.js';
import { locate, plural } from '../cross/located.js';
import type { LocatedObservation } from '../findings.js';
import { observe } from '../types.js';
import type { CandidateKey } from './candidates.js';
import { confirmKeysOnAnalysed } from './confirm-keys.js';

/** `inspect --keys`: each confirmation becomes one finding on the samples the key opened. */
export function keyFindings(candidates: readonly CandidateKey[], samples: readonly AnalysedSample[]): { located: LocatedObservation[]; warnings: ToolWarning[] } {
  const result = confirmKeysOnAnalysed(candidates, samples);
  const byName = new Map(samples.map((analysed) => [analysed.sample.source.name, analysed]));
  const located = result.confirmations.map((confirmation) => {
    const values = {
      KEY: `${confirmation.candidate} (sha256 ${confirmation.fingerprint}, ${confirmation.encoding})`,
      COUNT: String(confirmation.samples.length),
      TOTAL: plural(result.samplesTried, 'sample'),
      MODE: confirmation.mode,
      LAYOUT: confirmation.layout,
    };
    const check = confirmation.authenticated ? 'key.decrypts' : 'key.decrypts-unauthenticated';
    return locate(observe(check, values, `${confirmation.candidate}|${confirmation.mode}|${confirmation.layout}`), confirmation.samples.map((name) => byName.get(name)!));
  });
  const warnings: ToolWarning[] = result.incomplete ? [{ line: 0, message: result.incomplete, kind: 'key-trials-incomplete' }] : [];
  return { located, warnings };
}
