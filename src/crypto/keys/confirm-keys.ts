import { createHash } from 'node:crypto';
import { analyseSample, type AnalysedSample } from '../analyse-sample.js';
import type { CandidateKey } from './candidates.js';
import { directKeys, passphraseOf } from './derive.js';
import { trySaltedPassphrase, tryKey, type TrialSuccess } from './trials.js';

/** A candidate key shown to open samples: the evidence a hard-coded key really encrypts user data. */
export interface KeyConfirmation {
  /** Where the key came from (file:line), never the key. */
  candidate: string;
  /** First 8 hex digits of SHA-256 of the candidate as given: enough to tell keys apart, not to use one. */
  fingerprint: string;
  /** How the key bytes were obtained from the candidate (hex, base64, UTF-8, passphrase KDF). */
  encoding: string;
  mode: string;
  layout: string;
  /** True when a GCM/Poly1305 tag or an HMAC verified: proof, not a heuristic. */
  authenticated: boolean;
  samples: string[];
}

export interface KeyConfirmationResult {
  confirmations: KeyConfirmation[];
  samplesTried: number;
  /** Set when the time budget ran out before every candidate met every sample. */
  incomplete?: string;
}

export interface ConfirmKeysOptions {
  timeBudgetMs?: number;
}

const DEFAULT_BUDGET_MS = 30_000;

/**
 * Tries each candidate against each sample with the common modes and layouts (AES-GCM, ChaCha20-
 * Poly1305, AES-CBC/ECB/CTR, 3DES-CBC, Fernet, JWE dir, OpenSSL Salted__ KDFs). The scanner calls this
 * with keys it found hard-coded; `inspect --keys` with keys from a file.
 */
export function confirmKeys(candidates: readonly CandidateKey[], samples: readonly { name: string; bytes: Uint8Array }[], options: ConfirmKeysOptions = {}): KeyConfirmationResult {
  const analysed = samples.map(({ name, bytes }) => analyseSample({ source: { file: name, line: 1, name, endLine: 1, endColumn: 1 }, bytes }));
  return confirmKeysOnAnalysed(candidates, analysed, options);
}

export function confirmKeysOnAnalysed(candidates: readonly CandidateKey[], samples: readonly AnalysedSample[], options: ConfirmKeysOptions = {}): KeyConfirmationResult {
  const deadline = Date.now() + (options.timeBudgetMs ?? DEFAULT_BUDGET_MS);
  const encrypted = samples.filter((analysed) => analysed.container.encrypted);
  const found = new Map<string, KeyConfirmation>();
  let incomplete: string | undefined;
  for (const candidate of candidates) {
    if (Date.now() > deadline) {
      incomplete = `time budget reached after trying ${candidates.indexOf(candidate)} of ${candidates.length} candidate keys`;
      break;
    }
    const keys = directKeys(candidate);
    for (const analysed of encrypted) {
      const success = firstSuccess(candidate, keys, analysed);
      if (!success) continue;
      const key = `${candidate.label}\0${success.encoding}\0${success.mode}\0${success.layout}`;
      const confirmation = found.get(key) ?? { candidate: candidate.label, fingerprint: fingerprint(candidate), samples: [], ...success };
      confirmation.samples.push(analysed.sample.source.name);
      found.set(key, confirmation);
    }
  }
  return { confirmations: [...found.values()], samplesTried: encrypted.length, ...(incomplete ? { incomplete } : {}) };
}

function firstSuccess(candidate: CandidateKey, keys: ReturnType<typeof directKeys>, analysed: AnalysedSample): (TrialSuccess & { encoding: string }) | undefined {
  const salted = trySaltedPassphrase(passphraseOf(candidate), analysed);
  if (salted) return { ...salted, encoding: 'passphrase' };
  for (const key of keys) {
    const success = tryKey(key, analysed);
    if (success) return { ...success, encoding: key.how };
  }
  return undefined;
}

function fingerprint(candidate: CandidateKey): string {
  const bytes = typeof candidate.value === 'string' ? Buffer.from(candidate.value, 'utf8') : candidate.value;
  return createHash('sha256').update(bytes).digest('hex').slice(0, 8);
}
