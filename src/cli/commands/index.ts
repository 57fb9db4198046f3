import { CONFIG_FILE_NAME } from '../../essentials.js';
import type { CommandEntry } from '../command.js';

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'scan',
    summary: 'scan source files for escrow, plaintext logging, weak crypto and server-side key access',
    load: async () => (await import('./scan.js')).scanCommand,
  },
  {
    name: 'baseline',
    summary: 'write the fingerprints of the current findings, so scans report only new ones',
    load: async () => (await import('./baseline.js')).baselineCommand,
  },
  { name: 'merge', summary: 'join the SARIF or JSON reports of sharded scans into one', load: async () => (await import('./merge.js')).mergeCommand },
  { name: 'init', summary: `write a commented starter ${CONFIG_FILE_NAME}`, load: async () => (await import('./init.js')).initCommand },
  {
    name: 'test',
    summary: "run rules against their annotated test files (Semgrep's --test format)",
    load: async () => (await import('./test.js')).testCommand,
  },
  { name: 'rules', summary: 'list, explain or validate rules', load: async () => (await import('./rules.js')).rulesCommand },
  {
    name: 'schema',
    summary: 'print the JSON Schema of rule files, model files or the config file',
    load: async () => (await import('./schema.js')).schemaCommand,
  },
  {
    name: 'inspect',
    summary: 'check sample ciphertexts for escrow recipients, nonce reuse and weak formats',
    load: async () => (await import('./inspect.js')).inspectCommand,
  },
];
