import { countOf } from '../text/count.js';
import type { ToolWarning } from '../report/finding.js';
import { SOURCE_EXTENSIONS } from '../lang/source-files.js';
import { countSourcesIn, type Exclusions } from './discover.js';

/**
 * An empty scan that exits 0 looks like a clean bill of health. When no file was selected, this
 * says so, why (which exclusion hid how many files) and how to scan them.
 */
export function nothingScannedWarning(paths: readonly string[], excluded: Exclusions): ToolWarning {
  const reasons: string[] = [];
  const defaults = folderCounts(excluded.defaultFolders);
  if (excluded.minifiedNames > 0) defaults.push(`*.min.js (${countOf(excluded.minifiedNames, 'file')})`);
  if (defaults.length > 0) {
    const minified = excluded.minifiedNames > 0 ? ' (and --scan-minified for files that look minified)' : '';
    reasons.push(`the default exclusions hide ${defaults.join(', ')}; pass --no-default-excludes to scan them${minified}`);
  }
  const ignored = folderCounts(excluded.ignoredFolders);
  if (excluded.ignoredFiles > 0) ignored.push(countOf(excluded.ignoredFiles, 'file'));
  if (ignored.length > 0) {
    reasons.push(`.gitignore or .nobackdoorignore hides ${ignored.join(', ')}; name a file on the command line to scan it anyway`);
  }
  if (excluded.deselectedFiles > 0) reasons.push(`--include/--exclude (or the config's include/exclude) leave out ${countOf(excluded.deselectedFiles, 'file')}`);
  if (excluded.declarations > 0) reasons.push(`${countOf(excluded.declarations, '.d.ts file')} ${excluded.declarations === 1 ? 'holds' : 'hold'} only types and ${excluded.declarations === 1 ? 'is' : 'are'} never scanned`);
  if (reasons.length === 0) reasons.push(`there is no TypeScript or JavaScript file (${SOURCE_EXTENSIONS.join(' ')}) there`);
  return { line: 0, kind: 'nothing-scanned', message: `nothing was scanned under ${paths.join(', ')}: ${reasons.join('; ')}` };
}

/** "dist/ (3 files), node_modules/ (at least 9000 files)" for the folders that hold source files. */
function folderCounts(folders: readonly string[]): string[] {
  const { counts, unfinished } = countSourcesIn(folders);
  return [...counts]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, count]) => `${name}/ (${unfinished.has(name) ? 'at least ' : ''}${countOf(count, 'file')})`);
}
