import { createHash } from 'node:crypto';
import type { ToolWarning } from '../../report/finding.js';
import type { AnalysedSample } from '../analyse-sample.js';
import type { LocatedObservation } from '../findings.js';
import { randomnessChecks, type StatisticsTarget } from '../stats/randomness-check.js';
import { observe } from '../types.js';
import { appLayoutChecks, MAX_PAIRED_SAMPLES } from './app-layout.js';
import { ecbAcrossSamples, ecbWithinSample } from './ecb.js';
import { identicalCiphertexts } from './identical.js';
import { locate } from './located.js';
import { repeatedRandomFields } from './random-fields.js';
import { structuralMargins } from './layout.js';
import { repeatingKeyXor } from './xor-obfuscation.js';

const REPETITION_CHECKS: ReadonlySet<string> = new Set(['reuse.keystream', 'reuse.constant-prefix', 'mode.cbc-fixed-iv', 'mode.ecb', 'reuse.nonce-stream', 'reuse.iv-block']);

export interface CrossSampleResult {
  located: LocatedObservation[];
  verdicts: Map<AnalysedSample, string>;
  warnings: ToolWarning[];
  testsRun: number;
}

/** Everything that looks at bytes beyond one header: reuse, modes, XOR, ECB and the statistics. */
export function runCrossSampleChecks(samples: readonly AnalysedSample[]): CrossSampleResult {
  const encrypted = samples.filter((analysed) => analysed.container.encrypted && analysed.container.body !== undefined);
  const located: LocatedObservation[] = [...identicalCiphertexts(samples), ...repeatedRandomFields(samples)];
  const warnings: ToolWarning[] = [];
  const xored = new Set<AnalysedSample>();
  const appLayout: AnalysedSample[] = [];
  for (const analysed of encrypted.filter((candidate) => candidate.container.appLayout)) {
    const xor = repeatingKeyXor(analysed.container.body!);
    if (!xor) {
      appLayout.push(analysed);
      continue;
    }
    xored.add(analysed);
    const key = `redacted, sha256 ${createHash('sha256').update(xor.key).digest('hex').slice(0, 8)}`;
    located.push(locate(observe('weak.xor-obfuscation', { LENGTH: String(xor.keyLength), KEY: key }, String(xor.keyLength)), [analysed]));
  }
  if (appLayout.length > 0) located.push(...appLayoutChecks(appLayout));
  if (appLayout.length > MAX_PAIRED_SAMPLES) {
    warnings.push({ line: 0, message: `pairwise checks (keystream reuse, fixed IVs) compared the first ${MAX_PAIRED_SAMPLES} of ${appLayout.length} samples`, kind: 'sample-cap' });
  }
  const margins = structuralMargins(appLayout.map((analysed) => analysed.container.body!));
  const bodyOf = (analysed: AnalysedSample): Uint8Array => {
    const body = analysed.container.body!;
    return analysed.container.appLayout ? body.subarray(margins.header, body.length - margins.trailer) : body;
  };
  for (const analysed of encrypted) {
    const ecb = ecbWithinSample(analysed.container.body!);
    if (ecb) located.push(...ecbObservations('Sample', ecb, [analysed]));
  }
  const across = ecbAcrossSamples(appLayout.map(bodyOf));
  if (across) located.push(...ecbObservations(`${across.samples.length} samples together`, across, across.samples.map((index) => appLayout[index]!)));
  const targets: StatisticsTarget[] = encrypted.filter((analysed) => !xored.has(analysed)).map((analysed) => ({ analysed, body: bodyOf(analysed) }));
  const repeating = new Set(located.filter(({ observation }) => REPETITION_CHECKS.has(observation.check)).flatMap(({ samples: involved }) => involved.map(({ digest }) => digest)));
  const statistics = randomnessChecks(targets, new Set(targets.map(({ analysed }) => analysed).filter((analysed) => repeating.has(analysed.digest))));
  located.push(...statistics.located);
  for (const analysed of xored) statistics.verdicts.set(analysed, 'XOR-obfuscated text (see weak.xor-obfuscation)');
  return { located, verdicts: statistics.verdicts, warnings, testsRun: statistics.testsRun };
}

function ecbObservations(where: string, evidence: { block: 8 | 16; repeats: number }, samples: readonly AnalysedSample[]): LocatedObservation[] {
  const values = { WHERE: where, REPEATS: String(evidence.repeats), BLOCK: String(evidence.block) };
  const found = [locate(observe('mode.ecb', values, `ecb-${evidence.block}-${where}`), samples)];
  if (evidence.block === 8) found.push(locate(observe('mode.64-bit-block', { EVIDENCE: '8-byte blocks repeat, 16-byte blocks do not' }, `ecb-${where}`), samples));
  return found;
}
