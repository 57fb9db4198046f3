import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../support/cli.js';
import { expectValidSarif } from '../support/sarif.js';

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=t@example.com', '-c', 'user.name=t', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' });
}

/** The action as the runner sees it: a checkout of this repository without node_modules. */
function actionCheckout(): string {
  const folder = mkdtempSync(join(tmpdir(), 'nobackdoor-action-'));
  for (const path of ['action.yml', 'action', 'rules', 'package.json', 'schemas']) cpSync(join(REPO_ROOT, path), join(folder, path), { recursive: true });
  return folder;
}

/** Runs action/index.mjs the way the runner does: node24's `main`, INPUT_* variables, the GITHUB_* files. */
function runAction(action: string, workspace: string, inputs: Record<string, string>, event?: object) {
  const files = mkdtempSync(join(tmpdir(), 'nobackdoor-runner-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? files,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(files, 'output'),
    GITHUB_STEP_SUMMARY: join(files, 'summary'),
    GITHUB_ACTIONS: 'true',
    CI: 'true',
  };
  writeFileSync(env.GITHUB_OUTPUT!, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY!, '');
  if (event) {
    env.GITHUB_EVENT_PATH = join(files, 'event.json');
    env.GITHUB_EVENT_NAME = 'pull_request';
    writeFileSync(env.GITHUB_EVENT_PATH, JSON.stringify(event));
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const run = spawnSync(process.execPath, [join(action, 'action/index.mjs')], { cwd: workspace, env, encoding: 'utf8', timeout: 120_000 });
  const outputs: Record<string, string> = {};
  for (const match of readFileSync(env.GITHUB_OUTPUT!, 'utf8').matchAll(/^([\w-]+)<<(\S+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1]!] = match[3]!;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, outputs, summary: readFileSync(env.GITHUB_STEP_SUMMARY!, 'utf8') };
}

describe('the GitHub Action', () => {
  it('declares node24, the bundle, kebab-case inputs mirroring the CLI and the four outputs', () => {
    const action = parse(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8'));
    expect(action.runs).toEqual({ using: 'node24', main: 'action/index.mjs' });
    for (const name of Object.keys(action.inputs)) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['fail-on', 'config', 'baseline', 'diff-base', 'shard', 'exclude', 'strict', 'category']));
    expect(Object.keys(action.outputs)).toEqual(['sarif-file', 'findings', 'blocking', 'result']);
    for (const name of ['fail-on', 'strict', 'exclude', 'baseline', 'config']) expect(action.inputs[name].default).toBeUndefined();
  });

  it('on a pull request reports only new findings: annotations, outputs, summary and SARIF written, then exit 1', () => {
    const action = actionCheckout();
    const workspace = mkdtempSync(join(tmpdir(), 'nobackdoor-workspace-'));
    cpSync(join(REPO_ROOT, 'fixtures/demo-app'), workspace, { recursive: true });
    git(workspace, 'init', '-q');
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'base');
    const base = git(workspace, 'rev-parse', 'HEAD').trim();
    writeFileSync(join(workspace, 'server/src/new.ts'), "import crypto from 'node:crypto';\nexport const c = (k: Buffer) => crypto.createCipheriv('des-cbc', k, iv);\n");
    git(workspace, 'add', '-A');
    git(workspace, 'commit', '-qm', 'pull request');

    const run = runAction(action, workspace, { 'fail-on': 'high', 'sarif-file': 'reports/nobackdoor.sarif' }, { pull_request: { base: { sha: base } } });
    expect(run.status, run.stderr).toBe(1);
    expect(run.outputs).toEqual({ 'sarif-file': 'reports/nobackdoor.sarif', findings: '1', blocking: '1', result: 'fail' });
    expect(run.stdout).toMatch(/^::error file=server\/src\/new\.ts,line=2,endLine=2,col=\d+,endColumn=\d+,title=nobackdoor node-weak-cipher \(high\)::des-cbc/m);
    // Every finding of the demo app (its golden report) was there at the base commit.
    const known = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/golden/demo-app.json'), 'utf8')).findings.length;
    expect(run.stdout).toContain(`${known} already known`);
    expect(run.summary).toMatch(/^## nobackdoor: 1 finding, 1 at or above high in \d+ files/);
    const log = JSON.parse(readFileSync(join(workspace, 'reports/nobackdoor.sarif'), 'utf8'));
    expectValidSarif(log);
    expect(log.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['node-weak-cipher']);

    const everything = runAction(action, workspace, { 'diff-base': 'none', 'fail-on': 'none', annotations: 'false' });
    expect(everything.status).toBe(0);
    expect(everything.outputs.result).toBe('pass');
    expect(Number(everything.outputs.findings)).toBe(known + 1);
    expect(everything.stdout).not.toContain('::error');

    const broken = runAction(action, workspace, { 'fail-on': 'severe' });
    expect(broken.status).toBe(2);
    expect(broken.stdout).toContain('::error title=nobackdoor%3A configuration::--fail-on must be one of');
    expect(broken.outputs.result).toBe('error');
    rmSync(action, { recursive: true, force: true });
  });

  it('the committed bundle is what npm run build:action makes of the current sources', () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'nobackdoor-bundle-')), 'index.mjs');
    execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/build-action.mjs'), '--outfile', fresh]);
    const committed = readFileSync(join(REPO_ROOT, 'action/index.mjs'));
    expect(committed.equals(readFileSync(fresh)), 'action/index.mjs is stale: run "npm run build:action" and commit it').toBe(true);
  });
});
