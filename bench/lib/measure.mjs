// Runs one command as its own process and measures it whole: wall time (taken here, around the
// spawn), peak resident set size (GNU time's %M, in KiB) and CPU time (user + system, %U + %S),
// which other load on the machine disturbs less than wall time. Where /usr/bin/time is missing,
// the peak RSS of a Node child is taken by a preload that writes process.resourceUsage().maxRSS at
// exit (all the measured commands are Node processes).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';
export const hasGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' }).status === 0;
const RSS_PROBE = fileURLToPath(new URL('./rss-probe.mjs', import.meta.url));
const running = new Set();

/** Ends the measured processes still running (their process groups), e.g. when the bench is interrupted. */
export function killRunning() {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  running.clear();
}

/**
 * @param {string[]} argv command and arguments (argv[0] must be `process.execPath` when there is no GNU time)
 * @param {{ cwd: string, env?: NodeJS.ProcessEnv, scratch: string, label: string, timeoutSeconds?: number }} options
 * @returns {Promise<{ wallSeconds: number, peakRssKiB: number | undefined, cpuSeconds: number | undefined, otherCores: number | undefined, exitCode: number | null, signal: string | null, timedOut: boolean, stdoutFile: string, stderrFile: string, timeFile: string }>}
 */
export async function measure(argv, options) {
  const stdoutFile = join(options.scratch, `${options.label}.stdout`);
  const stderrFile = join(options.scratch, `${options.label}.stderr`);
  const timeFile = join(options.scratch, `${options.label}.time`);
  rmSync(timeFile, { force: true });
  const env = { ...process.env, ...options.env };
  let command;
  let args;
  if (hasGnuTime) {
    command = GNU_TIME;
    args = ['-f', '%e %M %U %S', '-o', timeFile, ...argv];
  } else {
    command = argv[0];
    args = argv.slice(1);
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(RSS_PROBE).href}`.trim();
    env.BENCH_RSS_FILE = timeFile;
  }
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const busyBefore = busyCpuSeconds();
  const started = process.hrtime.bigint();
  // Its own process group, so that a timeout ends the measured process and not only GNU time.
  const child = spawn(command, args, { cwd: options.cwd, env, stdio: ['ignore', out, err], detached: true });
  running.add(child.pid);
  let timedOut = false;
  let atTimeout;
  const timer = options.timeoutSeconds
    ? setTimeout(() => {
        timedOut = true;
        atTimeout = usageOfTree(child.pid);
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // Already gone.
        }
      }, options.timeoutSeconds * 1000)
    : undefined;
  const result = await new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (status, signal) => resolve({ status, signal }));
  });
  clearTimeout(timer);
  running.delete(child.pid);
  const wallSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const busyAfter = busyCpuSeconds();
  closeSync(out);
  closeSync(err);
  let peakRssKiB;
  let cpuSeconds;
  if (timedOut) {
    peakRssKiB = atTimeout?.peakRssKiB;
    cpuSeconds = atTimeout?.cpuSeconds;
  } else if (existsSync(timeFile)) {
    // "<wall> <max RSS KiB> <user s> <system s>" on the last line.
    const [, rss, user, system] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().trim().split(/\s+/).map(Number);
    if (Number.isFinite(rss)) peakRssKiB = rss;
    if (Number.isFinite(user) && Number.isFinite(system)) cpuSeconds = user + system;
  }
  // GNU time reports the child's status as its own; "Command exited with non-zero status N" lines
  // go to the -o file, so the exit code is the child's own.
  // CPU the rest of the machine used meanwhile, in cores on average: other builds or tests running
  // beside the benchmark slow it down, and this says by how much they could have.
  const otherCores = busyBefore !== undefined && busyAfter !== undefined && cpuSeconds !== undefined
    ? Math.max(0, (busyAfter - busyBefore - cpuSeconds) / wallSeconds)
    : undefined;
  return { wallSeconds, peakRssKiB, cpuSeconds, otherCores, exitCode: result.status, signal: result.signal, timedOut, stdoutFile, stderrFile, timeFile };
}

/** Seconds of CPU the whole machine has spent busy since boot (Linux /proc/stat; USER_HZ = 100). */
export function busyCpuSeconds() {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user).
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Cores that other processes keep busy right now, sampled over `seconds` while nothing of ours runs.
 * undefined where /proc/stat is missing.
 */
export function otherLoadNow(seconds = 0.5) {
  const before = busyCpuSeconds();
  if (before === undefined) return undefined;
  sleep(seconds);
  return Math.max(0, (busyCpuSeconds() - before) / seconds);
}

/** Waits (up to `maxSeconds`) until other processes keep at most `cores` busy; returns the last reading. */
export function waitForQuiet(cores, maxSeconds) {
  const deadline = Date.now() + maxSeconds * 1000;
  let load = otherLoadNow();
  while (load !== undefined && load > cores && Date.now() < deadline) {
    sleep(1);
    load = otherLoadNow();
  }
  return load;
}

function sleep(seconds) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

/**
 * For a run stopped at its time limit: the largest peak RSS (VmHWM, KiB) among a process and its
 * descendants, and their CPU time so far, read from /proc (Linux; USER_HZ = 100).
 */
function usageOfTree(pid) {
  let peak;
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const current = pending.pop();
    try {
      const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${current}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak ?? 0, Number(hwm[1]));
      // Fields after the parenthesised command name: state is 3rd, utime 14th, stime 15th.
      const stat = readFileSync(`/proc/${current}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
      for (const child of readFileSync(`/proc/${current}/task/${current}/children`, 'utf8').trim().split(/\s+/)) {
        if (child) pending.push(Number(child));
      }
    } catch {
      // Gone, or no /proc.
    }
  }
  return { peakRssKiB: peak, cpuSeconds: ticks / 100 };
}
