import type { ContextEvidence, FileContext } from './file-context.js';

/** Why a file has its context, in one line: `server: imports "express" (entry express)`. */
export function explainContext(context: FileContext): string {
  const test = context.test ? ' (test code)' : '';
  if (context.evidence.length === 0) return `unknown${test}: no evidence of where it runs (no server or client imports, conventions, importers, folder or package)`;
  const runs = context.side === 'shared' ? (context.runsOn.length > 0 ? ` (runs on ${context.runsOn.join(' and ')})` : ' (no scanned code imports it)') : '';
  const reasons = context.evidence.map(describeEvidence);
  return `${context.side}${runs}${test}: ${reasons.join('; ')}`;
}

function describeEvidence(evidence: ContextEvidence): string {
  const entry = evidence.entry ? ` (entry ${evidence.entry})` : '';
  switch (evidence.selector) {
    case 'config':
      return `nobackdoor.config.yaml ${evidence.value} says ${evidence.side}`;
    case 'import':
      return `imports "${evidence.value}"${entry}`;
    case 'global':
      return `uses the global ${evidence.value}${entry}`;
    case 'directive':
      return `starts with '${evidence.value}'${entry}`;
    case 'path':
      return `its path matches ${evidence.value}${entry}`;
    case 'folder':
      return `is in a folder named ${evidence.value}${entry}`;
    case 'dependency':
      return `its package ${evidence.where} depends on ${evidence.value}${entry}`;
    case 'package-file':
      return `its package ${evidence.where} has ${evidence.value}${entry}`;
    case 'importer':
      return `imported by ${evidence.value} (${evidence.side})`;
    case 'imported':
      return `tests ${evidence.value} (${evidence.side})`;
  }
}
