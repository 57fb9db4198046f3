import type { CheckId } from './check-ids.js';

/** Where a sample came from. `name` is how findings and `samples` lists refer to it. */
export interface SampleSource {
  /** Relative to the working directory, forward slashes; `<stdin>` for standard input. */
  file: string;
  line: number;
  name: string;
  endLine: number;
  endColumn: number;
}

export interface Sample {
  source: SampleSource;
  bytes: Uint8Array;
}

export type RecipientFamily = 'openpgp' | 'jwe' | 'age' | 'cms';

/** A party a container addresses its content key to. */
export interface Recipient {
  family: RecipientFamily;
  /** How the report names it, e.g. "OpenPGP key 0x3F1A…" or "age X25519 stanza". */
  label: string;
  /** Identities it can be matched by (see recipients/identity.ts); empty when the format does not name it. */
  ids: string[];
  /** Explicitly hidden: a wildcard key id or an unnamed recipient among several. */
  hidden: boolean;
}

/**
 * What a repeated value means: `stream` (GCM/CTR/ChaCha under a fixed key: keystream reuse),
 * `block` (CBC IV or a salt that fixes key and IV), `per-message-key` (a fresh content key per message).
 */
export type ReuseClass = 'stream' | 'block' | 'per-message-key';

/** A per-message random value read from a header: IV, nonce or salt. */
export interface RandomField {
  field: string;
  bytes: Uint8Array;
  reuse: ReuseClass;
  mode: string;
  /** Values only collide meaningfully under the same key context (e.g. the same JWE `kid`). */
  keyContext: string;
}

/** A check's result before it becomes a Finding: the check, its message values and what it rests on. */
export interface Observation {
  check: CheckId;
  values: Record<string, string>;
  /** Stable text identifying this observation within its sample (for the fingerprint). */
  evidence: string;
}

/** What a sample is, as far as its bytes show. */
export interface Container {
  format: string;
  details: string[];
  recipients: Recipient[];
  /** Non-public-key ways in: "password (SKESK)", "pre-shared KEK". */
  secrets: string[];
  randomFields: RandomField[];
  /** The ciphertext proper (headers, nonces and tags removed where known), for statistics. */
  body?: Uint8Array;
  /** True when the layout is the app's own (unknown format, JSON envelope): cross-sample mode checks apply. */
  appLayout: boolean;
  encrypted: boolean;
  observations: Observation[];
}

export function emptyContainer(format: string, encrypted: boolean): Container {
  return { format, details: [], recipients: [], secrets: [], randomFields: [], appLayout: false, encrypted, observations: [] };
}

export function observe(check: CheckId, values: Record<string, string>, evidence = ''): Observation {
  return { check, values, evidence };
}
