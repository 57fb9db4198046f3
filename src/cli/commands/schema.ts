import { join } from 'node:path';
import { z } from 'zod';
import { CONFIG, MODEL_FILE, PACKAGE_ROOT, RULE_FILE } from '../../index.js';
import { oneOf, parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-code.js';
import { readTextIfExists, writeFileAtomic } from '../output.js';

const SCHEMAS = {
  rules: { schema: RULE_FILE, file: 'rules.schema.json' },
  config: { schema: CONFIG, file: 'config.schema.json' },
  models: { schema: MODEL_FILE, file: 'models.schema.json' },
} as const;
type SchemaName = keyof typeof SCHEMAS;
const NAMES = Object.keys(SCHEMAS) as SchemaName[];

const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas');

/** The JSON Schema text for editors, generated from the zod schemas the tool itself validates with. */
export function jsonSchemaText(name: SchemaName): string {
  return JSON.stringify(z.toJSONSchema(SCHEMAS[name].schema, { io: 'input' }), null, 2) + '\n';
}

const USAGE = `Usage: nobackdoor schema [rules|config|models] [--write | --check]

Prints the JSON Schema of rule files (default), of nobackdoor.config.yaml or of model files, for editors:
  # yaml-language-server: $schema=./node_modules/nobackdoor/schemas/rules.schema.json
  --write  regenerate the committed files in schemas/
  --check  exit 1 when a committed schema file is stale
`;

export const schemaCommand: Command = {
  name: 'schema',
  usage: USAGE,
  run(argv, io) {
    const { values, positionals } = parseCommandArgs('schema', argv, { write: { type: 'boolean' }, check: { type: 'boolean' } } as const);
    if (values.write || values.check) {
      let stale = 0;
      for (const name of NAMES) {
        const path = join(SCHEMA_DIR, SCHEMAS[name].file);
        const text = jsonSchemaText(name);
        if (values.write) writeFileAtomic(path, text);
        else if (readTextIfExists(path) !== text) {
          stale++;
          io.stderr.write(`${path} is stale: run "npm run schema"\n`);
        }
      }
      return stale > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    io.stdout.write(jsonSchemaText(oneOf('the schema name', positionals[0], NAMES, 'rules')));
    return EXIT_OK;
  },
};

