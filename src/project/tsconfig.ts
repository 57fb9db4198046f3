import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

/**
 * Required, not imported: the parser already loaded this CommonJS copy, and an ESM import would
 * make Node scan all 9 MB of it again for its export names on every start.
 */
const ts = createRequire(import.meta.url)('typescript') as typeof import('typescript');

/** The module-resolution part of a tsconfig chain: where bare specifiers may point. */
export interface PathMapping {
  /** Folder that `baseUrl` names, if any. */
  baseUrl?: string;
  /** `paths` entries with their targets made absolute. */
  paths: Array<{ pattern: string; targets: string[] }>;
}

const MAX_EXTENDS_DEPTH = 16;

/**
 * Reads tsconfig.json (comments and trailing commas allowed) and the configs it `extends`, the
 * way the compiler combines them: the nearest config's `baseUrl` and `paths` win, and `paths`
 * are relative to `baseUrl` when set, else to the config that declared them.
 */
export function readPathMapping(configFile: string): PathMapping {
  let baseUrl: string | undefined;
  let paths: PathMapping['paths'] | undefined;
  let pathsBase: string | undefined;
  const visited = new Set<string>();
  let pending: string[] = [configFile];
  for (let depth = 0; depth < MAX_EXTENDS_DEPTH && pending.length > 0; depth++) {
    const next: string[] = [];
    for (const file of pending) {
      if (visited.has(file)) continue;
      visited.add(file);
      const config = readConfig(file);
      if (!config) continue;
      const options = (config.compilerOptions ?? {}) as { baseUrl?: unknown; paths?: unknown };
      if (baseUrl === undefined && typeof options.baseUrl === 'string') baseUrl = resolve(dirname(file), options.baseUrl);
      if (paths === undefined && options.paths && typeof options.paths === 'object') {
        pathsBase = dirname(file);
        paths = Object.entries(options.paths as Record<string, unknown>).map(([pattern, targets]) => ({
          pattern,
          targets: Array.isArray(targets) ? targets.filter((target): target is string => typeof target === 'string') : [],
        }));
      }
      for (const parent of [config.extends ?? []].flat()) {
        if (typeof parent !== 'string') continue;
        const located = locateExtended(file, parent);
        if (located) next.push(located);
      }
    }
    pending = next;
  }
  const base = baseUrl ?? pathsBase ?? dirname(configFile);
  return {
    ...(baseUrl ? { baseUrl } : {}),
    paths: (paths ?? []).map(({ pattern, targets }) => ({ pattern, targets: targets.map((target) => resolve(base, target)) })),
  };
}

function readConfig(file: string): { compilerOptions?: unknown; extends?: unknown } | undefined {
  try {
    const parsed = ts.parseConfigFileTextToJson(file, readFileSync(file, 'utf8'));
    return parsed.error ? undefined : (parsed.config as { compilerOptions?: unknown; extends?: unknown });
  } catch {
    return undefined;
  }
}

function locateExtended(from: string, specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/')) {
    const direct = resolve(dirname(from), specifier);
    for (const candidate of [direct, `${direct}.json`, join(direct, 'tsconfig.json')]) if (existsSync(candidate) && !candidate.endsWith('/')) return candidate;
    return undefined;
  }
  try {
    return createRequire(from).resolve(specifier.endsWith('.json') ? specifier : `${specifier}/tsconfig.json`);
  } catch {
    try {
      return createRequire(from).resolve(specifier);
    } catch {
      return undefined;
    }
  }
}
