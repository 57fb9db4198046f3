import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputFileError } from '../input-file-error.js';
import { describePath, readYaml, validateYaml, type YamlInput } from '../yaml-input.js';
import { classifyJwk, classifyString, JWK_ITEM, PRIVATE_JWK_MEMBERS, type AuthorizedEntry } from './authorized-entry.js';

/** The `--authorized FILE` contract: who may read the samples, optionally per group of samples. */
export interface AuthorizedPolicy {
  file: string;
  recipients: AuthorizedEntry[];
  groups: { name: string; recipients: AuthorizedEntry[]; samples: string[] }[];
}

const RECIPIENT_LIST = z.array(z.unknown());
const FILE_SCHEMA = z.strictObject({
  recipients: RECIPIENT_LIST.optional(),
  groups: z.record(z.string(), z.strictObject({ recipients: RECIPIENT_LIST, samples: z.array(z.string().min(1)).min(1) })).optional(),
});

/** Reads and validates the file; every problem is an InputFileError naming file, line, column and what was expected. */
export function readAuthorizedPolicy(path: string, displayName: string): AuthorizedPolicy {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputFileError(displayName, 0, 0, `cannot read the authorized-recipients file: ${(error as Error).message}`);
  }
  const input = readYaml(displayName, text);
  const document = validateYaml(input, FILE_SCHEMA);
  if (!document.recipients && !document.groups) {
    const where = input.positionOf([]);
    throw new InputFileError(displayName, where.line, where.column, 'expected a "recipients:" list or "groups:" (see docs/inspect.md)');
  }
  return {
    file: displayName,
    recipients: (document.recipients ?? []).map((item, index) => readItem(input, item, ['recipients', index])),
    groups: Object.entries(document.groups ?? {}).map(([name, group]) => ({
      name,
      samples: group.samples,
      recipients: group.recipients.map((item, index) => readItem(input, item, ['groups', name, 'recipients', index])),
    })),
  };
}

function readItem(input: YamlInput, item: unknown, path: (string | number)[]): AuthorizedEntry {
  const classified = classifyItem(item);
  const where = input.positionOf(path);
  if ('problem' in classified) throw new InputFileError(input.file, where.line, where.column, `${describePath(path)}: ${classified.problem}`);
  return { ...classified, line: where.line };
}

/** A string is classified by its shape; an object must be a public JWK, bare or as {jwk, name?}. */
function classifyItem(item: unknown): ReturnType<typeof classifyString> {
  if (typeof item === 'string') return classifyString(item);
  if (item === null || typeof item !== 'object' || Array.isArray(item)) {
    return { problem: 'expected a string (armoured key, fingerprint, key id, kid, age or SSH recipient, PEM certificate) or a public JWK' };
  }
  const record = item as Record<string, unknown>;
  const wrapped = typeof record.kty === 'string' ? { jwk: record } : record;
  const privateMember = PRIVATE_JWK_MEMBERS.find((member) => member in objectOf(wrapped.jwk));
  if (privateMember) return { problem: `expected a public JWK; "${privateMember}" is private key material and must not be in this file` };
  const parsed = JWK_ITEM.safeParse(wrapped);
  if (parsed.success) return classifyJwk(parsed.data);
  const issue = parsed.error.issues[0]!;
  const detail = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : issue.message;
  return { problem: `expected a public JWK ({kty, crv/x/y or n/e, kid?}) or {jwk: …, name?}: ${describePath(issue.path)} ${detail}` };
}

function objectOf(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}
