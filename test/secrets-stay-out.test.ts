import { describe, expect, it } from 'vitest';
import { FORMATTERS, FORMAT_NAMES } from '../src/report/formatters/index.js';
import { scan } from '../src/scan/scan.js';
import { REPO_ROOT } from './support/cli.js';

// The AES key that fixtures/demo-app hard-codes in server/src/legacy/message-cache.ts.
const PLANTED_KEY_HEX = '43abc1f9fafa89f1d4d09e5aedc2cc4ca92bc7068472c24836aeef6a23c5315c';

describe('key values never reach a report', () => {
  it('no formatter prints the key that rules found and that opens the samples', async () => {
    const report = await scan({ paths: ['fixtures/demo-app'], cwd: REPO_ROOT, samples: 'fixtures/ciphertexts/samples/app' });
    // The key was found and tried: it opened the samples, so the side table held its value.
    expect(report.findings.filter((finding) => finding.ruleId === 'key.decrypts').map((finding) => finding.line)).toEqual([10, 16]);
    const forms = [PLANTED_KEY_HEX, Buffer.from(PLANTED_KEY_HEX, 'hex').toString('base64'), Buffer.from(PLANTED_KEY_HEX, 'hex').toString('latin1')];
    for (const format of FORMAT_NAMES) {
      for (const color of [false, true]) {
        const output = FORMATTERS[format](report, { color });
        for (const form of forms) expect(output.includes(form), `${format} output contains the key`).toBe(false);
      }
    }
    expect(JSON.stringify(report)).not.toContain(PLANTED_KEY_HEX);
  });
});
