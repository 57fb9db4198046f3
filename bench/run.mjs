#!/usr/bin/env node
// The benchmark anyone can run: `npm run bench` (builds first). See bench/README.md.
//
//   node bench/run.mjs [--runs N] [--corpus NAME]... [--smoke] [--tools LIST] [--no-profile]
//                      [--no-readme] [--write-readme] [--cache-dir DIR] [--timeout S]
//                      [--max-other-load CORES] [--quiet-wait S] [--profile-timeout S]
//                      [--startup-only] [--no-startup] [--startup-runs N]
//   (node bench/run.mjs --help explains each)
//
// For each corpus it measures, each run a separate process measured whole (wall time, peak RSS,
// CPU time):
//   read-only    find the files the scanner would scan and read them
//   parse-only   the same, plus typescript-estree `parse` of each (the floor for any AST scanner)
//   nobackdoor   the real CLI with the shipped rule pack: dist/cli/main.js scan DIR --format json --quiet
//   nobackdoor-taint  the same plus a taint workload: ... --rules bench/lib/taint-rules.yml
//   nobackdoor-warm   the default-pack scan again, with the result cache its cold run of the round left
//   nobackdoor-leaf-edit  the same after appending a comment to one leaf file (no file imports it)
//   eslint-peer  ESLint 9 with sonarjs/security/sdl/no-secrets security rules (bench/eslint.config.mjs)
// and reports medians, ratios and the issue-7 and issue-12 targets, and writes them into bench/README.md.
// Then start-up (bench/lib/startup.mjs): --version, --help and one-file scans, judged against the
// 0.15 s and 1.0 s targets.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, constants, cpus, release, tmpdir, totalmem, type as osType } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CORPORA, ensureCorpus, removeStaleBuilds } from './lib/corpora.mjs';
import { leafFile } from './lib/leaf-file.mjs';
import { hasGnuTime, killRunning, measure, waitForQuiet } from './lib/measure.mjs';
import { formatSummary, summariseProfile } from './profile-top.mjs';
import { benchStartup, startupSection } from './lib/startup.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(BENCH);
const CLI = join(REPO, 'dist', 'cli', 'main.js');
const README = join(BENCH, 'README.md');
const RESULTS = join(BENCH, '.results');
const ESLINT_BIN = join(BENCH, 'node_modules', 'eslint', 'bin', 'eslint.js');
const ESLINT_CONFIG = join(BENCH, 'eslint.config.mjs');
const TAINT_RULES = join(BENCH, 'lib', 'taint-rules.yml');
const TAINT_RULE_COUNT = (readFileSync(TAINT_RULES, 'utf8').match(/^  - id: /gm) ?? []).length;
const TOOLS = ['read-only', 'parse-only', 'nobackdoor', 'nobackdoor-warm', 'nobackdoor-leaf-edit', 'nobackdoor-taint', 'eslint-peer'];
const SCANNERS = ['nobackdoor', 'nobackdoor-warm', 'nobackdoor-leaf-edit', 'nobackdoor-taint'];
/** Scans that start from the result cache the round's cold default-pack run left (they run on a copy of the corpus). */
const WARM_TOOLS = ['nobackdoor-warm', 'nobackdoor-leaf-edit'];
const DEFAULT_CORPORA = ['matrix-js-sdk', 'theia'];

// Issue 7 targets for the full default pack, cold.
const TARGETS = { maxTimesParse: 1.5, minTimesFasterThanPeerOnLarge: 4, maxRssMiB: 1024 };
// Issue 12: the taint workload may add at most this share to the default pack's cold time.
const TAINT_TARGETS = { maxAddedShare: 0.3, maxRssMiB: 1024 };
// The result cache: a warm re-scan and one after editing a leaf, as shares of the cold scan's time.
const WARM_TARGETS = { 'nobackdoor-warm': 0.15, 'nobackdoor-leaf-edit': 0.25 };
// A scanner run longer than this many parse-only times is stopped: the 1.5× target is missed by far.
const SCANNER_TIMEOUT_TIMES_PARSE = 20;
// A taint run longer than this many default-pack runs is stopped: the +30 % target is missed by far.
const TAINT_TIMEOUT_TIMES_DEFAULT = 25;
const TAINT_MIN_TIMEOUT_SECONDS = 120;

// A quiet machine: other processes keep at most this many cores busy (--max-other-load's default).
const QUIET_OTHER_CORES = 0.25;

const log = (line) => process.stderr.write(`[bench] ${line}\n`);

function parseArgs(argv) {
  const options = { startup: true, startupOnly: false, startupRuns: 5, runs: undefined, corpora: [], smoke: false, tools: TOOLS, profile: true, readme: undefined, cacheDir: join(BENCH, '.corpora'), maxOtherLoad: QUIET_OTHER_CORES, quietWait: 5, timeout: undefined, profileTimeout: 600 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) usage(`${arg} needs a value`);
      return next;
    };
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => inline ?? value();
    switch (flag) {
      case '--runs': {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 1 || n > 50) usage('--runs takes a whole number from 1 to 50');
        options.runs = n;
        break;
      }
      case '--corpus':
        for (const name of take().split(',')) {
          if (!CORPORA[name]) usage(`unknown corpus "${name}"; known: ${Object.keys(CORPORA).join(', ')}`);
          options.corpora.push(name);
        }
        break;
      case '--tools': {
        const tools = take().split(',');
        for (const tool of tools) if (!TOOLS.includes(tool)) usage(`unknown tool "${tool}"; known: ${TOOLS.join(', ')}`);
        options.tools = TOOLS.filter((tool) => tools.includes(tool));
        break;
      }
      case '--max-other-load': {
        const n = Number(take());
        if (!(n >= 0)) usage('--max-other-load takes a number of cores, e.g. 0.25');
        options.maxOtherLoad = n;
        break;
      }
      case '--quiet-wait': {
        const n = Number(take());
        if (!(n >= 0)) usage('--quiet-wait takes a number of seconds');
        options.quietWait = n;
        break;
      }
      case '--timeout': {
        const n = Number(take());
        if (!(n > 0)) usage('--timeout takes a number of seconds');
        options.timeout = n;
        break;
      }
      case '--profile-timeout': {
        const n = Number(take());
        if (!(n > 0)) usage('--profile-timeout takes a number of seconds');
        options.profileTimeout = n;
        break;
      }
      case '--smoke':
        options.smoke = true;
        break;
      case '--startup-only':
        options.startupOnly = true;
        break;
      case '--no-startup':
        options.startup = false;
        break;
      case '--startup-runs': {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 1 || n > 50) usage('--startup-runs takes a whole number from 1 to 50');
        options.startupRuns = n;
        break;
      }
      case '--no-profile':
        options.profile = false;
        break;
      case '--no-readme':
        options.readme = false;
        break;
      case '--write-readme':
        options.readme = true;
        break;
      case '--cache-dir':
        options.cacheDir = take();
        break;
      case '-h':
      case '--help':
        usage();
        break;
      default:
        usage(`unknown option ${arg}`);
    }
  }
  if (options.smoke) {
    if (options.corpora.length === 0) options.corpora = ['smoke'];
    // A pipeline check, not a measurement: no waiting for a quiet machine unless asked.
    if (!argv.includes('--quiet-wait')) options.quietWait = 0;
    if (!argv.includes('--max-other-load')) options.maxOtherLoad = Infinity;
    // The start-up rows include a one-file scan of a real project: not part of a quick pipeline check.
    if (!options.startupOnly) options.startup = false;
    options.runs ??= 1;
    options.readme ??= false;
  }
  if (options.corpora.length === 0) options.corpora = DEFAULT_CORPORA;
  options.corpora = [...new Set(options.corpora)];
  options.runs ??= 3;
  options.readme ??= true;
  return options;
}

function usage(problem) {
  const text = `Usage: node bench/run.mjs [options]   (npm run bench -- [options])

  --runs N         measured runs of each tool on each corpus (default 3; --smoke: 1)
  --corpus NAME    corpus to run, repeatable or comma-separated: ${Object.keys(CORPORA).join(', ')}
                   (default: ${DEFAULT_CORPORA.join(', ')})
  --smoke          quick check of the whole pipeline: the tiny "smoke" corpus, one run, README untouched
  --tools LIST     subset of ${TOOLS.join(',')}
  --no-profile     skip the --cpu-prof run of the scanner on the largest corpus
  --no-readme      do not write bench/README.md      --write-readme  write it even with --smoke
  --cache-dir DIR  where corpora are cached (default bench/.corpora)
  --max-other-load CORES  before each run, wait until other processes keep at most CORES cores
                   busy (default 0.25), and measure a run once more when they kept more busy
                   during it (the less disturbed attempt is kept)
  --quiet-wait S   longest wait for that before each run (default 5 s); after 3 disturbed runs in
                   a row the machine is taken to be busy for good and neither is done any more
  --timeout S      end a run after S seconds and report the tool as slower than that on the
                   corpus, without running it again there. Default: the scanner gets 20× the
                   first parse-only run on the corpus (at least 60 s), a miss of the 1.5× target
                   by far; the taint workload 25× the first default-pack run (at least 120 s), a
                   miss of the +30 % target by far; the other tools get 900 s
  --profile-timeout S  longest profiling run (default 600 s)
  --startup-only   only the start-up rows: --version, --help, one-file scans (no corpus runs)
  --no-startup     skip the start-up rows
  --startup-runs N runs of each start-up row (default 5)
`;
  if (problem) {
    process.stderr.write(`bench: ${problem}\n\n${text}`);
    process.exit(2);
  }
  process.stdout.write(text);
  process.exit(0);
}

// ---------------------------------------------------------------------------------------------

function ensureBenchDependencies() {
  const lock = join(BENCH, 'package-lock.json');
  const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
  const stamp = join(BENCH, 'node_modules', '.bench-lock-sha256');
  if (existsSync(ESLINT_BIN) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash) return;
  log('installing bench dependencies: npm ci --prefix bench');
  const result = spawnSync('npm', ['ci', '--prefix', BENCH, '--no-audit', '--no-fund'], { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm ci --prefix bench failed (exit ${result.status})`);
  writeFileSync(stamp, `${hash}\n`);
}

function machine() {
  const date = spawnSync('date', ['-u'], { encoding: 'utf8' });
  const git = (args) => {
    // Read-only: --no-optional-locks keeps `git status` from refreshing the index.
    const r = spawnSync('git', ['--no-optional-locks', ...args], { cwd: REPO, encoding: 'utf8' });
    return r.status === 0 ? r.stdout.trim() : undefined;
  };
  const head = git(['rev-parse', '--short', 'HEAD']);
  // Untracked rule files count: the default pack loads every file in rules/.
  const dirty = git(['status', '--porcelain', '--untracked-files=all', '--', 'src', 'rules', 'package.json', 'package-lock.json']);
  return {
    date: date.status === 0 ? date.stdout.trim() : new Date().toUTCString(),
    iso: new Date().toISOString(),
    nproc: availableParallelism(),
    cpu: cpus()[0]?.model?.trim() ?? 'unknown',
    memGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${osType()} ${release()}`,
    commit: head ? `${head}${dirty ? ` + uncommitted changes to ${dirty.split('\n').length} files in src/, rules/ or package*.json` : ''}` : 'unknown',
    rssSource: hasGnuTime ? '/usr/bin/time -f "%e %M %U %S"' : 'process.resourceUsage().maxRSS (no /usr/bin/time)',
  };
}

/** The command line of each tool on a corpus, and how to read its output. */
function command(tool, corpusDir, scratch, scanned = corpusDir) {
  const node = process.execPath;
  switch (tool) {
    case 'read-only':
      return { argv: [node, join(BENCH, 'tasks', 'read-only.mjs'), corpusDir], cwd: REPO };
    case 'parse-only':
      return { argv: [node, join(BENCH, 'tasks', 'parse-only.mjs'), corpusDir], cwd: REPO };
    case 'nobackdoor':
    case 'nobackdoor-warm':
    case 'nobackdoor-leaf-edit':
      return { argv: [node, CLI, 'scan', scanned, '--format', 'json', '--quiet'], cwd: REPO };
    case 'nobackdoor-taint':
      return { argv: [node, CLI, 'scan', corpusDir, '--rules', TAINT_RULES, '--format', 'json', '--quiet'], cwd: REPO };
    case 'eslint-peer':
      return {
        argv: [node, ESLINT_BIN, '--config', ESLINT_CONFIG, '--format', 'json', '--output-file', join(scratch, 'eslint-report.json'), '.'],
        cwd: corpusDir,
      };
    default:
      throw new Error(tool);
  }
}

function readOutcome(tool, measured, scratch) {
  const stdout = readFileSync(measured.stdoutFile, 'utf8');
  const stderr = readFileSync(measured.stderrFile, 'utf8').trim();
  const fail = (why) => ({ ok: false, problem: `${why}${stderr ? `: ${stderr.split('\n').slice(-3).join(' / ')}` : ''}` });
  try {
    switch (tool) {
      case 'read-only':
      case 'parse-only': {
        if (measured.exitCode !== 0) return fail(`exit ${measured.exitCode ?? measured.signal}`);
        const data = JSON.parse(stdout.trim().split('\n').pop());
        return { ok: true, files: data.files, detail: tool === 'parse-only' ? { parseFailures: data.failed } : {} };
      }
      case 'nobackdoor':
      case 'nobackdoor-warm':
      case 'nobackdoor-leaf-edit':
      case 'nobackdoor-taint': {
        // 0: no findings at or above --fail-on, 1: findings; 2: usage/config/rule/internal errors.
        // A complete JSON report with exit 2 is a finished scan that met errors (listed in it):
        // its time counts, and the errors are shown under the table.
        let report;
        try {
          report = JSON.parse(stdout);
        } catch {
          return fail(`exit ${measured.exitCode ?? measured.signal}, no JSON report`);
        }
        if (measured.exitCode !== 0 && measured.exitCode !== 1 && !(measured.exitCode === 2 && report?.stats)) return fail(`exit ${measured.exitCode ?? measured.signal}`);
        const errorKinds = {};
        for (const error of report.errors ?? []) errorKinds[error.kind ?? 'other'] = (errorKinds[error.kind ?? 'other'] ?? 0) + 1;
        return {
          ok: true,
          files: report.stats?.files,
          detail: {
            findings: report.findings?.length ?? 0,
            errors: report.errors?.length ?? 0,
            errorKinds,
            warnings: report.warnings?.length ?? 0,
            filesSkipped: report.stats?.filesSkipped,
            rules: report.stats?.rules,
            ...(report.stats?.cached !== undefined ? { cached: report.stats.cached } : {}),
            exitCode: measured.exitCode,
            ...(measured.exitCode === 2 ? { firstErrors: (report.errors ?? []).slice(0, 3).map((e) => `${e.kind}: ${e.file ?? ''} ${e.ruleId ?? ''} ${e.message}`.slice(0, 200)) } : {}),
          },
        };
      }
      case 'eslint-peer': {
        // 0: no problems, 1: problems found, 2: configuration or internal error.
        if (measured.exitCode !== 0 && measured.exitCode !== 1) return fail(`exit ${measured.exitCode ?? measured.signal}`);
        const results = JSON.parse(readFileSync(join(scratch, 'eslint-report.json'), 'utf8'));
        let problems = 0;
        let fatal = 0;
        for (const result of results) {
          problems += result.errorCount + result.warningCount;
          fatal += result.fatalErrorCount ?? 0;
        }
        return { ok: true, files: results.length, detail: { problems, fatalParseErrors: fatal } };
      }
      default:
        throw new Error(tool);
    }
  } catch (error) {
    return fail(`unreadable output (${error.message})`);
  }
}

function topLevelEntries(dir) {
  return readdirSync(dir).sort().join('\n');
}

/**
 * The limit of a tool's runs on a corpus, set from the first runs of the round before it: the
 * scanner gets 20× the first parse-only run, the taint workload 25× the first default-pack run
 * (each at least a minute or two), the other tools 900 s.
 */
function defaultTimeout(tool, samples) {
  const firstParse = samples['parse-only']?.find((sample) => sample.ok);
  const firstDefault = samples.nobackdoor?.find((sample) => sample.ok);
  if (tool === 'nobackdoor' && firstParse) return Math.max(60, Math.ceil(SCANNER_TIMEOUT_TIMES_PARSE * firstParse.wallSeconds));
  if (tool === 'nobackdoor-taint' && firstDefault) return Math.max(TAINT_MIN_TIMEOUT_SECONDS, Math.ceil(TAINT_TIMEOUT_TIMES_DEFAULT * firstDefault.wallSeconds));
  return 900;
}

/** The signal that ended a run, where one did: directly, or as GNU time reports it (128 + N, or its note). */
function killSignal(measured) {
  if (measured.signal) return measured.signal;
  const note = existsSync(measured.timeFile ?? '') ? /Command terminated by signal (\d+)/.exec(readFileSync(measured.timeFile, 'utf8')) : null;
  if (note) return signalName(Number(note[1]));
  if (measured.exitCode !== null && measured.exitCode > 128 && measured.exitCode < 160) return signalName(measured.exitCode - 128);
  return undefined;
}

function signalName(number) {
  return Object.entries(constants.signals).find(([, n]) => n === number)?.[0] ?? `signal ${number}`;
}

// ---------------------------------------------------------------------------------------------

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Whether other work keeps the machine busy, across corpora. */
const busy = { streak: 0, persistent: false };

async function benchCorpus(name, corpus, options, scratchRoot) {
  const dir = corpus.dir;
  const scratch = join(scratchRoot, name);
  mkdirSync(scratch, { recursive: true });
  const samples = Object.fromEntries(options.tools.map((tool) => [tool, []]));
  const before = topLevelEntries(dir);
  const notes = [];

  // One unmeasured read of every file so the OS file cache is equally warm for every tool.
  await measure(command('read-only', dir, scratch).argv, { cwd: REPO, scratch, label: 'warmup' });

  // The default-pack scans run on a copy, so that the leaf edit never touches the pristine corpus;
  // the cold run of each round leaves its result cache to the warm runs of that round.
  const cacheTools = options.tools.includes('nobackdoor') && options.tools.some((tool) => WARM_TOOLS.includes(tool));
  const scanned = cacheTools ? join(scratch, 'corpus-copy') : dir;
  if (cacheTools) cpSync(dir, scanned, { recursive: true });
  const leaf = cacheTools ? leafFile(scanned) : undefined;
  const leafText = leaf ? readFileSync(join(scanned, leaf), 'utf8') : undefined;
  if (cacheTools) notes.push(leaf ? `the leaf edited by nobackdoor-leaf-edit: \`${leaf}\` (the longest non-test file that no other file imports), a comment appended` : 'no leaf file found: nobackdoor-leaf-edit not measured');
  let roundCache;

  const timedOut = new Set();
  for (let run = 1; run <= options.runs; run++) {
    for (const tool of options.tools) {
      // A tool that ran out of time once is not run again on this corpus: it would only do so again.
      if (timedOut.has(tool)) continue;
      if (WARM_TOOLS.includes(tool) && (!roundCache || (tool === 'nobackdoor-leaf-edit' && !leaf))) continue;
      const { argv, cwd } = command(tool, dir, scratch, scanned);
      const timeout = options.timeout ?? defaultTimeout(tool, samples);
      // Other work on the machine (builds, tests) slows every tool. Each attempt waits (up to
      // --quiet-wait seconds) for other processes to keep at most --max-other-load cores busy; an
      // attempt disturbed by more than that is measured once more, and the less disturbed is kept.
      // After 3 disturbed attempts in a row the machine is taken to be busy for good: no more
      // waiting or measuring again, which would only make the benchmark slower (see the note).
      let best;
      let attempts = 0;
      for (;;) {
        if (!busy.persistent) waitForQuiet(options.maxOtherLoad, options.quietWait);
        // Cold for nobackdoor: a fresh, empty cache folder for anything it may cache per user. The
        // warm runs use the cache of the round's cold default-pack run.
        const warm = WARM_TOOLS.includes(tool);
        const cache = warm ? roundCache : mkdtempSync(join(scratch, 'xdg-cache-'));
        // A new comment each attempt: an edit the cache has already seen would not be an edit.
        if (tool === 'nobackdoor-leaf-edit') appendFileSync(join(scanned, leaf), `\n// edited by bench/run.mjs, round ${run}, attempt ${attempts + 1}\n`);
        let measured;
        try {
          measured = await measure(argv, { cwd, scratch, label: `${tool}-${run}`, env: { XDG_CACHE_HOME: cache, NO_COLOR: '1' }, timeoutSeconds: timeout });
        } finally {
          if (tool === 'nobackdoor-leaf-edit') writeFileSync(join(scanned, leaf), leafText);
        }
        if (tool === 'nobackdoor' && cacheTools) {
          if (roundCache) rmSync(roundCache, { recursive: true, force: true });
          roundCache = measured.exitCode === 0 || measured.exitCode === 1 ? cache : undefined;
        } else if (!warm) rmSync(cache, { recursive: true, force: true });
        const killedBy = killSignal(measured);
        const outcome = measured.timedOut
          ? { ok: false, timedOut: true, problem: `timed out after ${timeout} s`, timeoutSeconds: timeout, cutOff: 'timed out' }
          // Killed from outside (the kernel's OOM killer, a heap limit's abort): how long it ran and
          // how much memory it reached are lower bounds, like a timeout's, not a lost run.
          : killedBy ? { ok: false, timedOut: true, problem: `killed by ${killedBy} after ${fmt(measured.wallSeconds)} s`, timeoutSeconds: measured.wallSeconds, cutOff: `killed by ${killedBy}` }
          : readOutcome(tool, measured, scratch);
        attempts++;
        if (outcome.timedOut) {
          best = { measured, outcome };
          timedOut.add(tool);
          break;
        }
        if (!best || (measured.otherCores ?? 0) < (best.measured.otherCores ?? 0)) best = { measured, outcome };
        const disturbed = (measured.otherCores ?? 0) > options.maxOtherLoad;
        busy.streak = disturbed ? busy.streak + 1 : 0;
        if (busy.streak >= 3 && !busy.persistent) {
          busy.persistent = true;
          log('the machine stays busy with other work: no more waiting for quiet or measuring again; compare CPU times');
        }
        if (!disturbed || attempts >= 2 || busy.persistent) break;
        log(`${name} run ${run} ${tool}: other processes kept ${measured.otherCores.toFixed(2)} cores busy meanwhile; measuring again`);
      }
      const { measured, outcome } = best;
      const sample = { run, attempts, wallSeconds: measured.wallSeconds, cpuSeconds: measured.cpuSeconds, otherCores: measured.otherCores, peakRssKiB: measured.peakRssKiB, ...outcome };
      log(`${name} run ${run}/${options.runs} ${tool.padEnd(11)} ${measured.wallSeconds.toFixed(2)} s (cpu ${measured.cpuSeconds?.toFixed(2) ?? '?'} s, others ${measured.otherCores?.toFixed(2) ?? '?'} cores)  ${measured.peakRssKiB ? `${(measured.peakRssKiB / 1024).toFixed(0)} MiB` : '? MiB'}  ${outcome.ok ? `${outcome.files} files ${JSON.stringify(outcome.detail)}` : `FAILED ${outcome.problem}`}`);
      samples[tool].push(sample);
    }
    if (roundCache) rmSync(roundCache, { recursive: true, force: true });
    roundCache = undefined;
  }
  const after = topLevelEntries(dir);
  if (after !== before) notes.push(`the corpus folder changed during the runs (top level before: ${before.split('\n').join(', ')}; after: ${after.split('\n').join(', ')}): a cache written into the scanned tree would make later runs warm`);

  const summary = {};
  for (const tool of options.tools) {
    const ok = samples[tool].filter((s) => s.ok);
    const late = samples[tool].find((s) => s.timedOut);
    if (late) {
      // Not a median of anything: the one run that ran out of time, a lower bound.
      summary[tool] = { ok: false, timedOut: true, cutOff: late.cutOff, atLeastSeconds: late.timeoutSeconds, cpuSeconds: late.cpuSeconds, peakRssMiB: late.peakRssKiB ? late.peakRssKiB / 1024 : undefined, problem: late.problem, completedRuns: ok.length };
      if (ok.length) {
        notes.push(`${tool} ${late.cutOff === 'timed out' ? 'ran out of time' : `was ${late.cutOff}`} (${fmt(late.timeoutSeconds, 0)} s) in run ${late.run} after completing ${ok.length} run${ok.length === 1 ? '' : 's'} in ${ok.map((sample) => `${fmt(sample.wallSeconds)} s (${fmt(sample.cpuSeconds)} s CPU, ${fmt(sample.peakRssKiB / 1024, 0)} MiB)`).join(', ')}`);
        const worstRss = Math.max(...ok.map((sample) => sample.peakRssKiB ?? 0), late.peakRssKiB ?? 0);
        if (worstRss) summary[tool].peakRssMiB = worstRss / 1024;
      }
      continue;
    }
    if (ok.length === 0) {
      summary[tool] = { ok: false, problem: samples[tool][0]?.problem ?? 'not run' };
      continue;
    }
    const rss = ok.map((s) => s.peakRssKiB).filter((v) => v !== undefined);
    const cpu = ok.map((s) => s.cpuSeconds).filter((v) => v !== undefined);
    const others = ok.map((s) => s.otherCores).filter((v) => v !== undefined);
    summary[tool] = {
      ok: true,
      runs: ok.length,
      failedRuns: samples[tool].length - ok.length,
      files: ok[0].files,
      wallSeconds: median(ok.map((s) => s.wallSeconds)),
      minWall: Math.min(...ok.map((s) => s.wallSeconds)),
      maxWall: Math.max(...ok.map((s) => s.wallSeconds)),
      cpuSeconds: cpu.length ? median(cpu) : undefined,
      maxOtherCores: others.length ? Math.max(...others) : undefined,
      peakRssMiB: rss.length ? median(rss) / 1024 : undefined,
      maxPeakRssMiB: rss.length ? Math.max(...rss) / 1024 : undefined,
      detail: ok[ok.length - 1].detail,
    };
  }
  for (const tool of options.tools) {
    const failedRuns = samples[tool].filter((sample) => !sample.ok && !sample.timedOut);
    if (failedRuns.length && summary[tool]?.ok) notes.push(`${tool}: ${failedRuns.length} of ${samples[tool].length} runs failed (${failedRuns[0].problem.slice(0, 300)}); the median is of the others`);
  }
  const expected = corpus.stamp.files;
  for (const tool of ['read-only', 'parse-only', ...SCANNERS]) {
    const s = summary[tool];
    if (s?.ok && s.files !== expected) notes.push(`${tool} handled ${s.files} files, the corpus has ${expected} the scanner should scan`);
  }
  if (summary['parse-only']?.ok && summary['parse-only'].detail.parseFailures) notes.push(`parse-only: ${summary['parse-only'].detail.parseFailures} files did not parse`);
  return {
    name, spec: CORPORA[name], stamp: corpus.stamp, runs: options.runs, samples, summary, notes,
    pairedRatios: pairedRatios(samples, 'nobackdoor', 'parse-only'),
    taintPairedRatios: pairedRatios(samples, 'nobackdoor-taint', 'nobackdoor'),
    taintPairedCpuRatios: pairedRatios(samples, 'nobackdoor-taint', 'nobackdoor', 'cpuSeconds'),
    warmPairedRatios: Object.fromEntries(WARM_TOOLS.map((tool) => [tool, { wall: pairedRatios(samples, tool, 'nobackdoor'), cpu: pairedRatios(samples, tool, 'nobackdoor', 'cpuSeconds') }])),
  };
}

async function profileScanner(result, scratchRoot, timeoutSeconds, subset) {
  const profDir = join(scratchRoot, 'cpu-prof');
  rmSync(profDir, { recursive: true, force: true });
  mkdirSync(profDir, { recursive: true });
  const corpusDir = subset ? join(result.corpusDir, subset) : result.corpusDir;
  log(`profiling: node --cpu-prof dist/cli/main.js scan ${relative(REPO, corpusDir)} --format json --quiet`);
  const run = await measure([process.execPath, '--cpu-prof', `--cpu-prof-dir=${profDir}`, CLI, 'scan', corpusDir, '--format', 'json', '--quiet'], {
    cwd: REPO,
    scratch: scratchRoot,
    label: 'cpu-prof',
    env: { NO_COLOR: '1' },
    timeoutSeconds,
  });
  if (run.timedOut) throw new Error(`the profiling run took more than ${timeoutSeconds} s (--profile-timeout)`);
  if (run.exitCode !== 0 && run.exitCode !== 1) throw new Error(`profiling run exited ${run.exitCode}: ${readFileSync(run.stderrFile, 'utf8').slice(-500)}`);
  const file = readdirSync(profDir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) throw new Error('no .cpuprofile written');
  mkdirSync(RESULTS, { recursive: true });
  const kept = join(RESULTS, `scan-${result.name}.cpuprofile`);
  copyFileSync(join(profDir, file), kept);
  const summary = summariseProfile(JSON.parse(readFileSync(kept, 'utf8')), { top: 25, root: REPO });
  return { corpus: subset ? `${result.name}/${subset}` : result.name, file: relative(REPO, kept), wallSeconds: run.wallSeconds, summary };
}

// ---------------------------------------------------------------------------------------------

const fmt = (n, digits = 2) => (n === undefined || Number.isNaN(n) ? '–' : n.toFixed(digits));
const LABEL = { 'read-only': 'read only', 'parse-only': 'parse only (typescript-estree)', nobackdoor: '**nobackdoor scan, default pack**', 'nobackdoor-warm': 'nobackdoor scan again, warm cache, nothing changed', 'nobackdoor-leaf-edit': 'nobackdoor scan again, warm cache, one leaf edited', 'nobackdoor-taint': `**nobackdoor scan, default pack + ${TAINT_RULE_COUNT} taint rules**`, 'eslint-peer': 'ESLint peer (4 security plugins)' };

/** A tool's median wall time, or the timeout as a lower bound when it ran out of time. */
function wall(row) {
  if (row?.ok) return { seconds: row.wallSeconds, atLeast: false };
  if (row?.timedOut) return { seconds: row.atLeastSeconds, atLeast: true };
  return undefined;
}

function table(result) {
  const s = result.summary;
  const parse = s['parse-only']?.ok ? s['parse-only'].wallSeconds : undefined;
  const peer = s['eslint-peer']?.ok ? s['eslint-peer'].wallSeconds : undefined;
  const lines = [
    '| measurement | files | wall s (median) | min–max s | CPU s (median) | files/s | peak RSS MiB (median) | × parse-only | peer ÷ this |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const tool of TOOLS) {
    const row = s[tool];
    if (!row) continue;
    if (row.timedOut) {
      const t = row.atLeastSeconds;
      lines.push(`| ${LABEL[tool]} | ${result.stamp.files} | > ${fmt(t, 0)} (${row.cutOff ?? 'timed out'}) | | ${row.cpuSeconds === undefined ? '' : `> ${fmt(row.cpuSeconds)}`} | < ${fmt(result.stamp.files / t, 0)} | ${row.peakRssMiB === undefined ? '–' : `≥ ${fmt(row.peakRssMiB, 0)}`} | ${parse ? `> ${fmt(t / parse)}×` : '–'} | ${peer ? `< ${fmt(peer / t)}×` : '–'} |`);
      continue;
    }
    if (!row.ok) {
      lines.push(`| ${LABEL[tool]} | failed: ${row.problem.replace(/\|/g, '\\|').slice(0, 200)} | | | | | | | |`);
      continue;
    }
    lines.push(`| ${LABEL[tool]} | ${row.files} | ${fmt(row.wallSeconds)} | ${fmt(row.minWall)}–${fmt(row.maxWall)} | ${fmt(row.cpuSeconds)} | ${fmt(row.files / row.wallSeconds, 0)} | ${fmt(row.peakRssMiB, 0)} | ${parse ? `${fmt(row.wallSeconds / parse)}×` : '–'} | ${peer ? `${fmt(peer / row.wallSeconds)}×` : '–'} |`);
  }
  return lines.join('\n');
}

// Each run of a tool over the run of its base in the same round (a scan over parse-only, the
// taint workload over the default pack): runs are interleaved, so a slow spell of the machine
// slows both and the ratio stays put, while a ratio of medians can pair a quick base with a slow run.
function pairedRatios(samples, tool, base, field = 'wallSeconds') {
  const bases = new Map((samples[base] ?? []).filter((sample) => sample.ok && sample[field]).map((sample) => [sample.run, sample[field]]));
  return (samples[tool] ?? []).filter((sample) => sample.ok && sample[field] !== undefined && bases.has(sample.run)).map((sample) => sample[field] / bases.get(sample.run));
}

function targets(result) {
  const s = result.summary;
  const nb = s.nobackdoor;
  const lines = [];
  const own = wall(nb);
  if (!own) return ['- nobackdoor did not run successfully: no target can be judged.'];
  const gt = own.atLeast ? '> ' : '';
  if (own.atLeast) lines.push(`- nobackdoor ${cutOffWords(nb)}, so the figures below are bounds.`);
  const mark = (met) => (met ? '**met**' : '**missed**');
  if (s['parse-only']?.ok) {
    const ratio = own.seconds / s['parse-only'].wallSeconds;
    const budget = TARGETS.maxTimesParse * s['parse-only'].wallSeconds;
    const met = !own.atLeast && ratio <= TARGETS.maxTimesParse;
    lines.push(`- At most ${TARGETS.maxTimesParse}× parse-only: ${mark(met)}: ${gt}${fmt(ratio)}× (${gt}${fmt(own.seconds)} s against a budget of ${fmt(budget)} s; ${met ? `${fmt(budget - own.seconds)} s to spare` : `${gt}${fmt(own.seconds - budget)} s, ${gt}${fmt(100 * (own.seconds / budget - 1), 0)} %, over`}).`);
    const paired = result.pairedRatios ?? [];
    if (paired.length > 1) lines.push(`  Run by run (each scan over the parse-only run of its round): median ${fmt(median(paired))}×, ${fmt(Math.min(...paired))}–${fmt(Math.max(...paired))}×.`);
  }
  if (s['eslint-peer']?.ok) {
    const speedup = s['eslint-peer'].wallSeconds / own.seconds;
    const lt = own.atLeast ? '< ' : '';
    if (result.spec.size === 'large') {
      const met = !own.atLeast && speedup >= TARGETS.minTimesFasterThanPeerOnLarge;
      lines.push(`- At least ${TARGETS.minTimesFasterThanPeerOnLarge}× faster than the ESLint peer (large corpus): ${mark(met)}: ${lt}${fmt(speedup)}× (${met ? 'margin' : 'short by'} ${own.atLeast ? 'more than ' : ''}${fmt(Math.abs(speedup - TARGETS.minTimesFasterThanPeerOnLarge))}×; the target needs ≤ ${fmt(s['eslint-peer'].wallSeconds / TARGETS.minTimesFasterThanPeerOnLarge)} s).`);
    } else {
      lines.push(`- Against the ESLint peer (no target on this corpus): ${lt}${fmt(speedup)}× ${speedup >= 1 ? 'faster' : 'as fast (slower)'}.`);
    }
  }
  lines.push(...rssTargetLines(nb, own, TARGETS.maxRssMiB));
  return lines;
}

/** The peak-RSS target line of a tool's row: its worst complete run, or what it reached before it was stopped. */
function rssTargetLines(row, own, maxMiB) {
  const rss = row.ok ? row.maxPeakRssMiB : row.peakRssMiB;
  if (rss === undefined) return [];
  const met = rss < maxMiB;
  const mark = met ? '**met**' : '**missed**';
  const reached = own.atLeast ? `at least ${fmt(rss, 0)} MiB before it was stopped` : `${fmt(row.peakRssMiB, 0)} MiB median, ${fmt(rss, 0)} MiB worst run`;
  return [`- Peak RSS under 1 GiB: ${met && own.atLeast ? '**not known**' : mark}: ${reached} (${met ? `${fmt(maxMiB - rss, 0)} MiB to spare` : `${fmt(rss - maxMiB, 0)} MiB over`}).`];
}

/** How a run was cut off, for "nobackdoor … so the figures below are bounds". */
function cutOffWords(row) {
  return row.cutOff?.startsWith('killed') ? `was ${row.cutOff} after ${fmt(row.atLeastSeconds, 0)} s` : `ran out of time (${fmt(row.atLeastSeconds, 0)} s, \`--timeout\`)`;
}

const signedPercent = (share) => `${share >= 0 ? '+' : '−'}${fmt(100 * Math.abs(share), 0)} %`;

/** Issue 12: what the taint workload adds to the default pack, and its memory. */
function taintTargets(result) {
  const s = result.summary;
  const taint = s['nobackdoor-taint'];
  const own = wall(taint);
  if (!own) return [`- The taint workload did not run successfully${taint?.problem ? ` (${taint.problem.slice(0, 200)})` : ''}: no target can be judged.`];
  const lines = [];
  const gt = own.atLeast ? '> ' : '';
  if (own.atLeast) lines.push(`- The taint workload ${cutOffWords(taint)}, so the figures below are bounds.`);
  const mark = (met) => (met ? '**met**' : '**missed**');
  const base = wall(s.nobackdoor);
  const limit = `at most ${fmt(100 * TAINT_TARGETS.maxAddedShare, 0)} % added to the default pack's cold time`;
  if (!base || base.atLeast) {
    lines.push(`- ${limit[0].toUpperCase()}${limit.slice(1)}: **not known**: the default pack has no complete time on this corpus${s.nobackdoor ? '' : ' (run it too: `--tools …,nobackdoor,nobackdoor-taint`)'}.`);
  } else {
    const added = own.seconds / base.seconds - 1;
    const budget = (1 + TAINT_TARGETS.maxAddedShare) * base.seconds;
    const met = !own.atLeast && added <= TAINT_TARGETS.maxAddedShare;
    lines.push(`- ${limit[0].toUpperCase()}${limit.slice(1)}: ${mark(met)}: ${gt}${signedPercent(added)} (${gt}${fmt(own.seconds)} s against ${fmt(base.seconds)} s, a budget of ${fmt(budget)} s; ${met ? `${fmt(budget - own.seconds)} s to spare` : `${gt}${fmt(own.seconds - budget)} s over`}).`);
    const paired = (result.taintPairedRatios ?? []).map((ratio) => ratio - 1);
    if (paired.length) lines.push(`  Run by run (each taint run over the default-pack run of its round): median ${signedPercent(median(paired))}, ${signedPercent(Math.min(...paired))} to ${signedPercent(Math.max(...paired))}.`);
    const pairedCpu = (result.taintPairedCpuRatios ?? []).map((ratio) => ratio - 1);
    if (pairedCpu.length && taint.cpuSeconds !== undefined && s.nobackdoor.cpuSeconds !== undefined) {
      lines.push(`  CPU time, steadier under other load: ${fmt(taint.cpuSeconds)} s against ${fmt(s.nobackdoor.cpuSeconds)} s (medians); run by run ${signedPercent(median(pairedCpu))}, ${signedPercent(Math.min(...pairedCpu))} to ${signedPercent(Math.max(...pairedCpu))}.`);
    }
  }
  lines.push(...rssTargetLines(taint, own, TAINT_TARGETS.maxRssMiB));
  return lines;
}

/** The result cache: warm re-scans as shares of the cold scan of the same round. */
function warmTargets(result) {
  const s = result.summary;
  const cold = wall(s.nobackdoor);
  const lines = [];
  for (const tool of WARM_TOOLS) {
    const row = s[tool];
    const limit = WARM_TARGETS[tool];
    const what = tool === 'nobackdoor-warm' ? 'nothing changed' : 'one leaf file edited';
    if (!row?.ok || !cold || cold.atLeast) {
      lines.push(`- Warm, ${what}, at most ${limit}× the cold scan: **not known**${row?.problem ? ` (${row.problem.slice(0, 200)})` : ': no complete cold and warm runs'}.`);
      continue;
    }
    const ratio = row.wallSeconds / cold.seconds;
    const cpuRatio = row.cpuSeconds !== undefined && s.nobackdoor.cpuSeconds ? row.cpuSeconds / s.nobackdoor.cpuSeconds : undefined;
    const met = ratio <= limit;
    lines.push(`- Warm, ${what}, at most ${limit}× the cold scan: ${met ? '**met**' : '**missed**'}: ${fmt(ratio)}× (${fmt(row.wallSeconds)} s against ${fmt(cold.seconds)} s; ${row.detail.cached ?? '?'} of ${row.files} files from the cache)` +
      `${cpuRatio === undefined ? '' : `; CPU ${fmt(cpuRatio)}× (${fmt(row.cpuSeconds)} s against ${fmt(s.nobackdoor.cpuSeconds)} s)`}.`);
    const paired = result.warmPairedRatios?.[tool];
    if (paired?.cpu.length > 1) lines.push(`  Run by run (CPU time over the cold run of its round): median ${fmt(median(paired.cpu))}×, ${fmt(Math.min(...paired.cpu))}–${fmt(Math.max(...paired.cpu))}×.`);
  }
  return lines;
}

/** The "rules, findings, errors" line of a scanner's last run. */
function scanDetail(label, row) {
  if (!row?.ok) return [];
  const kinds = Object.entries(row.detail.errorKinds).map(([k, v]) => `${v} ${k}`).join(', ');
  return [
    `${label}: ${row.detail.rules} rules, ${row.detail.findings} findings, ${row.detail.errors} errors${kinds ? ` (${kinds})` : ''}, ${row.detail.warnings} warnings, exit code ${row.detail.exitCode} (last run).`,
    ...(row.detail.firstErrors ?? []).map((error) => `- error: ${error}`),
  ];
}

function corpusSection(result, info, options) {
  const st = result.stamp;
  const nb = result.summary.nobackdoor;
  const peer = result.summary['eslint-peer'];
  const lines = [];
  lines.push(`### ${result.name}: ${result.spec.description}`);
  lines.push('');
  lines.push(`${st.files} files the scanner scans (${st.tsFiles} .ts/.tsx, ${st.otherFiles} JavaScript), ${st.lines.toLocaleString('en-US')} lines, ${fmt(st.bytes / 2 ** 20, 1)} MiB.`);
  lines.push(`Measured ${info.date} on ${info.nproc} cores (${info.cpu}), ${info.memGiB} GiB, Node ${info.node}, ${info.os}; nobackdoor at ${info.commit}. ` +
    `Medians of ${result.runs} run${result.runs === 1 ? '' : 's'}, each a separate process (peak RSS: ${info.rssSource}).`);
  lines.push('');
  lines.push(table(result));
  lines.push('');
  lines.push(...scanDetail('nobackdoor', nb));
  lines.push(...scanDetail('nobackdoor + taint rules', result.summary['nobackdoor-taint']));
  if (peer?.ok) lines.push(`ESLint peer: ${peer.files} files linted (.ts/.tsx only), ${peer.detail.problems} problems, ${peer.detail.fatalParseErrors} fatal parse errors.`);
  const others = Object.entries(result.summary).filter(([, row]) => row.ok && row.maxOtherCores !== undefined);
  if (others.length) {
    const worst = Math.max(...others.map(([, row]) => row.maxOtherCores));
    const retried = Object.values(result.samples).flat().filter((sample) => sample.attempts > 1).length;
    const kept = Object.values(result.samples).flat().map((sample) => sample.otherCores).filter((v) => v !== undefined);
    lines.push(`Other processes on the machine kept at most ${fmt(worst)} cores busy during a kept run (median ${fmt(median(kept))})${retried ? `; ${retried} run${retried === 1 ? ' was' : 's were'} measured again because of such load` : ''}.` +
      (worst > options.maxOtherLoad ? ' Wall times of disturbed runs are inflated; the CPU-time column is the steadier comparison.' : ''));
  }
  const keptOthers = Object.values(result.samples).flat().map((sample) => sample.otherCores).filter((v) => v !== undefined);
  if (result.machineBusy || (keptOthers.length && median(keptOthers) > QUIET_OTHER_CORES)) {
    lines.push(`**The machine was loaded by other work during these runs** (other processes kept a median ${fmt(median(keptOthers))} of its ${info.nproc} cores busy during a kept run; \`--max-other-load ${options.maxOtherLoad}\`, \`--quiet-wait ${options.quietWait}\`${result.machineBusy ? '; it stayed busy, so the benchmark stopped waiting for quiet and measuring again' : ''}): wall times are inflated; compare CPU times and the run-by-run ratios.`);
  }
  lines.push('');
  lines.push('Targets (full default pack, cold):');
  lines.push('');
  lines.push(...targets(result));
  for (const note of result.notes) lines.push(`- Note: ${note}`);
  if (WARM_TOOLS.some((tool) => result.summary[tool])) {
    lines.push('');
    lines.push('Targets (the result cache, default pack; docs/cache.md):');
    lines.push('');
    lines.push(...warmTargets(result));
  }
  if (result.summary['nobackdoor-taint']) {
    lines.push('');
    lines.push(`Targets (default pack + the ${TAINT_RULE_COUNT} taint rules of \`bench/lib/taint-rules.yml\`, cold; issue 12):`);
    lines.push('');
    lines.push(...taintTargets(result));
  }
  return lines.join('\n');
}

function profileSection(profile, info) {
  return [
    ...(profile.note ? [profile.note, ''] : []),
    `From one \`node --cpu-prof dist/cli/main.js scan <${profile.corpus}> --format json --quiet\` run (${info.date}, nobackdoor at ${info.commit}); ` +
      `${fmt(profile.wallSeconds, 1)} s under the profiler; the profile is kept in \`${profile.file}\` (git-ignored). Regenerate the table with \`node bench/profile-top.mjs ${profile.file}\`.`,
    '',
    formatSummary(profile.summary),
  ].join('\n');
}

function replaceBlock(text, id, body) {
  const begin = `<!-- bench:${id}:begin (generated by bench/run.mjs; edits here are overwritten) -->`;
  const end = `<!-- bench:${id}:end -->`;
  const pattern = new RegExp(`<!-- bench:${id}:begin[^>]*-->[\\s\\S]*?<!-- bench:${id}:end -->`);
  const block = `${begin}\n${body}\n${end}`;
  if (pattern.test(text)) return text.replace(pattern, () => block);
  return `${text.trimEnd()}\n\n${block}\n`;
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js is missing: run `npm run bench` (it builds first) or `npm run build`');
  if (!hasGnuTime) log('no /usr/bin/time: peak RSS is taken from the Node processes themselves');
  if (options.tools.includes('eslint-peer') && !options.startupOnly) ensureBenchDependencies();

  removeStaleBuilds(options.cacheDir);
  const corpora = {};
  for (const name of options.startupOnly ? [] : options.corpora) corpora[name] = ensureCorpus(CORPORA[name], options.cacheDir, log);

  const info = machine();
  const scratchRoot = mkdtempSync(join(tmpdir(), 'nobackdoor-bench-'));
  const results = [];
  try {
    for (const name of options.startupOnly ? [] : options.corpora) {
      const result = await benchCorpus(name, corpora[name], options, scratchRoot);
      result.corpusDir = corpora[name].dir;
      result.machineBusy = busy.persistent;
      results.push(result);
    }
    let profile;
    let startup;
    if (options.startup) {
      const scratch = join(scratchRoot, 'startup');
      mkdirSync(scratch, { recursive: true });
      startup = await benchStartup({ cli: CLI, repo: REPO, corporaDir: options.cacheDir, runs: options.startupRuns, scratch, maxOtherLoad: options.maxOtherLoad, quietWait: options.quietWait, log });
    }
    if (options.profile && !options.startupOnly && options.tools.includes('nobackdoor')) {
      // The largest corpus that ran.
      // The largest corpus that ran; where the scanner ran out of time on it, the corpus's
      // profiling subset (one package) so that the profile ends in reasonable time.
      const target = [...results].sort((a, b) => b.stamp.files - a.stamp.files)[0];
      const subset = target.summary.nobackdoor?.timedOut ? target.spec.profileSubset : undefined;
      try {
        profile = await profileScanner(target, scratchRoot, options.profileTimeout, subset);
        if (subset) profile.note = `The scanner ran out of time on the whole ${target.name} corpus, so this profile is of its \`${subset}\` folder only.`;
      } catch (error) {
        log(`profile: ${error.message}`);
        profile = undefined;
      }
    }

    const sections = results.map((result) => ({ result, text: corpusSection(result, info, options) }));
    process.stdout.write(`\n${sections.map((s) => s.text).join('\n\n')}\n`);
    if (profile) process.stdout.write(`\nCPU profile of the scanner on ${profile.corpus}:\n\n${formatSummary(profile.summary)}\n`);
    if (startup) process.stdout.write(`\nStart-up:\n\n${startupSection(startup, info)}\n`);

    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(join(RESULTS, `results-${info.iso.replace(/[:.]/g, '-')}.json`), `${JSON.stringify({ info, options, results, profile, startup }, null, 2)}\n`);

    if (options.readme) {
      let text = existsSync(README) ? readFileSync(README, 'utf8') : '# nobackdoor benchmark\n';
      for (const { result, text: body } of sections) text = replaceBlock(text, `corpus:${result.name}`, body);
      if (profile) text = replaceBlock(text, 'profile', profileSection(profile, info));
      if (startup) text = replaceBlock(text, 'startup', startupSection(startup, info));
      writeFileSync(README, text);
      log(`wrote ${relative(REPO, README)}`);
    }
    // A run that ran out of time is a result (a lower bound), not a failure of the benchmark.
    const failed = results.flatMap((r) => Object.entries(r.summary).filter(([, s]) => !s.ok && !s.timedOut).map(([tool]) => `${r.name}/${tool}`));
    if (failed.length) {
      log(`failed: ${failed.join(', ')}`);
      process.exitCode = 1;
    }
  } finally {
    rmSync(scratchRoot, { recursive: true, force: true });
  }
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killRunning();
    process.stderr.write(`bench: stopped by ${signal}\n`);
    process.exit(130);
  });
}

main().catch((error) => {
  killRunning();
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(2);
});
