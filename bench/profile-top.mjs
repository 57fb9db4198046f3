#!/usr/bin/env node
// Prints the functions with the most self time in a V8 .cpuprofile (from `node --cpu-prof`).
// Usage: node bench/profile-top.mjs FILE.cpuprofile [--top N] [--json]
//        node bench/profile-top.mjs FILE.cpuprofile --callers PACKAGE [--top N]
//        (time inside PACKAGE, e.g. re2js, charged to the first frame outside it)
// Self time of a function = the sampling intervals whose top frame is that function, summed over
// every call path it appears on. Lines and columns are shown 1-based.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * @param {{ nodes: Array<{ id: number, callFrame: { functionName: string, url: string, lineNumber: number, columnNumber: number }, children?: number[] }>, samples: number[], timeDeltas: number[], startTime: number, endTime: number }} profile
 * @param {{ top?: number, root?: string }} [options]
 */
export function summariseProfile(profile, options = {}) {
  const top = options.top ?? 25;
  const root = options.root ?? process.cwd();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  // timeDeltas[i] is the time between sample i-1 and sample i; charge it to sample i's node,
  // which is what Chrome DevTools does.
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + Math.max(0, profile.timeDeltas[i] ?? 0));
  }
  const totalMicros = [...selfMicros.values()].reduce((a, b) => a + b, 0);

  const functions = new Map();
  const groups = new Map();
  for (const [id, micros] of selfMicros) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    const where = location(frame, root);
    const name = frame.functionName || (frame.url ? '(anonymous)' : '');
    const label = name || where.file; // (program), (garbage collector), (idle)
    const key = `${label}\u0000${where.text}`;
    const entry = functions.get(key) ?? { function: label, location: where.text, selfMs: 0 };
    entry.selfMs += micros / 1000;
    functions.set(key, entry);
    // Frames without a URL are V8 builtins and native bindings (readFileUtf8, openFileHandle…),
    // or the pseudo-frames (garbage collector), (program) and (idle), kept by name.
    const group = groupOf(frame.url, root) || (label.startsWith('(') ? label : '(native code)');
    groups.set(group, (groups.get(group) ?? 0) + micros / 1000);
  }
  const totalMs = totalMicros / 1000;
  const rows = [...functions.values()].sort((a, b) => b.selfMs - a.selfMs).slice(0, top)
    .map((row) => ({ ...row, selfMs: round(row.selfMs), percent: round((100 * row.selfMs) / totalMs) }));
  const byGroup = [...groups.entries()].sort((a, b) => b[1] - a[1])
    .map(([group, ms]) => ({ group, selfMs: round(ms), percent: round((100 * ms) / totalMs) }));
  return { totalMs: round(totalMs), wallMs: round((profile.endTime - profile.startTime) / 1000), samples: profile.samples.length, top: rows, byGroup };
}

/**
 * Time spent inside `group` (a package name as in byGroup, e.g. "re2js"), charged to the first
 * frame outside it on the stack: which of our functions call into the expensive library.
 */
export function callersInto(profile, group, options = {}) {
  const root = options.root ?? process.cwd();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inGroup = (node) => groupOf(node.callFrame.url, root) === group;
  const totals = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    let node = byId.get(profile.samples[i]);
    if (!node || !inGroup(node)) continue;
    const micros = Math.max(0, profile.timeDeltas[i] ?? 0);
    total += micros;
    while (node && inGroup(node)) node = byId.get(parent.get(node.id));
    const key = node ? `${node.callFrame.functionName || '(anonymous)'} ${location(node.callFrame, root).text}` : '(root)';
    totals.set(key, (totals.get(key) ?? 0) + micros);
  }
  return { group, totalMs: round(total / 1000), callers: [...totals.entries()].sort((a, b) => b[1] - a[1]).slice(0, options.top ?? 10).map(([caller, micros]) => ({ caller, ms: round(micros / 1000) })) };
}

function location(frame, root) {
  if (!frame.url) return { file: '', text: '' };
  const file = displayPath(frame.url, root);
  return { file, text: `${file}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` };
}

function displayPath(url, root) {
  let path = url;
  if (url.startsWith('file://')) {
    try {
      path = fileURLToPath(url);
    } catch {
      return url;
    }
  }
  if (path.startsWith('/')) {
    const rel = relative(root, path);
    return rel.startsWith('..') ? path : rel;
  }
  return path;
}

/** Which code the time went to: a package in node_modules, the scanner's own dist/, or node: internals. */
function groupOf(url, root) {
  if (!url) return '';
  if (url.startsWith('node:')) return 'node: internals';
  const path = displayPath(url, root);
  const nm = path.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const dist = /(?:^|\/)dist\/([^/]+)\//.exec(path);
  if (dist) return `nobackdoor dist/${dist[1]}/`;
  return path;
}

function round(n) {
  return Math.round(n * 10) / 10;
}

export function formatSummary(summary) {
  const lines = [];
  lines.push(`sampled ${summary.totalMs} ms in ${summary.samples} samples (profile wall ${summary.wallMs} ms)`);
  lines.push('');
  lines.push('| # | self ms | self % | function | location |');
  lines.push('| ---: | ---: | ---: | --- | --- |');
  summary.top.forEach((row, i) => lines.push(`| ${i + 1} | ${row.selfMs} | ${row.percent} | \`${row.function}\` | ${row.location ? `\`${row.location}\`` : ''} |`));
  lines.push('');
  lines.push('Self time by package or folder:');
  lines.push('');
  lines.push('| where | self ms | self % |');
  lines.push('| --- | ---: | ---: |');
  for (const group of summary.byGroup.slice(0, 12)) lines.push(`| ${group.group} | ${group.selfMs} | ${group.percent} |`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const file = args.find((a) => a.endsWith('.cpuprofile'));
  const topIndex = args.indexOf('--top');
  const top = topIndex === -1 ? 25 : Number(args[topIndex + 1]);
  if (!file || !Number.isInteger(top) || top <= 0) {
    process.stderr.write('usage: node bench/profile-top.mjs FILE.cpuprofile [--top N] [--json] [--callers PACKAGE]\n');
    process.exit(2);
  }
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const callersIndex = args.indexOf('--callers');
  if (callersIndex !== -1) {
    const result = callersInto(profile, args[callersIndex + 1], { top });
    if (args.includes('--json')) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      process.stdout.write(`${result.totalMs} ms inside ${result.group}, by the first calling frame outside it:\n`);
      for (const { caller, ms } of result.callers) process.stdout.write(`${String(ms).padStart(10)} ms  ${caller}\n`);
    }
  } else {
    const summary = summariseProfile(profile, { top });
    process.stdout.write(args.includes('--json') ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary)}\n`);
  }
}
