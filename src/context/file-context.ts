/**
 * Where a file's code runs, and whether it is test code: two independent facts (a test of server
 * code is both). Rules may require either (`context:` in docs/rules.md §1).
 */
export const FILE_SIDES = ['server', 'client', 'shared', 'unknown'] as const;
export type FileSide = (typeof FILE_SIDES)[number];

export interface FileContext {
  side: FileSide;
  /** Test code is scanned but reported one severity lower (unless configured otherwise). */
  test: boolean;
}

/** What a rule's `context:` may name. */
export const RULE_CONTEXTS = ['server', 'client', 'shared', 'test'] as const;
export type RuleContext = (typeof RULE_CONTEXTS)[number];

/** The rule contexts the classifier can tell today; a rule asking for another could never run, which is an error. */
export const CLASSIFIED_RULE_CONTEXTS: ReadonlySet<RuleContext> = new Set(['test']);

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/i;
const TEST_DIRECTORY = /(^|\/)(__tests__|tests?)\//;

/**
 * Test code by its path. `fixtures/` is deliberately not test context: fixtures are sample
 * application code, and the demo must show real severities.
 */
export function classifyContext(relativePath: string): FileContext {
  return { side: 'unknown', test: TEST_FILE.test(relativePath) || TEST_DIRECTORY.test(relativePath) };
}

/** Whether a file has one of the contexts a rule asks for. */
export function hasRuleContext(context: FileContext, wanted: readonly RuleContext[]): boolean {
  return wanted.some((name) => (name === 'test' ? context.test : context.side === name));
}
