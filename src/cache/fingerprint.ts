import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RulePack } from '../rules/pack.js';
import { TOOL_VERSION } from '../version.js';

/** The settings besides the rule pack that change what the analysis of a file reports. */
export interface ResultSettings {
  testSeverity: string;
  maxFileSize: number;
  scanMinified: boolean;
  contextOverrides: unknown;
  /** A smaller budget can leave a rule's findings out. */
  matchBudget: number;
}

/**
 * What every cached result of a scan depends on besides the files: the tool's version, the text
 * of every rule and model file loaded (custom ones too), the rules that run, and the settings.
 */
export function scanFingerprint(pack: RulePack, settings: ResultSettings, cwd: string): string {
  const hash = createHash('sha256').update(`nobackdoor ${TOOL_VERSION}\0${process.version}\0`);
  // The pack names its files relative to the working directory: only their text counts, so that
  // scans from another folder share the entries.
  for (const file of [...pack.modelFiles, ...pack.files]) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch {
      text = '\0unreadable';
    }
    hash.update(`${text.length}\0${text}\0`);
  }
  hash.update(JSON.stringify(pack.rules.map((rule) => rule.id)));
  hash.update(JSON.stringify(settings));
  return hash.digest('hex');
}
