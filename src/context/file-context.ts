import type { EvidenceSide, EvidenceTier } from './context-model.js';

/**
 * Where a file's code runs, and whether it is test code: two independent facts (a test of server
 * code is both). Rules may require either (`context:` in docs/rules.md §1; the classifier is §12).
 */
export const FILE_SIDES = ['server', 'client', 'shared', 'unknown'] as const;
export type FileSide = (typeof FILE_SIDES)[number];

/** A place code runs: the operator's machines, or the user's device. */
export type Runtime = 'server' | 'client';

/** One reason for a file's side, as data (src/context/explain.ts words it). */
export interface ContextEvidence {
  tier: EvidenceTier;
  side: EvidenceSide;
  /** What kind of fact: an import, a global, a directive, a path convention, a folder name, a dependency or marker file of the package, a file that imports this one, a file this test imports, or the config. */
  selector: 'import' | 'global' | 'directive' | 'path' | 'folder' | 'dependency' | 'package-file' | 'importer' | 'imported' | 'config';
  /** The module, global, directive, glob, folder, dependency, file (relative to the scan root) or config paths. */
  value: string;
  /** The model entry that says so. */
  entry?: string;
  /** The package.json (for dependencies and marker files), relative to the scan root. */
  where?: string;
}

export interface FileContext {
  side: FileSide;
  /** Test code is scanned but reported one severity lower (unless configured otherwise). */
  test: boolean;
  /** Which runtimes run this file's code: for `shared` files, those whose code imports it (or that it names itself). */
  runsOn: readonly Runtime[];
  /** Why the file has its side: the evidence of the strongest tier that had any. */
  evidence: readonly ContextEvidence[];
}

/** What a rule's `context:` may name. */
export const RULE_CONTEXTS = ['server', 'client', 'shared', 'unknown', 'test'] as const;
export type RuleContext = (typeof RULE_CONTEXTS)[number];

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/i;
const TEST_DIRECTORY = /(^|\/)(__tests__|tests?)\//;

/**
 * Test code by its path. `fixtures/` is deliberately not test context: fixtures are sample
 * application code, and the demo must show real severities.
 */
export function isTestPath(relativePath: string): boolean {
  return TEST_FILE.test(relativePath) || TEST_DIRECTORY.test(relativePath);
}

/** A file the classifier did not see (analysed on its own): test code by its path, side unknown. */
export function unclassifiedContext(relativePath: string): FileContext {
  return { side: 'unknown', test: isTestPath(relativePath), runsOn: [], evidence: [] };
}

/**
 * Whether a file has one of the contexts a rule asks for. `server` is server code and shared code
 * that server code runs (docs/rules.md §12: findings in shared files are reported when server
 * code imports them); `client` likewise; `shared` and `unknown` are the side itself.
 */
export function hasRuleContext(context: FileContext, wanted: readonly RuleContext[]): boolean {
  return wanted.some((name) => {
    switch (name) {
      case 'test':
        return context.test;
      case 'server':
      case 'client':
        return context.side === name || (context.side === 'shared' && context.runsOn.includes(name));
      default:
        return context.side === name;
    }
  });
}
