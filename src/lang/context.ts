import type { FileContext } from '../report/finding.js';

const TEST_FILE = /\.(test|spec)\.[cm]?[jt]sx?$/i;
const TEST_DIRECTORY = /(^|\/)(__tests__|tests?)\//;

/**
 * Test code is scanned but reported one severity lower. `fixtures/` is deliberately not test
 * context: fixtures are sample application code, and the demo must show real severities.
 */
export function classifyContext(relativePath: string): FileContext {
  if (TEST_FILE.test(relativePath) || TEST_DIRECTORY.test(relativePath)) return 'test';
  return 'unknown';
}
