// Preloaded with --import only where /usr/bin/time is missing: writes this process's peak RSS in KiB
// and its CPU time, in the order bench/lib/measure.mjs reads from GNU time.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const file = process.env.BENCH_RSS_FILE;
  if (!file) return;
  const usage = process.resourceUsage();
  writeFileSync(file, `0 ${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
});
