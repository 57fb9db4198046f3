import { z } from 'zod';
import type { Formula, RangeMatch } from '../match/formula.js';
import type { MatchContext } from '../match/match-context.js';
import { anyOf, type Prefilter } from '../match/prefilter.js';
import { EMPTY_STATE } from '../match/state.js';
import { namesOfWrittenType } from '../match/type-names.js';
import { metavariableReference } from '../match/operators/metavariable-schema.js';
import { CompileProblem, FORMULA_ITEM, FORMULA_KEYS, formulaCompiler, type Path } from '../match/operators/index.js';
import { CONFIDENCES, SEVERITIES, type Confidence, type Severity } from '../report/severity.js';
import { closestWord } from '../text/suggest.js';
import { compileContextEntry, CONTEXT_GROUP, ContextModel, type ContextEntry } from '../context/context-model.js';
import type { RuleProblem } from './compiled-rule.js';
import { describeIssue } from './describe-issue.js';
import type { YamlSource } from './yaml-source.js';

const kebab = /^[a-z0-9]+(?:[-.][a-z0-9]+)*$/;

const FIELD_PATH = z.string().regex(/^[A-Za-z_$#][\w$]*(\.[A-Za-z_$#][\w$]*)*$/, 'a field path such as "privateKey" or "keys.private"');

const ENTRY = z.strictObject({
  id: z.string().regex(kebab, 'a kebab-case id such as "node-generate-key-pair"'),
  description: z.string().optional(),
  pattern: z.string().optional(),
  patterns: z.array(FORMULA_ITEM).optional(),
  'pattern-either': z.array(FORMULA_ITEM).optional(),
  'pattern-regex': z.string().optional(),
  label: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'a label such as "KEY"').optional(),
  requires: z.string().optional(),
  exact: z.boolean().optional(),
  'by-side-effect': z.union([z.boolean(), z.literal('only')]).optional(),
  confidence: z.enum(CONFIDENCES).optional().meta({ description: 'How sure a match of this entry is; findings resting on it are no surer.' }),
  severity: z.enum(SEVERITIES).optional().meta({ description: 'Sources: findings resting on this entry are at most this severe (a name-only source proves less).' }),
  from: metavariableReference.optional(),
  to: metavariableReference.optional(),
  type: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .meta({ description: 'Instead of a pattern: every variable, parameter or field whose declared type (or constructor) is one of these, such as CryptoKey or KeyObject.' }),
  field: z
    .union([FIELD_PATH, z.array(FIELD_PATH).min(1)])
    .optional()
    .meta({ description: 'Sources: only this field (or these fields) of the matched value is tainted (a key pair\'s privateKey, not its publicKey; a request body\'s password and passphrase).' }),
});

const KIND = z.strictObject({
  kind: z.string().regex(kebab, 'a kebab-case kind such as "log-sink"'),
  description: z.string().optional(),
  entries: z.array(ENTRY).min(1),
});

export const MODEL_FILE = z
  .strictObject({
    models: z.array(KIND).optional(),
    contexts: z.array(CONTEXT_GROUP).optional().meta({ description: 'Where code runs: imports, conventions, folders, globals and package dependencies that make a file server, client or shared code.' }),
    disable: z.array(z.string()).optional().meta({ description: 'Ids of entries (shipped or yours) that no rule should use.' }),
  })
  .meta({ title: 'nobackdoor model file', description: 'Library knowledge as data: named kinds of sources, sinks, sanitizers and propagators that taint rules refer to, and the evidence of where code runs.' });

type EntryDocument = z.infer<typeof ENTRY>;

/** One entry of a kind: a formula and how a rule should use it. */
export interface ModelEntry {
  id: string;
  kind: string;
  formula: Formula;
  label?: string;
  requires?: string;
  exact?: boolean;
  bySideEffect?: boolean | 'only';
  confidence?: Confidence;
  severity?: Severity;
  from?: string;
  to?: string;
  /** Field paths of the matched value that are tainted (each a list of names). */
  fields?: string[][];
  origin: { file: string; line: number; column: number };
}

/** Every kind the loaded model files define, with the entries that are not disabled. */
export class ModelRegistry {
  private readonly byKind = new Map<string, ModelEntry[]>();
  private readonly byId = new Map<string, ModelEntry | ContextEntry>();
  private readonly contextEntries: ContextEntry[] = [];
  private readonly disabled = new Set<string>();
  private readonly disableRequests: Array<{ id: string; file: string; line: number; column: number }> = [];

  /** Reads one model file; its problems are returned, its valid entries kept. */
  add(source: YamlSource): RuleProblem[] {
    const problems: RuleProblem[] = [];
    const parsed = source.validated ? { success: true as const, data: source.data as z.infer<typeof MODEL_FILE> } : MODEL_FILE.safeParse(source.data, { reportInput: true });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { path, key, message } = describeIssue(issue, [], MODEL_FILE);
        problems.push({ file: source.file, ...source.locate(path, key), message });
      }
      return problems;
    }
    (parsed.data.models ?? []).forEach((kind, kindIndex) => {
      kind.entries.forEach((entry, entryIndex) => {
        const path: Path = ['models', kindIndex, 'entries', entryIndex];
        try {
          this.addEntry(kind.kind, entry, path, source);
        } catch (error) {
          if (!(error instanceof CompileProblem)) throw error;
          problems.push({ file: source.file, ...source.locate(error.path), message: error.message });
        }
      });
    });
    (parsed.data.contexts ?? []).forEach((group, groupIndex) => {
      group.entries.forEach((entry, entryIndex) => {
        const path: Path = ['contexts', groupIndex, 'entries', entryIndex];
        const earlier = this.byId.get(entry.id);
        if (earlier) {
          problems.push({ file: source.file, ...source.locate([...path, 'id']), message: duplicateEntry(entry.id, earlier) });
          return;
        }
        const compiled = compileContextEntry(group.side, entry, { file: source.file, ...source.locate(path) });
        this.byId.set(entry.id, compiled);
        this.contextEntries.push(compiled);
      });
    });
    (parsed.data.disable ?? []).forEach((id, index) => {
      this.disabled.add(id);
      this.disableRequests.push({ id, file: source.file, ...source.locate(['disable', index]) });
    });
    return problems;
  }

  private addEntry(kind: string, entry: EntryDocument, path: Path, source: YamlSource): void {
    const earlier = this.byId.get(entry.id);
    if (earlier) throw new CompileProblem(duplicateEntry(entry.id, earlier), [...path, 'id']);
    const keys = FORMULA_KEYS.filter((key) => entry[key] !== undefined);
    if (keys.length + (entry.type === undefined ? 0 : 1) !== 1) throw new CompileProblem(`model entry "${entry.id}" needs exactly one of ${FORMULA_KEYS.join(', ')}, type`, path);
    const formula = entry.type !== undefined ? new WrittenTypeFormula(([] as string[]).concat(entry.type)) : formulaCompiler.positive({ [keys[0]!]: entry[keys[0]!] }, path);
    const compiled: ModelEntry = {
      id: entry.id,
      kind,
      formula,
      ...(entry.label ? { label: entry.label } : {}),
      ...(entry.requires ? { requires: entry.requires } : {}),
      ...(entry.exact !== undefined ? { exact: entry.exact } : {}),
      ...(entry['by-side-effect'] !== undefined ? { bySideEffect: entry['by-side-effect'] } : {}),
      ...(entry.confidence ? { confidence: entry.confidence } : {}),
      ...(entry.severity ? { severity: entry.severity } : {}),
      ...(entry.from ? { from: entry.from } : {}),
      ...(entry.to ? { to: entry.to } : {}),
      ...(entry.field ? { fields: ([] as string[]).concat(entry.field).map((path) => path.split('.')) } : {}),
      origin: { file: source.file, ...source.locate(path) },
    };
    this.byId.set(entry.id, compiled);
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), compiled]);
  }

  /** A disable that names no entry is a mistake worth reporting (a typo would silently disable nothing). */
  unknownDisables(): RuleProblem[] {
    return this.disableRequests
      .filter((request) => !this.byId.has(request.id))
      .map((request) => {
        const suggestion = closestWord(request.id, [...this.byId.keys()]);
        return { file: request.file, line: request.line, column: request.column, message: `disable names no model entry "${request.id}"${suggestion ? `; did you mean "${suggestion}"?` : ''}` };
      });
  }

  /** The enabled entries of a kind; an unknown kind is a rule error that names the known ones. */
  entries(kind: string, path: Path): ModelEntry[] {
    const entries = this.byKind.get(kind);
    if (!entries) {
      const suggestion = closestWord(kind, this.kinds());
      throw new CompileProblem(
        `unknown model kind "${kind}"${suggestion ? `; did you mean "${suggestion}"?` : ''} (kinds: ${this.kinds().join(', ') || 'none loaded'})`,
        path,
      );
    }
    return entries.filter((entry) => !this.disabled.has(entry.id));
  }

  kinds(): string[] {
    return [...this.byKind.keys()].sort();
  }

  allEntries(): ModelEntry[] {
    return [...this.byId.values()].filter((entry): entry is ModelEntry => 'formula' in entry);
  }

  /** The file-context model: the enabled `contexts:` entries of every model file. */
  contextModel(): ContextModel {
    return new ContextModel(this.contextEntries.filter((entry) => !this.disabled.has(entry.id)));
  }
}

function duplicateEntry(id: string, earlier: { origin: { file: string; line: number } }): string {
  return `duplicate model entry id "${id}" (first defined at ${earlier.origin.file}:${earlier.origin.line}); to replace a shipped entry, disable it and add yours under another id`;
}

/** A model entry's `type:`: reads of names whose written type is one of the given (see match/type-names.ts). */
class WrittenTypeFormula implements Formula {
  readonly prefilter: Prefilter;
  readonly binds: ReadonlySet<string> = new Set();

  constructor(private readonly types: readonly string[]) {
    // A file's words include the type names its annotations write (lang/file-facts.ts).
    this.prefilter = anyOf(types.map((type): Prefilter => (words) => words.has(type.split('.').at(-1)!)));
  }

  compute(context: MatchContext): RangeMatch[] {
    return namesOfWrittenType(context.facts, this.types).map((node) => ({ range: node.range, state: EMPTY_STATE }));
  }
}

/** A YAML file holds models when its top level has `models:`, `contexts:` or `disable:` and no `rules:`. */
export function isModelFile(data: unknown): boolean {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return false;
  const keys = Object.keys(data);
  return !keys.includes('rules') && (keys.includes('models') || keys.includes('contexts') || keys.includes('disable'));
}
