import ignore, { type Ignore } from 'ignore';
import type { ContextModel, EntryHit, EvidenceSide, EvidenceTier } from './context-model.js';
import { directives, importSpecifiers, usedGlobals } from './file-signals.js';
import { isTestPath, unclassifiedContext, type ContextEvidence, type FileContext, type FileSide, type Runtime } from './file-context.js';

/** A config override (`contexts:` in nobackdoor.config.yaml): later ones win. */
export interface ContextOverride {
  paths: readonly string[];
  context?: FileSide;
  test?: boolean;
}

/** What the classifier needs from the project layer. */
export interface ClassifierProject {
  /** Relative to the scan root, forward slashes. */
  displayPath(absolute: string): string;
  /** The scanned file an import specifier names, if any. */
  resolveImport(fromFile: string, specifier: string): string | undefined;
  /** The nearest package.json's dependencies and marker files. */
  packageOf(file: string): { manifest: string; dependencies: readonly string[]; markerFiles: readonly string[] } | undefined;
}

export interface ClassifiedInput {
  absolute: string;
  relative: string;
  /** Read when classified (texts are not all kept at once); undefined when the file cannot be read: it is then classified by its path and package only. */
  text(): string | undefined;
}

interface OwnFacts {
  relative: string;
  test: boolean;
  /** Evidence by tier, strongest first; only tiers with evidence. */
  tiers: Map<EvidenceTier, ContextEvidence[]>;
  imports: string[];
  /** The config made it unknown: no side is inferred for it. */
  pinned: boolean;
}

const MAX_IMPORTERS_SHOWN = 3;

/**
 * Classifies every scanned file as server, client, shared or unknown (docs/rules.md §12). The
 * strongest tier of evidence that a file has decides: the config, then file conventions and
 * directives, then its own imports and globals, then what the files that import it are (a module
 * used only by server code is server code), then weak evidence (database drivers, folder names),
 * then its package's dependencies. A file that both sides import is shared and runs on both.
 */
export function classifyFiles(inputs: readonly ClassifiedInput[], model: ContextModel, project: ClassifierProject, overrides: readonly ContextOverride[] = []): FileContexts {
  const overrideMatchers = overrides.map((override, index) => ({ override, index, matcher: ignore().add([...override.paths]) }));
  const facts = new Map<string, OwnFacts>();
  for (const input of inputs) facts.set(input.absolute, ownFacts(input, model, project, overrideMatchers));

  const decided = new Map<string, Decision>();
  for (const [file, fact] of facts) {
    const own = strongest(fact, ['config', 'convention', 'imports']);
    if (own) decided.set(file, own);
  }
  // Importers first from files with their own strong evidence, then from those decided by weak
  // evidence or their package: a file's own weak evidence loses only to importers that know more.
  propagate(facts, decided, project);
  for (const [file, fact] of facts) {
    if (decided.has(file) || fact.test) continue;
    const weak = strongest(fact, ['weak', 'package']);
    if (weak) decided.set(file, weak);
  }
  propagate(facts, decided, project);
  for (const [file, fact] of facts) {
    if (decided.has(file) || !fact.test || fact.pinned) continue;
    const tested = testedSide(fact, decided, project) ?? strongest(fact, ['weak', 'package']);
    if (tested) decided.set(file, tested);
  }

  const contexts = new Map<string, FileContext>();
  for (const [file, fact] of facts) {
    const decision = decided.get(file);
    contexts.set(fact.relative, decision ? { side: decision.side, test: fact.test, runsOn: decision.runsOn, evidence: decision.evidence } : { ...unclassifiedContext(fact.relative), test: fact.test });
  }
  return new FileContexts(contexts);
}

/** The classification of a scan's files, by path relative to the scan root. */
export class FileContexts {
  constructor(private readonly byPath: ReadonlyMap<string, FileContext>) {}

  /** A file the classifier did not see (read only for another file's facts) is unknown, test by its path. */
  of(relativePath: string): FileContext {
    return this.byPath.get(relativePath) ?? unclassifiedContext(relativePath);
  }

  entries(): IterableIterator<[string, FileContext]> {
    return this.byPath.entries();
  }
}

interface Decision {
  side: FileSide;
  runsOn: Runtime[];
  evidence: ContextEvidence[];
}

function ownFacts(input: ClassifiedInput, model: ContextModel, project: ClassifierProject, overrides: ReadonlyArray<{ override: ContextOverride; index: number; matcher: Ignore }>): OwnFacts {
  const tiers = new Map<EvidenceTier, ContextEvidence[]>();
  const add = (evidence: ContextEvidence) => {
    const list = tiers.get(evidence.tier);
    if (list) list.push(evidence);
    else tiers.set(evidence.tier, [evidence]);
  };
  const addHit = (hit: EntryHit) => add({ tier: hit.tier, side: hit.entry.side, selector: hit.selector, value: hit.value, entry: hit.entry.id });

  let test = isTestPath(input.relative);
  let context: FileSide | undefined;
  let contextIndex = -1;
  for (const { override, index, matcher } of overrides) {
    if (input.relative.startsWith('../') || !matcher.ignores(input.relative)) continue;
    if (override.test !== undefined) test = override.test;
    if (override.context !== undefined) {
      context = override.context;
      contextIndex = index;
    }
  }
  // The config says nothing is known about where this code runs: no evidence, and nothing passed on.
  if (context === 'unknown') return { relative: input.relative, test, tiers, imports: [], pinned: true };
  if (context !== undefined) add({ tier: 'config', side: context, selector: 'config', value: `contexts[${contextIndex}]` });

  for (const { entry, glob } of model.entriesForPath(input.relative)) addHit({ entry, tier: 'convention', selector: 'path', value: glob });
  const folder = model.entryForFolders(input.relative);
  if (folder) addHit({ entry: folder.entry, tier: 'weak', selector: 'folder', value: folder.folder });

  const imports: string[] = [];
  const text = input.text();
  if (text !== undefined) {
    for (const directive of directives(text)) {
      const entry = model.entryForDirective(directive);
      if (entry) addHit({ entry, tier: 'convention', selector: 'directive', value: directive });
    }
    const seen = new Set<string>();
    for (const { specifier, typeOnly } of importSpecifiers(text)) {
      if (!typeOnly) {
        const resolved = project.resolveImport(input.absolute, specifier);
        if (resolved) {
          imports.push(resolved);
          continue;
        }
      }
      if (seen.has(specifier)) continue;
      seen.add(specifier);
      const found = model.entryForImport(specifier);
      if (found) addHit({ entry: found.entry, tier: found.entry.weak ? 'weak' : 'imports', selector: 'import', value: specifier });
    }
    const globals = model.globals.map((global) => global.name);
    const used = new Set(usedGlobals(text, globals));
    for (const { name, entry } of model.globals) if (used.has(name)) addHit({ entry, tier: entry.weak ? 'weak' : 'imports', selector: 'global', value: name });
  }

  const owner = project.packageOf(input.absolute);
  if (owner) {
    const where = project.displayPath(owner.manifest);
    for (const dependency of owner.dependencies) {
      const entry = model.entryForDependency(dependency);
      if (entry) add({ tier: 'package', side: entry.side, selector: 'dependency', value: dependency, entry: entry.id, where });
    }
    for (const marker of owner.markerFiles) {
      const entry = model.packageFiles.get(marker);
      if (entry) add({ tier: 'package', side: entry.side, selector: 'package-file', value: marker, entry: entry.id, where });
    }
  }
  return { relative: input.relative, test, tiers, imports, pinned: false };
}

/** The decision of the strongest of the given tiers that has evidence. */
function strongest(fact: OwnFacts, tiers: readonly EvidenceTier[]): Decision | undefined {
  for (const tier of tiers) {
    const evidence = fact.tiers.get(tier);
    if (evidence?.length) return decide(evidence);
  }
  return undefined;
}

/** Sides of one tier's evidence: one side is that side; server and client together are shared code that runs on both. */
function decide(evidence: ContextEvidence[]): Decision {
  const sides = new Set<EvidenceSide>(evidence.map((item) => item.side));
  const runsOn: Runtime[] = (['server', 'client'] as const).filter((side) => sides.has(side));
  const side: FileSide = sides.size === 1 ? [...sides][0]! : 'shared';
  // A config `shared` says the code runs on both sides.
  if (evidence.every((item) => item.selector === 'config') && side === 'shared') return { side, runsOn: ['server', 'client'], evidence };
  return { side, runsOn, evidence };
}

/**
 * Fills in files with no decision from the files that import them, until nothing changes: a
 * file runs where its importers run. A file already decided as shared (by its folder, its
 * package) learns from its importers where it runs. Test files neither receive nor pass on a
 * side this way (a test importing a module does not make it shared).
 */
function propagate(facts: ReadonlyMap<string, OwnFacts>, decided: Map<string, Decision>, project: ClassifierProject): void {
  const fixed = new Set(decided.keys());
  const reached = new Map<string, { runsOn: Set<Runtime>; by: Map<string, FileSide> }>();
  const queue = [...fixed];
  for (let next = 0; next < queue.length; next++) {
    const file = queue[next]!;
    const fact = facts.get(file)!;
    if (fact.test) continue;
    const from = decided.get(file);
    if (!from || from.runsOn.length === 0) continue;
    for (const imported of fact.imports) {
      const target = facts.get(imported);
      if (imported === file || !target || target.test || target.pinned) continue;
      const current = decided.get(imported);
      if (fixed.has(imported)) {
        if (current?.side !== 'shared' || current.evidence[0]?.tier === 'config') continue;
        const runsOn = union(current.runsOn, from.runsOn);
        if (runsOn.length === current.runsOn.length) continue;
        const shown = current.evidence.filter((item) => item.selector === 'importer').length;
        const evidence = shown < MAX_IMPORTERS_SHOWN ? [...current.evidence, importerEvidence(file, from.side, project)] : current.evidence;
        decided.set(imported, { side: 'shared', runsOn, evidence });
        queue.push(imported);
        continue;
      }
      let state = reached.get(imported);
      if (!state) {
        state = { runsOn: new Set(), by: new Map() };
        reached.set(imported, state);
      }
      const before = state.runsOn.size;
      for (const runtime of from.runsOn) state.runsOn.add(runtime);
      if (state.by.size < MAX_IMPORTERS_SHOWN && !state.by.has(file)) state.by.set(file, from.side);
      if (state.runsOn.size !== before || !current) {
        decided.set(imported, importersDecision(state, project));
        queue.push(imported);
      }
    }
  }
}

function union(a: readonly Runtime[], b: readonly Runtime[]): Runtime[] {
  return (['server', 'client'] as const).filter((runtime) => a.includes(runtime) || b.includes(runtime));
}

function importerEvidence(importer: string, side: FileSide, project: ClassifierProject): ContextEvidence {
  return { tier: 'importers', side: side === 'unknown' ? 'shared' : side, selector: 'importer', value: project.displayPath(importer) };
}

function importersDecision(state: { runsOn: Set<Runtime>; by: Map<string, FileSide> }, project: ClassifierProject): Decision {
  const runsOn = union([...state.runsOn], []);
  const side: FileSide = runsOn.length === 2 ? 'shared' : runsOn[0]!;
  return { side, runsOn, evidence: [...state.by].map(([importer, importerSide]) => importerEvidence(importer, importerSide, project)) };
}

/** A test file without its own evidence is about the code it imports: a test of server code is server-side. */
function testedSide(fact: OwnFacts, decided: ReadonlyMap<string, Decision>, project: ClassifierProject): Decision | undefined {
  const runsOn = new Set<Runtime>();
  const evidence: ContextEvidence[] = [];
  for (const imported of fact.imports) {
    const decision = decided.get(imported);
    if (!decision || decision.runsOn.length === 0) continue;
    for (const runtime of decision.runsOn) runsOn.add(runtime);
    if (evidence.length < MAX_IMPORTERS_SHOWN) evidence.push({ tier: 'importers', side: decision.side === 'unknown' ? 'shared' : decision.side, selector: 'imported', value: project.displayPath(imported) });
  }
  if (runsOn.size === 0) return undefined;
  const ordered = (['server', 'client'] as const).filter((runtime) => runsOn.has(runtime));
  return { side: ordered.length === 2 ? 'shared' : ordered[0]!, runsOn: ordered, evidence };
}
