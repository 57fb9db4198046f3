import { renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  annotationLines,
  blockingFindings,
  ConfigError,
  countOf,
  ensureCommit,
  exitCodeFor,
  EXIT_ERROR,
  formatJson,
  formatMarkdown,
  formatSarif,
  resultWord,
  scan,
  SCAN_OPTIONS,
  scanSetup,
  withEnvironment,
  workflowCommand,
  type Report,
  type SettingValues,
} from '../index.js';
import { InputError, Runner, type ActionEnvironment } from './runner.js';

export const DEFAULT_SARIF_FILE = 'nobackdoor.sarif';

/**
 * The GitHub Action: inputs → the same scan as the CLI → SARIF file, annotations, job summary and
 * outputs, all written before the exit code is returned (0, 1 or 2, as the CLI's). On a pull
 * request it reports only findings that are new compared with the base commit.
 */
export async function runAction(environment: ActionEnvironment): Promise<number> {
  const runner = new Runner(environment);
  const workspace = resolve(environment.cwd, environment.env.GITHUB_WORKSPACE ?? '.');
  try {
    const given: SettingValues = {};
    for (const [name, spec] of Object.entries(SCAN_OPTIONS)) {
      given[name] = spec.type === 'boolean' ? runner.booleanInput(name) : 'multiple' in spec ? runner.listInput(name) : runner.input(name);
    }
    const values = withEnvironment(given, SCAN_OPTIONS, environment.env);
    const paths = runner.listInput('paths') ?? ['.'];
    const setup = scanSetup(values, paths, workspace, environment.env);
    const diffBase = baseOfPullRequest(runner, workspace);
    const baseline = runner.input('baseline') ?? environment.env.NOBACKDOOR_BASELINE ?? setup.configBaseline;
    const report = await scan({
      ...setup.options,
      root: workspace,
      ...(baseline ? { baseline } : {}),
      ...(diffBase ? { diffBase } : {}),
      ...(runner.booleanInput('include-suppressed') ? { includeSuppressed: true } : {}),
    });
    const exitCode = exitCodeFor(report, { failOn: setup.failOn, strict: setup.strict });
    deliver(report, runner, workspace, { failOn: setup.failOn, exitCode, category: runner.input('category') });
    return exitCode;
  } catch (error) {
    if (!(error instanceof ConfigError) && !(error instanceof InputError)) throw error;
    runner.write(workflowCommand('error', { title: 'nobackdoor: configuration' }, error.message));
    runner.setOutput('result', 'error');
    return EXIT_ERROR;
  }
}

/** `diff-base` input, else the base commit of the pull request the workflow runs for; `none` scans everything as new. */
function baseOfPullRequest(runner: Runner, workspace: string): string | undefined {
  const given = runner.input('diff-base');
  if (given === 'none') return undefined;
  const pullRequest = runner.event()?.pull_request as { base?: { sha?: string } } | undefined;
  const ref = given ?? pullRequest?.base?.sha;
  if (!ref) return undefined;
  const commit = ensureCommit(ref, workspace);
  if (commit.fetched && commit.available) runner.write(`nobackdoor: fetched the base commit ${ref} to compare with.`);
  return ref;
}

interface DeliveryContext {
  failOn: Parameters<typeof blockingFindings>[1];
  exitCode: number;
  category: string | undefined;
}

function deliver(report: Report, runner: Runner, workspace: string, context: DeliveryContext): void {
  const sarifFile = runner.input('sarif-file') ?? DEFAULT_SARIF_FILE;
  writeAtomically(resolve(workspace, sarifFile), formatSarif(report, { color: false, ...(context.category ? { category: context.category } : {}) }));
  const jsonFile = runner.input('json-file');
  if (jsonFile) writeAtomically(resolve(workspace, jsonFile), formatJson(report, { color: false }));

  const blocking = blockingFindings(report, context.failOn).length;
  if (runner.booleanInput('summary') ?? true) runner.summary(formatMarkdown(report, { color: false, failOn: context.failOn }));
  runner.setOutput('sarif-file', sarifFile);
  runner.setOutput('findings', String(report.findings.length));
  runner.setOutput('blocking', String(blocking));
  runner.setOutput('result', resultWord(context.exitCode));

  if (runner.booleanInput('annotations') ?? true) for (const line of annotationLines(report)) runner.write(line);
  const known = report.stats.suppressed + report.stats.baselined > 0 ? `; ${report.stats.suppressed} suppressed, ${report.stats.baselined} already known` : '';
  runner.write(
    `nobackdoor: ${countOf(report.findings.length, 'finding')} (${blocking} at or above ${context.failOn}) in ${countOf(report.stats.files, 'file')}${known}; SARIF written to ${sarifFile}.`,
  );
}

function writeAtomically(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${process.pid}.nobackdoor.tmp`);
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}
