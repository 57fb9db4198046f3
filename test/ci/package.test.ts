import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/cli.js';

const PACKAGE_TIMEOUT_MS = 5 * 60_000;

describe('the npm package', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'nobackdoor-pack-'));
  afterAll(() => rmSync(workspace, { recursive: true, force: true }));

  it('has a LICENSE that matches package.json', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { license: string; files: string[] };
    expect(manifest.license).toBe('Apache-2.0');
    expect(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8')).toMatch(/^\s*Apache License\s+Version 2\.0, January 2004/);
    expect(manifest.files).toContain('LICENSE');
  });

  it('exports the library API from its entry, as a program imports it', async () => {
    const api = (await import(pathToFileURL(join(REPO_ROOT, 'dist/index.js')).href)) as Record<string, unknown>;
    for (const name of ['scan', 'loadRulePack', 'runRuleTests', 'inspect', 'formatSarif', 'formatMarkdown', 'formatJson', 'mergeReports', 'createBaseline', 'exitCodeFor']) {
      expect(typeof api[name], name).toBe('function');
    }
    expect(Object.keys(api.FORMATTERS as object)).toEqual(['text', 'json', 'sarif', 'markdown', 'github']);
  });

  it(
    'npm pack installs into an empty project, where npx nobackdoor scan . runs and a typed program imports the package',
    () => {
      const npmEnv: NodeJS.ProcessEnv = { NO_COLOR: '1', CI: '1' };
      for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name) && name !== 'INIT_CWD') npmEnv[name] = value;
      const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', workspace], { cwd: REPO_ROOT, env: npmEnv, encoding: 'utf8' }).trim().split('\n').at(-1)!;
      const project = join(workspace, 'project');
      mkdirSync(join(project, 'src'), { recursive: true });
      writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
      writeFileSync(join(project, 'src/legacy.ts'), "import crypto from 'node:crypto';\nexport const c = (k: Buffer) => crypto.createCipheriv('aes-128-ecb', k, null);\n");
      writeFileSync(
        join(project, 'use.ts'),
        [
          "import { scan, formatSarif, type ScanOptions, type Report } from 'nobackdoor';",
          "const options: ScanOptions = { paths: ['src'], cwd: process.cwd() };",
          'const report: Report = await scan(options);',
          "console.log(report.findings.map((f) => f.ruleId).join(','), JSON.parse(formatSarif(report, { color: false })).version);",
        ].join('\n'),
      );
      writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', strict: true, skipLibCheck: true, types: ['node'], outDir: 'out' }, include: ['use.ts'] }));
      const install = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(workspace, tarball)], { cwd: project, env: npmEnv, encoding: 'utf8' });
      expect(install.status, install.stderr.slice(-2000)).toBe(0);
      expect(existsSync(join(project, 'node_modules/nobackdoor/LICENSE'))).toBe(true);

      const cli = spawnSync('npx', ['nobackdoor', 'scan', '.'], { cwd: project, env: npmEnv, encoding: 'utf8' });
      expect(cli.status, cli.stderr).toBe(1);
      expect(cli.stdout).toContain('node-ecb-mode');

      const compiled = spawnSync(process.execPath, [join(project, 'node_modules/typescript/bin/tsc'), '-p', '.'], { cwd: project, encoding: 'utf8' });
      expect(compiled.status, compiled.stdout).toBe(0);
      const program = spawnSync(process.execPath, [join(project, 'out/use.js')], { cwd: project, encoding: 'utf8' });
      expect(program.stdout).toContain('node-ecb-mode');
      expect(program.stdout.trim().endsWith('2.1.0')).toBe(true);
    },
    PACKAGE_TIMEOUT_MS,
  );
});
