// Start-up measurements (the speed issue's items 2 and 3): how long the CLI takes to answer
// --version and --help, and to scan one file, each run a separate process measured whole.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { measure, waitForQuiet } from './measure.mjs';

export const STARTUP_TARGETS = { versionSeconds: 0.15, oneFileSeconds: 1.0 };

/** The rows: a label, the CLI's arguments, and the target its median wall time is judged by. */
export function startupRows(repo, corporaDir) {
  const rows = [
    { label: '`nobackdoor --version`', args: ['--version'], target: STARTUP_TARGETS.versionSeconds },
    { label: '`nobackdoor --help`', args: ['--help'] },
    {
      label: 'one-file scan: `fixtures/demo-app/server/src/routes/keys.ts` (4 findings)',
      args: ['scan', join(repo, 'fixtures/demo-app/server/src/routes/keys.ts'), '--format', 'json', '--quiet'],
      target: STARTUP_TARGETS.oneFileSeconds,
    },
  ];
  const matrixFile = join(corporaDir, 'matrix-js-sdk', 'src', 'secret-storage.ts');
  if (existsSync(matrixFile)) {
    rows.push({
      label: 'one-file scan: matrix-js-sdk `src/secret-storage.ts` (691 lines, in its project)',
      args: ['scan', matrixFile, '--format', 'json', '--quiet'],
      target: STARTUP_TARGETS.oneFileSeconds,
    });
  }
  return rows;
}

/** Interleaved runs of every row (a fresh, empty cache folder each); medians of wall and CPU time. */
export async function benchStartup({ cli, repo, corporaDir, runs, scratch, maxOtherLoad, quietWait, log }) {
  const rows = startupRows(repo, corporaDir).map((row) => ({ ...row, samples: [] }));
  for (let run = 1; run <= runs; run++) {
    for (const [index, row] of rows.entries()) {
      waitForQuiet(maxOtherLoad, quietWait);
      const cache = mkdtempSync(join(scratch, 'xdg-cache-'));
      const measured = await measure([process.execPath, cli, ...row.args], { cwd: repo, scratch, label: `startup-${index}-${run}`, env: { XDG_CACHE_HOME: cache, NO_COLOR: '1' }, timeoutSeconds: 600 });
      rmSync(cache, { recursive: true, force: true });
      // scan exits 1 when it finds something; anything else is a broken run.
      if (measured.exitCode !== 0 && measured.exitCode !== 1) throw new Error(`${row.args.join(' ')} exited with ${measured.exitCode ?? measured.signal}`);
      row.samples.push(measured);
      log(`startup ${run}/${runs} ${row.args.slice(0, 1).join(' ')}: ${measured.wallSeconds.toFixed(2)} s wall, ${measured.cpuSeconds?.toFixed(2) ?? '?'} s CPU`);
    }
  }
  return rows.map((row) => ({
    label: row.label,
    target: row.target,
    wallSeconds: median(row.samples.map((sample) => sample.wallSeconds)),
    cpuSeconds: median(row.samples.map((sample) => sample.cpuSeconds).filter((value) => value !== undefined)),
    peakRssMiB: median(row.samples.map((sample) => sample.peakRssKiB).filter((value) => value !== undefined)) / 1024,
    otherCores: median(row.samples.map((sample) => sample.otherCores).filter((value) => value !== undefined)),
    runs: row.samples.length,
  }));
}

export function startupSection(rows, info) {
  const fmt = (n, digits = 2) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
  const lines = [
    `Measured ${info.date} at ${info.commit} (${info.nproc} cores, Node ${info.node}); median of ${rows[0]?.runs ?? 0} runs each, interleaved, each a fresh process with an empty cache folder.`,
    '',
    '| command | wall (median) | CPU (median) | peak RSS | other load (cores) | target | met |',
    '| --- | ---: | ---: | ---: | ---: | ---: | :---: |',
  ];
  for (const row of rows) {
    const met = row.target === undefined ? '' : row.wallSeconds <= row.target ? 'yes' : '**no**';
    lines.push(`| ${row.label} | ${fmt(row.wallSeconds)} s | ${fmt(row.cpuSeconds)} s | ${fmt(row.peakRssMiB, 0)} MiB | ${fmt(row.otherCores, 1)} | ${row.target === undefined ? '' : `≤ ${row.target} s`} | ${met} |`);
  }
  return lines.join('\n');
}

function median(values) {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
