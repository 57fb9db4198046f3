// The benchmark corpora: published npm tarballs, fetched with `npm pack` (never `npm install`, so no
// install scripts run and nothing is resolved) and unpacked with `tar`, only their `src/` folders.
// Each corpus is cached under bench/.corpora/<name>/ (git-ignored) with a stamp file naming exactly
// what it was built from; a changed list below rebuilds it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { listSourceFiles } from './files.mjs';

/**
 * @typedef {{ name: string, version: string, dir: string }} PackageSpec
 * @typedef {{ name: string, description: string, packages: PackageSpec[], minFiles: number, size: 'small' | 'large', profileSubset?: string }} CorpusSpec
 */

// @theia/* packages. 1.75.0 where the registry has it. When this list was made (November 2026)
// 1.75.0 had been published for only 27 of Theia's packages (plugin-ext@1.75.0 itself depends
// on task@1.75.0, which the registry answers 404 for), and those 27 hold 1,619 source files under
// src/, short of the 2,500 needed. The rest of Theia's extensions are taken at 1.74.1, the
// previous release and their `latest` dist-tag. Pinned: the corpus is the same every time.
const THEIA_1_75_0 = [
  'ai-llamafile', 'ai-ollama', 'application-manager', 'application-package', 'cli', 'collaboration', 'core',
  'debug', 'editor', 'ffmpeg', 'file-search', 'filesystem', 'keymaps', 'localization-manager', 'markers',
  'monaco', 'navigator', 'ovsx-client', 'plugin-ext', 'preferences', 'property-view', 'request', 'scm',
  'search-in-workspace', 'terminal', 'workspace',
];
const THEIA_1_74_1 = [
  'ai-anthropic', 'ai-chat', 'ai-chat-ui', 'ai-claude-code', 'ai-code-completion', 'ai-codex', 'ai-copilot',
  'ai-core', 'ai-core-ui', 'ai-editor', 'ai-google', 'ai-history', 'ai-ide', 'ai-mcp', 'ai-mcp-server',
  'ai-mcp-ui', 'ai-openai', 'ai-scanoss', 'ai-terminal', 'bulk-edit', 'callhierarchy', 'console',
  'dev-container', 'editor-preview', 'external-terminal', 'getting-started', 'memory-inspector', 'messages',
  'metrics', 'mini-browser', 'notebook', 'outline-view', 'output', 'plugin-dev', 'plugin-ext-vscode',
  'process', 'remote', 'scm-extra', 'secondary-window', 'task', 'terminal-manager', 'test', 'timeline',
  'toolbar', 'typehierarchy', 'userstorage', 'variable-resolver', 'vsx-registry',
];

const theia = (names, version) => names.map((short) => ({ name: `@theia/${short}`, version, dir: `packages/${short}` }));

/** @type {Record<string, CorpusSpec>} */
export const CORPORA = {
  'matrix-js-sdk': {
    name: 'matrix-js-sdk',
    description: '`matrix-js-sdk@43.0.0` `src/`',
    packages: [{ name: 'matrix-js-sdk', version: '43.0.0', dir: '.' }],
    minFiles: 200,
    size: 'small',
  },
  theia: {
    name: 'theia',
    description: `\`src/\` of ${THEIA_1_75_0.length + THEIA_1_74_1.length} \`@theia/*\` packages (${THEIA_1_75_0.length} at 1.75.0, ${THEIA_1_74_1.length} at 1.74.1)`,
    packages: [...theia(THEIA_1_75_0, '1.75.0'), ...theia(THEIA_1_74_1, '1.74.1')],
    minFiles: 2500,
    size: 'large',
    // Profiled instead of the whole corpus when the scanner runs out of time on it.
    profileSubset: 'packages/core',
  },
  smoke: {
    name: 'smoke',
    description: '`@theia/request@1.75.0` `src/` (smoke test only)',
    packages: [{ name: '@theia/request', version: '1.75.0', dir: '.' }],
    minFiles: 3,
    size: 'small',
  },
};

const STAMP = '.bench-corpus.json';

export function corpusKey(spec) {
  return createHash('sha256').update(JSON.stringify(spec.packages)).digest('hex').slice(0, 16);
}

/**
 * Returns the corpus folder, building it first when it is missing or stale.
 * @param {CorpusSpec} spec
 * @param {string} cacheDir
 * @param {(line: string) => void} log
 */
export function ensureCorpus(spec, cacheDir, log) {
  const target = join(cacheDir, spec.name);
  const key = corpusKey(spec);
  const stampPath = join(target, STAMP);
  if (existsSync(stampPath)) {
    try {
      const stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
      if (stamp.key === key) return { dir: target, stamp };
    } catch {
      // Rebuilt below.
    }
    log(`corpus ${spec.name}: package list changed, rebuilding`);
  }
  mkdirSync(cacheDir, { recursive: true });
  const work = join(cacheDir, `.building-${spec.name}-${process.pid}`);
  rmSync(work, { recursive: true, force: true });
  const tarballs = join(work, 'tarballs');
  const tree = join(work, 'tree');
  mkdirSync(tarballs, { recursive: true });
  mkdirSync(tree, { recursive: true });

  log(`corpus ${spec.name}: npm pack ${spec.packages.length} package(s)`);
  const packed = run('npm', ['pack', '--json', '--pack-destination', tarballs, ...spec.packages.map((p) => `${p.name}@${p.version}`)], { cwd: work });
  /** @type {Array<{ name: string, version: string, filename: string, integrity: string }>} */
  const outputs = JSON.parse(packed);
  const byId = new Map(outputs.map((o) => [`${o.name}@${o.version}`, o]));

  const packages = [];
  for (const pkg of spec.packages) {
    const out = byId.get(`${pkg.name}@${pkg.version}`);
    if (!out) throw new Error(`npm pack did not return ${pkg.name}@${pkg.version}`);
    const dest = join(tree, pkg.dir);
    mkdirSync(dest, { recursive: true });
    // Only package/src/ is kept: the TypeScript the authors wrote, not the compiled lib/.
    run('tar', ['-xzf', join(tarballs, out.filename), '-C', dest, '--strip-components=1', 'package/src']);
    packages.push({ name: pkg.name, version: pkg.version, dir: pkg.dir, integrity: out.integrity });
  }
  // The corpus root stands for the root of a checkout: an (empty) .git folder tells the scanner
  // not to apply the .gitignore files above it (this repository's ignores bench/.corpora/).
  mkdirSync(join(tree, '.git'), { recursive: true });

  const files = listSourceFiles(tree);
  const stats = summarise(files);
  if (stats.tsFiles < spec.minFiles) {
    throw new Error(`corpus ${spec.name} has ${stats.tsFiles} .ts/.tsx files, fewer than the ${spec.minFiles} required`);
  }
  const stamp = { key, builtAt: new Date().toISOString(), packages, ...stats };
  writeFileSync(join(tree, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(tree, target);
  rmSync(work, { recursive: true, force: true });
  log(`corpus ${spec.name}: ${stats.files} files (${stats.tsFiles} .ts/.tsx), ${stats.lines} lines`);
  return { dir: target, stamp };
}

/** Files and lines by kind, for the README. */
export function summarise(files) {
  let lines = 0;
  let bytes = 0;
  let tsFiles = 0;
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    bytes += Buffer.byteLength(text);
    lines += countLines(text);
    if (/\.(ts|tsx|mts|cts)$/i.test(file)) tsFiles++;
  }
  return { files: files.length, tsFiles, otherFiles: files.length - tsFiles, lines, bytes };
}

function countLines(text) {
  if (text.length === 0) return 0;
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.endsWith('\n') ? n : n + 1;
}

export function removeStaleBuilds(cacheDir) {
  if (!existsSync(cacheDir)) return;
  for (const entry of readdirSync(cacheDir)) {
    const match = /^\.building-.+-(\d+)$/.exec(entry);
    if (match && !isAlive(Number(match[1]))) rmSync(join(cacheDir, entry), { recursive: true, force: true });
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error) throw new Error(`${command} ${args.slice(0, 3).join(' ')} …: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.slice(0, 3).join(' ')} … exited ${result.status}: ${result.stderr.trim().split('\n').slice(-5).join('\n')}`);
  }
  return result.stdout;
}
