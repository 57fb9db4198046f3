import { describe, expect, it } from 'vitest';
import { formatGithub, formatMarkdown, MARKDOWN_LIMIT_BYTES, sarifLog, scan, type Finding, type Report } from '../../src/index.js';
import { REPO_ROOT, runBinary } from '../support/cli.js';
import { expectValidSarif } from '../support/sarif.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'node-ecb-mode', category: 'weak-crypto', severity: 'high', confidence: 'high', message: 'aes-128-ecb uses ECB mode [legacy]',
    file: 'src/a b.ts', line: 3, column: 5, endLine: 3, endColumn: 40, fingerprint: 'a'.repeat(32), cwe: ['CWE-327'], ...overrides,
  };
}

function report(findings: Finding[], extra: Partial<Report> = {}): Report {
  return {
    version: 1, tool: { name: 'nobackdoor', version: '0.1.0' }, findings, errors: [], warnings: [],
    stats: { files: 1, filesSkipped: 0, rules: 1, suppressed: 0, baselined: 0, durationMs: 1 }, ...extra,
  };
}

describe('SARIF 2.1.0', () => {
  it('describes every rule that ran and every finding of the demo app, valid against the schema and GitHub limits', async () => {
    const result = await scan({ paths: ['fixtures/demo-app'], cwd: REPO_ROOT });
    const log = sarifLog(result) as any;
    expectValidSarif(log);
    const run = log.runs[0];
    expect(run.tool.driver.rules.length).toBe(result.stats.rules);
    expect(run.results.length).toBe(result.findings.length);
    expect(run.automationDetails.id).toBe('nobackdoor/');
    const rule = run.tool.driver.rules.find((candidate: any) => candidate.id === 'node-ecb-mode');
    expect(rule.properties).toMatchObject({ precision: 'high', 'security-severity': '8.0' });
    expect(rule.properties.tags).toEqual(['security', 'weak-crypto', 'external/cwe/cwe-327']);
    expect(rule.helpUri).toMatch(/^https:\/\//);
    expect(rule.help.markdown).toContain('```');
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  it('turns data-flow traces into codeFlows, constants into related locations, tool problems into notifications', () => {
    const flow = finding({
      flowFingerprint: 'f'.repeat(32),
      trace: [
        { file: 'src/keys.ts', line: 2, column: 7, endLine: 2, endColumn: 30, kind: 'source', note: 'exportKey(…) returns key material' },
        { file: 'src/a b.ts', line: 3, column: 5, endLine: 3, endColumn: 40, kind: 'sink', note: 'reaches fetch(…)' },
      ],
    });
    const constant = finding({ line: 9, endLine: 9, fingerprint: 'b'.repeat(32), trace: [{ file: '../common/algo.ts', line: 1, column: 14, note: 'ALGO is defined here' }] });
    const log = sarifLog(
      report([flow, constant], {
        errors: [
          { file: 'src/broken.ts', line: 3, column: 9, message: 'syntax error', kind: 'parse' },
          { file: 'rules/x.yml', line: 2, column: 1, message: 'unknown key', kind: 'rule' },
          { file: 'src/c.ts', ruleId: 'node-ecb-mode', message: 'rule failed', kind: 'internal' },
        ],
        warnings: [{ file: 'src/d.ts', line: 4, message: 'this suppression is unused', kind: 'unused-suppression' }],
      }),
      'packages/web',
    ) as any;
    expectValidSarif(log);
    const run = log.runs[0];
    expect(run.automationDetails.id).toBe('packages/web/');
    const [withFlow, withConstant] = run.results;
    expect(withFlow.codeFlows[0].threadFlows[0].locations.map((step: any) => step.kinds[0])).toEqual(['source', 'sink']);
    expect(withFlow.partialFingerprints['nobackdoor/flow/v1']).toBe('f'.repeat(32));
    expect(withFlow.locations[0].physicalLocation.artifactLocation.uri).toBe('src/a%20b.ts');
    expect(withConstant.relatedLocations[0].physicalLocation.artifactLocation.uri).toBe('../common/algo.ts');
    expect(withConstant.message.text).toBe('aes-128-ecb uses ECB mode \\[legacy\\] ([ALGO is defined here](1))');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications.map((note: any) => note.descriptor.id)).toEqual(['parse', 'internal', 'unused-suppression']);
    expect(run.invocations[0].toolConfigurationNotifications[0].descriptor.id).toBe('rule');
  });

  it('leaves suppressed findings out unless asked, then marks them with their reason', () => {
    const suppressed = { ...finding({ line: 7, endLine: 7, fingerprint: 'c'.repeat(32) }), suppression: { kind: 'inline' as const, reason: 'read-only legacy archive', file: 'src/a b.ts', line: 6 } };
    expect((sarifLog(report([finding()])) as any).runs[0].results).toHaveLength(1);
    const log = sarifLog(report([finding()], { suppressed: [suppressed] })) as any;
    expectValidSarif(log);
    expect(log.runs[0].results[1].suppressions).toEqual([
      { kind: 'inSource', status: 'accepted', justification: 'read-only legacy archive', location: expect.any(Object) },
    ]);
  });

  it('keeps at most 25,000 results, the most severe, and says how many it left out; an empty scan has results: []', () => {
    const many = Array.from({ length: 25_010 }, (_, index) => finding({ line: index + 1, endLine: index + 1, severity: index < 10 ? 'low' : 'high', fingerprint: index.toString(16).padStart(32, '0') }));
    const run = (sarifLog(report(many)) as any).runs[0];
    expect(run.results).toHaveLength(25_000);
    expect(run.results.every((result: any) => result.level === 'error')).toBe(true);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toMatch(/^10 less severe findings were left out/);
    const empty = sarifLog(report([])) as any;
    expectValidSarif(empty);
    expect(empty.runs[0].results).toEqual([]);
  });

  it('is what the binary writes with --format sarif (exit code unchanged)', () => {
    const run = runBinary(['scan', 'fixtures/demo-app', '--format', 'sarif', '--category', 'demo']);
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout);
    expectValidSarif(log);
    expect(log.runs[0].automationDetails.id).toBe('demo/');
  });
});

describe('Markdown and annotations', () => {
  it('counts by category and severity, stays under 1 MiB and says what it left out', () => {
    const long = 'x'.repeat(2_000);
    const many = Array.from({ length: 2_000 }, (_, index) => finding({ line: index + 1, message: `${long} | <b>${index}</b>`, fingerprint: String(index).padStart(32, '0') }));
    const text = formatMarkdown(report(many, { stats: { files: 3, filesSkipped: 0, rules: 1, suppressed: 2, baselined: 1, durationMs: 1 } }), { color: false, failOn: 'high' });
    expect(Buffer.byteLength(text)).toBeLessThan(MARKDOWN_LIMIT_BYTES);
    expect(Buffer.byteLength(text)).toBeLessThan(1024 * 1024);
    expect(text).toMatch(/^## nobackdoor: 2000 findings, 2000 at or above high in 3 files/);
    expect(text).toContain('| weak-crypto | 2000 | 2000 |');
    expect(text).toContain('2 suppressed in the code');
    expect(text).toMatch(/\*\*\d+ more findings are not shown\*\*: GitHub limits a summary to 1 MiB/);
    expect(text).toContain('\\| &lt;b&gt;');
  });

  it('emits at most 10 annotations per level, most severe first, then one notice with how many more', () => {
    const severities = ['critical', 'high', 'medium', 'low'] as const;
    const many = Array.from({ length: 48 }, (_, index) => finding({ severity: severities[index % 4]!, line: index + 1, endLine: index + 1, fingerprint: String(index).padStart(32, '0'), message: 'a, b: 50%\nnext' }));
    const lines = formatGithub(report(many), { color: false }).trimEnd().split('\n');
    const count = (level: string) => lines.filter((line) => line.startsWith(`::${level} `)).length;
    expect(count('error')).toBe(10);
    expect(count('warning')).toBe(10);
    expect(count('notice')).toBe(10);
    expect(lines[0]).toMatch(/^::error file=src\/a b\.ts,line=1,endLine=1,col=5,endColumn=40,title=nobackdoor node-ecb-mode \(critical\)::a, b: 50%25%0Anext$/);
    expect(lines.at(-1)).toMatch(/^::notice title=nobackdoor%3A more findings::19 more annotations were left out/);
  });
});
