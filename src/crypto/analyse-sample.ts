import { createHash } from 'node:crypto';
import { decodeSample, type DecodedSample } from './decode/decode-sample.js';
import { identifyContainer } from './formats/identify.js';
import { embeddedPrivateKeys } from './formats/private-keys.js';
import type { Container, Observation, Sample } from './types.js';

/** One sample after decoding and parsing: everything the per-sample and cross-sample checks read. */
export interface AnalysedSample {
  sample: Sample;
  decoded: DecodedSample;
  container: Container;
  /** Per-sample observations: the container's plus private keys embedded in its text. */
  observations: Observation[];
  /** SHA-256 of the decoded bytes: equal digests are identical ciphertexts. */
  digest: string;
}

const KEY_CONTAINERS = /private key|secret key/;

export function analyseSample(sample: Sample): AnalysedSample {
  const decoded = decodeSample(sample.bytes);
  const container = identifyContainer(decoded);
  const observations = [...container.observations];
  if (!KEY_CONTAINERS.test(container.format)) observations.push(...embeddedPrivateKeys(decoded.textLayers));
  const digest = createHash('sha256').update(decoded.bytes).digest('hex');
  return { sample, decoded, container, observations, digest };
}
