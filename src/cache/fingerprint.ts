import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RulePack } from '../rules/pack.js';
import { TOOL_VERSION } from '../version.js';

/** The settings besides the rule pack that change what the analysis of a file reports. */
export interface ResultSettings {
  testSeverity: string;
  maxFileSize: number;
  scanMinified: boolean;
  contextOverrides: unknown;
}

/**
 * What every cached result of a scan depends on besides the files: the tool's version, the text
 * of every rule and model file loaded (custom ones too), the rules that run, and the settings.
 */
export function scanFingerprint(pack: RulePack, settings: ResultSettings): string {
  const hash = createHash('sha256').update(`nobackdoor ${TOOL_VERSION}\0${process.version}\0`);
  for (const file of [...pack.modelFiles, ...pack.files]) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      text = '\0unreadable';
    }
    hash.update(`${file}\0${text.length}\0${text}\0`);
  }
  hash.update(JSON.stringify(pack.rules.map((rule) => rule.id)));
  hash.update(JSON.stringify(settings));
  return hash.digest('hex');
}
