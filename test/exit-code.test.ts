import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../src/cli/exit-code.js';
import type { ErrorKind, Report } from '../src/report/finding.js';

function reportWith(kind: ErrorKind): Report {
  return {
    version: 1,
    tool: { name: 'nobackdoor', version: 'test' },
    findings: [],
    errors: [{ file: 'a.js', message: 'm', kind }],
    warnings: [],
    stats: { files: 0, filesSkipped: 1, rules: 1, suppressed: 0, baselined: 0, durationMs: 0 },
  };
}

describe('exit codes for files that were not analysed', () => {
  it.each(['parse', 'size', 'minified', 'binary', 'unreadable', 'symlink'] as const)('a %s skip exits 0, and 2 with --strict', (kind) => {
    expect(exitCodeFor(reportWith(kind), 'low', false)).toBe(0);
    expect(exitCodeFor(reportWith(kind), 'low', true)).toBe(2);
  });

  it.each(['rule', 'config', 'internal'] as const)('a %s error always exits 2', (kind) => {
    expect(exitCodeFor(reportWith(kind), 'low', false)).toBe(2);
  });
});
