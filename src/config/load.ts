import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeIssue } from '../rules/describe-issue.js';
import { isProblem, readYaml } from '../rules/yaml-source.js';
import { CONFIG, type Config } from './schema.js';

import { CONFIG_FILE_NAME } from './file-name.js';

export { CONFIG_FILE_NAME };

export interface LoadedConfig {
  config: Config;
  /** Folder that relative paths in the config are resolved from. */
  base: string;
  file?: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Finds `nobackdoor.config.yaml` in `start` or the nearest folder above it. */
export function findConfig(start: string): string | undefined {
  for (let folder = resolve(start); ; folder = dirname(folder)) {
    const candidate = join(folder, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

export function loadConfig(file: string | undefined, fallbackBase: string): LoadedConfig {
  if (!file) return { config: {}, base: fallbackBase };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the config file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const yaml = readYaml(file, text);
  if (isProblem(yaml)) throw new ConfigError(`${yaml.file}:${yaml.line}:${yaml.column}: ${yaml.message}`);
  const parsed = CONFIG.safeParse(yaml.data ?? {}, { reportInput: true });
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const { path, key, message } = describeIssue(issue, [], CONFIG);
      const position = yaml.locate(path, key);
      return `${file}:${position.line}:${position.column}: ${message}`;
    });
    throw new ConfigError(`invalid config file:\n${lines.join('\n')}`);
  }
  return { config: parsed.data, base: dirname(file), file };
}
