import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Finding, Report, SuppressedFinding } from '../report/finding.js';
import { git, gitTopLevel } from './git.js';

export class DiffBaseError extends Error {
  override readonly name = 'DiffBaseError';
}

/** Where the scan looks, in absolute paths: what `--diff-base` scans again inside the base's tree. */
export interface ScanPlaces {
  cwd: string;
  root: string;
  paths: string[];
}

/** The key `--diff-base` compares by: the flow (source and sink) of data-flow findings, else the location. */
export function diffKey(finding: Finding): string {
  return `${finding.ruleId}\0${finding.flowFingerprint ?? finding.fingerprint}`;
}

/**
 * The findings of the same scan at REF: the commit is checked out into a temporary worktree (no
 * hooks run), scanned with the same options, and removed. A REF that the clone does not have,
 * a shallow clone above all, is an error that says how to fetch it.
 */
export async function scanAtBase(ref: string, places: ScanPlaces, runScan: (places: ScanPlaces) => Promise<Report>): Promise<Report> {
  const top = gitTopLevel(places.root) ?? gitTopLevel(places.cwd);
  if (!top) throw new DiffBaseError(`--diff-base needs a git repository, and ${places.root} is not inside one; drop --diff-base or scan a clone`);
  const commit = git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top);
  if (!commit.ok) throw new DiffBaseError(missingRefMessage(ref, top));
  const worktree = mkdtempSync(join(tmpdir(), 'nobackdoor-base-'));
  const added = git(['worktree', 'add', '--detach', '--quiet', worktree, commit.stdout.trim()], top);
  if (!added.ok) {
    rmSync(worktree, { recursive: true, force: true });
    throw new DiffBaseError(`--diff-base could not check out ${ref} into a temporary worktree: ${added.stderr.trim()}`);
  }
  try {
    const realTop = realpathSync(top);
    const inBase = (path: string) => join(worktree, relative(realTop, realOrSame(path)));
    const paths = places.paths.map(inBase).filter((path) => existsSync(path));
    if (paths.length === 0) return emptyReport();
    return await runScan({ cwd: inBase(places.cwd), root: inBase(places.root), paths });
  } finally {
    git(['worktree', 'remove', '--force', worktree], top);
    rmSync(worktree, { recursive: true, force: true });
    git(['worktree', 'prune'], top);
  }
}

/** Leaves out the findings that the base already had, by flow (or location) fingerprint. */
export function subtractBase(findings: readonly Finding[], base: Report, ref: string): { findings: Finding[]; known: SuppressedFinding[] } {
  const keys = new Set(base.findings.map(diffKey));
  const kept: Finding[] = [];
  const known: SuppressedFinding[] = [];
  for (const finding of findings) {
    if (keys.has(diffKey(finding))) known.push({ ...finding, suppression: { kind: 'baseline', reason: `already at ${ref} (--diff-base)` } });
    else kept.push(finding);
  }
  return { findings: kept, known };
}

/**
 * Makes sure the clone has REF, fetching that one commit from `origin` when it does not (a CI
 * checkout is usually shallow). Says what happened; never throws.
 */
export function ensureCommit(ref: string, cwd: string): { available: boolean; fetched: boolean } {
  const top = gitTopLevel(cwd);
  if (!top) return { available: false, fetched: false };
  if (git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top).ok) return { available: true, fetched: false };
  const fetched = git(['fetch', '--no-tags', '--quiet', '--depth=1', 'origin', ref], top).ok;
  return { available: fetched && git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], top).ok, fetched };
}

function realOrSame(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function missingRefMessage(ref: string, top: string): string {
  const shallow = git(['rev-parse', '--is-shallow-repository'], top).stdout.trim() === 'true';
  const branch = ref.replace(/^origin\//, '');
  const fetch = `git fetch --no-tags origin ${/^[0-9a-f]{7,40}$/i.test(ref) ? ref : branch}`;
  return (
    `--diff-base: the commit "${ref}" is not in this clone${shallow ? ', which is shallow' : ''}. ` +
    `Fetch it first ("${fetch}", or "git fetch --deepen=100" for more history), or in GitHub Actions give actions/checkout "fetch-depth: 0"`
  );
}

function emptyReport(): Report {
  return { version: 1, tool: { name: 'nobackdoor', version: '' }, findings: [], errors: [], warnings: [], stats: { files: 0, filesSkipped: 0, rules: 0, suppressed: 0, baselined: 0, durationMs: 0 } };
}
