import { spawnSync } from 'node:child_process';

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

/** Runs git without hooks or a pager; never throws (a missing git is a failed result). */
export function git(args: readonly string[], cwd: string, input?: string): GitResult {
  const run = spawnSync('git', ['-c', 'core.hooksPath=/dev/null', '-c', 'core.quotePath=false', ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_PAGER: 'cat' },
    ...(input !== undefined ? { input } : {}),
  });
  if (run.error) return { ok: false, stdout: '', stderr: run.error.message };
  return { ok: run.status === 0, stdout: run.stdout, stderr: run.stderr };
}

/** The repository's top folder, or undefined outside a repository. */
export function gitTopLevel(cwd: string): string | undefined {
  const result = git(['rev-parse', '--show-toplevel'], cwd);
  return result.ok ? result.stdout.trim() : undefined;
}
