#!/usr/bin/env node
// What each rule file of the shipped pack costs on a corpus: the scanner runs once per rule file
// (`scan DIR --no-default-rules --rules FILE`), and once with a rule that matches nothing; a rule's
// cost is its run minus that baseline. CPU time (user + system) is the main figure because it is
// less disturbed by other load on the machine than wall time.
//
//   node bench/rule-cost.mjs [--corpus NAME] [--timeout S] [--top N] [--rules PATH] [--per-rule]
//
// --rules takes a folder (default: the shipped rules/) or one rule file. --per-rule runs each
// rule of a file on its own (written to a scratch file), for files that hold many rules such as
// bench/lib/taint-rules.yml; without it a file is one run.
//
// Run `npm run bench -- --smoke` (or the full bench) once first so that corpora exist.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { CORPORA, ensureCorpus } from './lib/corpora.mjs';
import { killRunning, measure } from './lib/measure.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const REPO = dirname(BENCH);
const CLI = join(REPO, 'dist', 'cli', 'main.js');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : args[i + 1];
};
const corpusName = option('--corpus', 'matrix-js-sdk');
const timeout = Number(option('--timeout', '120'));
const top = Number(option('--top', '0'));
const rulesPath = option('--rules', join(REPO, 'rules'));
const perRule = args.includes('--per-rule');
if (!CORPORA[corpusName]) {
  process.stderr.write(`unknown corpus ${corpusName}; known: ${Object.keys(CORPORA).join(', ')}\n`);
  process.exit(2);
}
const log = (line) => process.stderr.write(`[rule-cost] ${line}\n`);
const corpus = ensureCorpus(CORPORA[corpusName], join(BENCH, '.corpora'), log);

/** Rule files: YAML files with a top-level `rules:` key; a file given by name is taken as it is. */
function ruleFiles(path) {
  if (!statSync(path).isDirectory()) return [path];
  const out = [];
  for (const entry of readdirSync(path)) {
    const child = join(path, entry);
    if (statSync(child).isDirectory()) out.push(...ruleFiles(child));
    else if (/\.ya?ml$/.test(entry) && /^rules:/m.test(readFileSync(child, 'utf8'))) out.push(child);
  }
  return out.sort();
}

const scratch = mkdtempSync(join(tmpdir(), 'nobackdoor-rule-cost-'));

/** What to run: each rule file whole, or (--per-rule) each rule of it alone in a scratch file. */
function runs() {
  const out = [];
  for (const file of ruleFiles(rulesPath)) {
    const name = relative(REPO, file);
    if (!perRule) {
      out.push({ name, file });
      continue;
    }
    const rules = parse(readFileSync(file, 'utf8'))?.rules ?? [];
    rules.forEach((rule, index) => {
      const single = join(scratch, `rule-${out.length}.yml`);
      writeFileSync(single, stringify({ rules: [rule] }));
      out.push({ name: `${name}: ${rule?.id ?? `rule ${index + 1}`}`, file: single });
    });
  }
  return out;
}
process.once('SIGINT', () => {
  killRunning();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(130);
});

async function scanWith(rule, label) {
  const m = await measure([process.execPath, CLI, 'scan', corpus.dir, '--no-default-rules', '--rules', rule, '--format', 'json', '--quiet'], {
    cwd: REPO, scratch, label, env: { NO_COLOR: '1' }, timeoutSeconds: timeout,
  });
  let findings;
  let errors;
  if (!m.timedOut && (m.exitCode === 0 || m.exitCode === 1)) {
    try {
      const report = JSON.parse(readFileSync(m.stdoutFile, 'utf8'));
      findings = report.findings.length;
      errors = report.errors.length;
    } catch {
      // Reported as failed below.
    }
  }
  return { ...m, findings, errors };
}

try {
  const baseline = await scanWith(join(BENCH, 'lib', 'baseline-rule.yml'), 'baseline');
  log(`baseline: ${baseline.cpuSeconds?.toFixed(2)} s CPU, ${baseline.wallSeconds.toFixed(2)} s wall, ${(baseline.peakRssKiB / 1024).toFixed(0)} MiB`);
  const rows = [];
  for (const { name, file } of runs()) {
    const m = await scanWith(file, 'rule');
    const row = {
      rule: name,
      cpu: m.timedOut ? undefined : m.cpuSeconds - baseline.cpuSeconds,
      wall: m.timedOut ? undefined : m.wallSeconds - baseline.wallSeconds,
      rssMiB: m.peakRssKiB / 1024,
      findings: m.findings,
      errors: m.errors,
      status: m.timedOut ? `timed out (${timeout} s)` : m.findings === undefined ? `failed (exit ${m.exitCode})` : 'ok',
      otherCores: m.otherCores,
    };
    rows.push(row);
    log(`${name}: ${row.cpu === undefined ? '?' : `${row.cpu >= 0 ? '+' : ''}${row.cpu.toFixed(2)}`} s CPU, ${row.status}`);
  }
  rows.sort((a, b) => (b.cpu ?? Infinity) - (a.cpu ?? Infinity));
  const shown = top > 0 ? rows.slice(0, top) : rows;
  const lines = [
    `Corpus ${corpusName} (${corpus.stamp.files} files). Baseline (a rule that matches nothing): ${baseline.cpuSeconds?.toFixed(2)} s CPU, ${baseline.wallSeconds.toFixed(2)} s wall, ${(baseline.peakRssKiB / 1024).toFixed(0)} MiB.`,
    '',
    `| ${perRule ? 'rule' : 'rule file'} | + CPU s | + wall s | peak RSS MiB | findings | errors | status |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    ...shown.map((r) => `| ${r.rule} | ${r.cpu?.toFixed(2) ?? '–'} | ${r.wall?.toFixed(2) ?? '–'} | ${r.rssMiB.toFixed(0)} | ${r.findings ?? '–'} | ${r.errors ?? '–'} | ${r.status} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
