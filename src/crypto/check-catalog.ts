import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CONFIDENCES, SEVERITIES, type Confidence, type Severity } from '../report/severity.js';
import { PACKAGE_ROOT } from '../version.js';
import { CHECK_IDS, type CheckId } from './check-ids.js';
import { readYaml, validateYaml } from './yaml-input.js';

/** What a check reports, kept as data in rules/inspect/*.yml so wording and severity change without code. */
export interface CheckDefinition {
  id: CheckId;
  category: 'weak-crypto' | 'key-escrow';
  severity: Severity;
  confidence: Confidence;
  message: string;
  note: string;
  cwe: string[];
  references: string[];
}

const CHECK = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+\.[a-z0-9]+(?:-[a-z0-9]+)*$/, 'an id such as "escrow.unknown-recipient"'),
  category: z.enum(['weak-crypto', 'key-escrow']),
  severity: z.enum(SEVERITIES),
  confidence: z.enum(CONFIDENCES),
  message: z.string().min(1).regex(/^[^\n]+$/, 'a one-line message'),
  note: z.string().min(1),
  cwe: z.array(z.string().regex(/^CWE-\d+$/)).min(1),
  references: z.array(z.url()).min(1),
});

const CHECK_FILE = z.strictObject({ checks: z.array(CHECK).min(1) });

export const CHECKS_FOLDER = join(PACKAGE_ROOT, 'rules', 'inspect');

export function loadCheckCatalog(folder: string = CHECKS_FOLDER): ReadonlyMap<CheckId, CheckDefinition> {
  const catalog = new Map<CheckId, CheckDefinition>();
  const known = new Set<string>(CHECK_IDS);
  for (const name of readdirSync(folder).filter((entry) => /\.ya?ml$/.test(entry)).sort()) {
    const file = join(folder, name);
    const document = validateYaml(readYaml(file, readFileSync(file, 'utf8')), CHECK_FILE);
    for (const check of document.checks) {
      if (!known.has(check.id)) throw new Error(`${file}: check "${check.id}" is not implemented by inspect (src/crypto/check-ids.ts)`);
      if (catalog.has(check.id as CheckId)) throw new Error(`${file}: check "${check.id}" is defined twice`);
      catalog.set(check.id as CheckId, { ...check, id: check.id as CheckId });
    }
  }
  const missing = CHECK_IDS.filter((id) => !catalog.has(id));
  if (missing.length > 0) throw new Error(`${folder}: no definition for the checks ${missing.join(', ')}`);
  return catalog;
}

let shippedCatalog: ReadonlyMap<CheckId, CheckDefinition> | undefined;

/** The shipped catalog, read once per process. */
export function shippedChecks(): ReadonlyMap<CheckId, CheckDefinition> {
  shippedCatalog ??= loadCheckCatalog();
  return shippedCatalog;
}
