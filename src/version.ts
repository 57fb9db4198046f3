import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The package root, from which the embedded default rule pack and schemas are found. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../', import.meta.url));

export const TOOL_VERSION: string = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;
