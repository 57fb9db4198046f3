import { z } from 'zod';
import { SEVERITIES } from '../report/severity.js';

/** The words in lower, upper and title case: values are accepted in any case, as on the command line. */
function anyCase(words: readonly string[]) {
  const spellings = words.flatMap((word) => [word, word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1)]);
  return z.enum([...new Set(spellings)] as [string, ...string[]]);
}

const RULE_SETTINGS = z.record(z.string(), anyCase([...SEVERITIES, 'off']));

/** `nobackdoor.config.yaml`: every key optional; command-line flags and NOBACKDOOR_* variables win over it. */
export const CONFIG = z
  .strictObject({
    rules: z.array(z.string()).optional().meta({ description: 'Extra rule files or folders, relative to this file.' }),
    'default-rules': z.boolean().optional().meta({ description: 'Run the shipped rule pack (default true).' }),
    include: z.array(z.string()).optional().meta({ description: 'Only scan files matching these gitignore-style globs.' }),
    exclude: z.array(z.string()).optional().meta({ description: 'Never scan files matching these gitignore-style globs.' }),
    'fail-on': anyCase([...SEVERITIES, 'none']).optional().meta({ description: 'Lowest severity that makes the scan exit 1 (default low).' }),
    'max-file-size': z.union([z.number().int().positive(), z.string().regex(/^\d+\s*(b|k|kb|kib|m|mb|mib)?$/i)]).optional(),
    'match-budget': z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'Matcher steps one search rule may spend on one file before it stops there with a match-budget warning (default 20,000,000).' }),
    'test-severity': anyCase(['lower', 'same']).optional().meta({ description: 'Report findings in test code one severity lower (default) or the same.' }),
    'scan-minified': z.boolean().optional(),
    cache: z.boolean().optional().meta({ description: 'Reuse per-file results of earlier scans whose inputs did not change (default true).' }),
    'cache-dir': z.string().optional().meta({ description: 'Folder of the result cache, relative to this file (default $XDG_CACHE_HOME/nobackdoor or ~/.cache/nobackdoor).' }),
    'cache-max-size': z
      .union([z.number().int().positive(), z.string().regex(/^\d+\s*(b|k|kb|kib|m|mb|mib)?$/i)])
      .optional()
      .meta({ description: 'Size cap of the result cache, e.g. 512m (default); the least recently used entries are removed beyond it.' }),
    'default-excludes': z
      .boolean()
      .optional()
      .meta({ description: 'Skip dependency and build folders (node_modules, dist, …) and *.min.js files (default true).' }),
    strict: z.boolean().optional().meta({ description: 'Exit 2 when a file could not be analysed, or a suppression or baseline entry is broken or unused.' }),
    baseline: z.string().optional().meta({ description: 'Report only findings not in this baseline file (relative to this file); see "nobackdoor baseline create".' }),
    'honor-nosemgrep': z.boolean().optional().meta({ description: "Also honour Semgrep's nosemgrep comments (default false)." }),
    'rule-severity': RULE_SETTINGS.optional().meta({
      description: 'Per rule id (or "*" for every rule): another severity, or off to not run the rule.',
      examples: [{ 'weak-hash-md5-sha1-inventory': 'off', 'node-ecb-mode': 'critical' }],
    }),
    policies: z
      .array(
        z.strictObject({
          paths: z.array(z.string()).min(1).meta({ description: 'gitignore-style globs, relative to the scan root.' }),
          'rule-severity': RULE_SETTINGS.meta({ description: 'Per rule id (or "*"): a severity, or off, for the matching files.' }),
        }),
      )
      .optional()
      .meta({ description: 'Rule settings for some paths; a later policy wins over earlier ones and over rule-severity.' }),
    contexts: z
      .array(
        z
          .strictObject({
            paths: z.array(z.string()).min(1).meta({ description: 'gitignore-style globs, relative to the scan root.' }),
            context: anyCase(['server', 'client', 'shared', 'unknown']).optional().meta({ description: 'Where this code runs, whatever its imports, importers, folders or package say.' }),
            test: z.boolean().optional().meta({ description: 'Whether it is test code, whatever its path says.' }),
          })
          .refine((override) => override.context !== undefined || override.test !== undefined, { message: 'give "context", "test" or both' }),
      )
      .optional()
      .meta({ description: 'Where code runs for some paths, overriding the file-context classifier; a later entry wins.' }),
  })
  .meta({ title: 'nobackdoor configuration' });

export type Config = z.infer<typeof CONFIG>;
