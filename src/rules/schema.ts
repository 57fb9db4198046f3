import { z } from 'zod';
import { SEARCH_MODE_FIELDS } from './modes/search.js';
import { TAINT_MODE_FIELDS } from './modes/taint.js';
import { metavariableReference } from '../match/operators/metavariable-schema.js';
import { CATEGORIES } from '../report/finding.js';
import { RULE_CONTEXTS } from '../context/file-context.js';
import { CONFIDENCES, SEVERITIES } from '../report/severity.js';

/**
 * The rule language's shape (docs/rules.md): a rule's own fields here, each operator's value in
 * its module under match/operators/. Semantics that a schema cannot say (exactly one operator per
 * formula, regex and pattern syntax, bound metavariables) are checked when rules are compiled,
 * where the error can name the line.
 */

const SEMGREP_SEVERITIES = ['ERROR', 'WARNING', 'INFO', 'INVENTORY', 'EXPERIMENT'] as const;
const spellings = (words: readonly string[]) =>
  words.flatMap((word) => [word.toLowerCase(), word.toUpperCase(), word[0]!.toUpperCase() + word.slice(1).toLowerCase()]);
const SEVERITY_SPELLINGS = [...new Set([...spellings(SEVERITIES), ...spellings(SEMGREP_SEVERITIES)])] as [string, ...string[]];
const CONFIDENCE_SPELLINGS = [...new Set(spellings(CONFIDENCES))] as [string, ...string[]];

const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'expected a kebab-case id such as "node-des-cipher" (lowercase letters, digits, "-" or ".")');

/** Semgrep accepts any id; ours are kebab-case (the pack lint insists), custom ones need only be plain words. */
const ruleId = z.string().regex(/^[A-Za-z0-9_.-]+$/, 'expected an id of letters, digits, "_", "-" or "." such as "node-des-cipher"');

export const LANGUAGES = ['typescript', 'javascript', 'ts', 'js', 'tsx', 'jsx'] as const;

const stringOrList = z.union([z.string(), z.array(z.string())]);

export const RULE = z.strictObject({
  id: ruleId,
  category: kebabId
    .optional()
    .meta({ description: `Shipped rules use one of: ${CATEGORIES.join(', ')}. Custom rules may name their own; default "custom".` }),
  severity: z.enum(SEVERITY_SPELLINGS).meta({ description: "critical|high|medium|low|info, or Semgrep's ERROR|WARNING|INFO" }),
  confidence: z.enum(CONFIDENCE_SPELLINGS).optional(),
  message: z.string().min(1),
  note: z.string().optional(),
  'fix-guidance': z.string().optional(),
  fix: z.string().optional(),
  metadata: z
    .looseObject({
      cwe: stringOrList.optional(),
      references: stringOrList.optional(),
      owasp: stringOrList.optional(),
      confidence: z.string().optional(),
      category: z.string().optional(),
    })
    .optional(),
  languages: z.array(z.enum(LANGUAGES)).min(1).optional(),
  paths: z
    .strictObject({ include: z.array(z.string()).optional(), exclude: z.array(z.string()).optional() })
    .optional(),
  context: z
    .union([z.enum(RULE_CONTEXTS), z.array(z.enum(RULE_CONTEXTS)).min(1)])
    .optional()
    .meta({ description: 'Run only on files of these contexts: server (and shared code that server code imports), client (likewise), shared, unknown, test.' }),
  'key-candidate': metavariableReference
    .optional()
    .meta({ description: 'A metavariable bound to key material: with scan --samples, its constant value is tried against the samples.' }),
  'report-at-definition': metavariableReference
    .optional()
    .meta({ description: 'A metavariable bound to a named value: matches are reported once, where that value is defined, with each use in the trace.' }),
  supersedes: z
    .array(ruleId)
    .optional()
    .meta({ description: 'Ids of more general rules: their findings are dropped where this rule reports the same code.' }),
  mode: z.enum(['search', 'taint']).optional(),
  options: z.looseObject({}).optional(),
  ...SEARCH_MODE_FIELDS,
  ...TAINT_MODE_FIELDS,
});
export type RuleDocument = z.infer<typeof RULE>;

export const RULE_FILE = z
  .strictObject({ rules: z.array(RULE).min(1) })
  .meta({ title: 'nobackdoor rule pack', description: 'A YAML file of rules: the same language for shipped and custom rules.' });

/** Semgrep operators we recognise but do not support: naming them beats "unknown key". */
export const UNSUPPORTED_SEMGREP_KEYS = new Set([
  'pattern-where-python',
  'metavariable-analysis',
  'match',
  'taint',
  'join',
  'extract',
  'dest-language',
  'generic',
  'r2c-internal-project-depends-on',
  'project-depends-on',
  'min-version',
  'max-version',
  'at-exit',
  'control',
  'not-conflicting',
  'taint_focus_on',
]);

export function normalizeSeverity(raw: string): (typeof SEVERITIES)[number] {
  if (raw === 'info') return 'info';
  const upper = raw.toUpperCase();
  if (upper === 'ERROR') return 'high';
  if (upper === 'WARNING') return 'medium';
  if (upper === 'INFO' || upper === 'INVENTORY' || upper === 'EXPERIMENT') return 'low';
  return raw.toLowerCase() as (typeof SEVERITIES)[number];
}
