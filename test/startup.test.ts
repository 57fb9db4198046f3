import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadPrecompiledPack, rulesSourceHash } from '../src/rules/precompiled.js';
import { BINARY, makeProject, REPO_ROOT } from './support/cli.js';

const RECORD_IMPORTS = join(REPO_ROOT, 'test/support/record-imports.mjs');
const ARTEFACT = join(REPO_ROOT, 'dist/shipped-pack.json');
/** What a scan needs and `--version`/`--help` must not load. */
const HEAVY = /\/node_modules\/(typescript|@typescript-eslint|ts-morph|yaml|zod|re2js|pkijs|asn1js)\/|\/dist\/(rules|scan|match|taint|crypto|project)\//;

function run(binary: string, args: string[], env: Record<string, string> = {}, cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [binary, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 180_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The modules a CLI run imported, from the loader hook in test/support/record-imports.mjs. */
function importsOf(args: string[]): string[] {
  const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-imports-'));
  const record = join(folder, 'imports.txt');
  writeFileSync(record, '');
  const result = spawnSync(process.execPath, ['--import', RECORD_IMPORTS, BINARY, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, NO_COLOR: '1', NOBACKDOOR_TEST_IMPORTS: record },
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(result.error).toBeUndefined();
  const imports = readFileSync(record, 'utf8').split('\n').filter(Boolean);
  rmSync(folder, { recursive: true, force: true });
  return imports;
}

describe('start-up', () => {
  it.each([['--version'], ['--help'], ['-h'], ['(no arguments)']])('%s answers without loading the parser, the rules or the library', (arg) => {
    const imports = importsOf(arg.startsWith('(') ? [] : [arg]);
    expect(imports.some((url) => url.endsWith('/dist/cli/run.js'))).toBe(true);
    expect(imports.filter((url) => HEAVY.test(url))).toEqual([]);
  });

  it('a scan does load them (the check above can fail)', { timeout: 300_000 }, () => {
    const imports = importsOf(['scan', 'fixtures/demo-app/server/src/routes/keys.ts', '--quiet']);
    expect(imports.some((url) => url.includes('/node_modules/@typescript-eslint/typescript-estree/'))).toBe(true);
    expect(imports.some((url) => url.endsWith('/dist/rules/pack.js'))).toBe(true);
  });
});

describe('the precompiled shipped pack', () => {
  let copy: string;
  let copiedBinary: string;

  /** The built package as npm installs it (dist, rules, package.json), in a folder the test may change. */
  beforeAll(() => {
    expect(existsSync(ARTEFACT), 'npm run build writes dist/shipped-pack.json').toBe(true);
    copy = mkdtempSync(join(tmpdir(), 'nobackdoor-package-'));
    for (const part of ['dist', 'rules', 'package.json']) cpSync(join(REPO_ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    copiedBinary = join(copy, 'dist/cli/main.js');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  // Without the result cache: these scans compare packs, and a cached result would hide which pack ran.
  const scanDemo = () => {
    const result = run(copiedBinary, ['scan', 'fixtures/demo-app', '--format', 'json', '--no-cache']);
    expect(result.stderr).toBe('');
    const report = JSON.parse(result.stdout) as { stats: Record<string, number> };
    delete report.stats.durationMs;
    return report;
  };
  const compiledRules = () => {
    const script = `
      import { loadRulePack } from ${JSON.stringify(join(copy, 'dist/index.js'))};
      const pack = loadRulePack({ cwd: ${JSON.stringify(REPO_ROOT)} });
      const seen = new WeakSet();
      const shape = (value) => {
        if (typeof value === 'function') return 'function';
        if (typeof value === 'bigint') return value.toString() + 'n';
        if (value === null || typeof value !== 'object') return value;
        if (value instanceof RegExp) return String(value);
        if (seen.has(value)) return 'seen';
        seen.add(value);
        if (value instanceof Set) return ['Set', ...[...value].map(shape)];
        if (value instanceof Map) return ['Map', ...[...value].map(shape)];
        const out = { class: value.constructor?.name };
        for (const key of Object.keys(value)) if (key !== 'loc') out[key] = shape(value[key]);
        return out;
      };
      process.stdout.write(JSON.stringify({ precompiled: pack.precompiled, rules: shape(pack.rules), problems: pack.problems, models: shape(pack.models.allEntries()) }));
    `;
    const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024, timeout: 180_000 });
    expect(result.stderr).toBe('');
    return JSON.parse(result.stdout) as { precompiled: boolean; rules: unknown; problems: unknown; models: unknown };
  };

  it('compiles the same rules and finds the same on the demo as the YAML, and reports custom rules\' problems the same', { timeout: 600_000 }, () => {
    // Custom rules whose problems name the shipped pack: its kinds, its rule ids and where they are defined.
    const custom = makeProject({
      'custom.yml': [
        'rules:',
        '  - id: node-ecb-mode',
        '    severity: high',
        '    message: a second rule with a shipped id',
        '    pattern: foo()',
        '  - id: unknown-kind',
        '    mode: taint',
        '    severity: high',
        '    message: a kind misspelt',
        '    pattern-sources: [{ kind: key-materia }]',
        '    pattern-sinks: [{ kind: log-sink }]',
        '',
      ].join('\n'),
      'models.yml': 'disable: [node-generate-key-pairr]\n',
    });
    const withCustom = () => JSON.parse(run(copiedBinary, ['scan', 'fixtures/demo-app/server/src/routes/keys.ts', '--rules', custom, '--format', 'json']).stdout) as { errors: unknown[] };
    const fromArtefact = { rules: compiledRules(), demo: scanDemo(), catalog: run(copiedBinary, ['rules', 'catalog']).stdout, custom: withCustom().errors };
    rmSync(join(copy, 'dist/shipped-pack.json'));
    const fromYaml = { rules: compiledRules(), demo: scanDemo(), catalog: run(copiedBinary, ['rules', 'catalog']).stdout, custom: withCustom().errors };
    cpSync(ARTEFACT, join(copy, 'dist/shipped-pack.json'));

    expect(fromArtefact.rules.precompiled).toBe(true);
    expect(fromYaml.rules.precompiled).toBe(false);
    expect(fromArtefact.rules).toEqual({ ...fromYaml.rules, precompiled: true });
    expect(fromArtefact.demo).toEqual(fromYaml.demo);
    expect(fromArtefact.catalog).toBe(fromYaml.catalog);
    expect(fromArtefact.catalog).toContain('### node-ecb-mode');
    expect(fromArtefact.custom).toEqual(fromYaml.custom);
    const messages = (fromArtefact.custom as Array<{ message: string }>).map((error) => error.message).join('\n');
    expect(messages).toMatch(/first defined at \S*node-ecb-mode\.yml:\d+/);
    expect(messages).toContain('did you mean "key-material"');
    expect(messages).toContain('did you mean "node-generate-key-pair"');
    rmSync(custom, { recursive: true, force: true });
  });

  it('is what a scan uses while rules/ is unchanged, and is not used once rules/ changed', { timeout: 600_000 }, () => {
    const artefact = join(copy, 'dist/shipped-pack.json');
    const original = readFileSync(artefact, 'utf8');
    const pack = JSON.parse(original) as { files: Array<{ file: string; data: { rules?: Array<{ id: string; message: string }> } }> };
    const ruleFile = pack.files.find((entry) => entry.file === 'weak-crypto/node-ecb-mode.yml')!;
    ruleFile.data.rules![0]!.message = 'from the artefact: $ALG';
    writeFileSync(artefact, JSON.stringify(pack));
    const messages = () => (scanDemo() as unknown as { findings: Array<{ ruleId: string; message: string }> }).findings.filter((finding) => finding.ruleId === 'node-ecb-mode').map((finding) => finding.message);

    const fresh = messages();
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((message) => message.startsWith('from the artefact: '))).toBe(true);

    appendFileSync(join(copy, 'rules/weak-crypto/node-ecb-mode.yml'), '# edited after the build\n');
    const stale = messages();
    expect(stale.length).toBe(fresh.length);
    expect(stale.every((message) => message.includes('uses ECB mode'))).toBe(true);
    writeFileSync(artefact, original);
  });

  it('is refused when the rules folder hashes differently or the file is missing or broken', () => {
    const rules = join(copy, 'rules');
    expect(loadPrecompiledPack(rules, join(copy, 'dist/shipped-pack.json'))).toBeUndefined(); // edited by the test above
    const other = mkdtempSync(join(tmpdir(), 'nobackdoor-rules-'));
    cpSync(join(REPO_ROOT, 'rules'), other, { recursive: true });
    expect(rulesSourceHash(other)).toBe(rulesSourceHash(join(REPO_ROOT, 'rules')));
    expect(loadPrecompiledPack(other, ARTEFACT)?.size).toBeGreaterThan(0);
    writeFileSync(join(other, 'weak-crypto/new-rule.yml'), 'rules: []\n');
    expect(loadPrecompiledPack(other, ARTEFACT)).toBeUndefined();
    expect(loadPrecompiledPack(join(REPO_ROOT, 'rules'), join(other, 'missing.json'))).toBeUndefined();
    writeFileSync(join(other, 'broken.json'), '{"format":');
    expect(loadPrecompiledPack(join(REPO_ROOT, 'rules'), join(other, 'broken.json'))).toBeUndefined();
    rmSync(other, { recursive: true, force: true });
  });
});
