import { describe, expect, it, vi } from 'vitest';
import { findingsOf, inspectFiles } from './support.js';

// One parser that throws on one sample: the run must report it and carry on with the rest.
vi.mock('../../src/crypto/formats/age.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/crypto/formats/age.js')>();
  return {
    ...actual,
    parseAge: (bytes: Uint8Array) => {
      if (Buffer.from(bytes).includes('EXPLODE')) throw new Error('parser bug triggered');
      return actual.parseAge(bytes);
    },
  };
});

describe('one bad sample', () => {
  it('is an internal error on that sample; the others are still inspected', async () => {
    const report = await inspectFiles({ 'bad.bin': 'EXPLODE', 'good.txt': 'Dear Bob, this is not encrypted at all.' });
    expect(report.errors).toEqual([{ file: 'samples/bad.bin', line: 1, message: 'internal error while parsing this sample: parser bug triggered', kind: 'internal' }]);
    expect(findingsOf(report, 'plain.text').map((finding) => finding.file)).toEqual(['samples/good.txt']);
    expect(report.stats.samples).toBe(1);
  });

  it('an unreadable or missing sample is listed and skipped, not fatal', async () => {
    const { inspect } = await import('../../src/crypto/inspect.js');
    const report = await inspect({ samples: ['does-not-exist.bin'], cwd: import.meta.dirname });
    expect(report.errors).toEqual([{ file: 'does-not-exist.bin', message: 'no such file or folder', kind: 'unreadable' }]);
    expect(report.stats.filesSkipped).toBe(1);
  });
});
