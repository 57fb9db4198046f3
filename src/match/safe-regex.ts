import { RE2JS } from 're2js';
import { memoized } from '../util/memo.js';
import { mayContain, requiredLiteral } from './required-literal.js';

/**
 * Regexes from rules run on RE2JS, a linear-time engine, so no rule can hang a scan. Its
 * syntax is RE2's: `(?i)` inline flags work; look-around and backreferences do not exist.
 */
export interface SafeRegex {
  source: string;
  /** The groups a match binds: `1`, `2`, … and the names of `(?P<NAME>…)`. */
  groupNames: string[];
  /** Every match in the text, with numbered and named groups. */
  findAll(text: string): RegexMatch[];
  /** True when the regex matches at the start of the text (Semgrep's metavariable-regex semantics). */
  matchesAtStart(text: string): boolean;
  test(text: string): boolean;
}

export interface RegexMatch {
  start: number;
  end: number;
  groups: Record<string, { start: number; end: number; text: string }>;
}

export class RegexSyntaxError extends Error {
  override readonly name = 'RegexSyntaxError';
}

const MAX_MATCHES_PER_FILE = 10_000;
const MAX_REMEMBERED_TEXTS = 20_000;

const compiledRegexes = new Map<string, SafeRegex>();
/** Regexes known to compile (the build compiled the shipped pack's), by key: their group names. */
const validRegexes = new Map<string, string[]>();

/** Compiled once per text and flags: rule packs repeat their regexes through YAML aliases and shared sinks. */
export function compileRegex(source: string, options: { multiline?: boolean } = {}): SafeRegex {
  const key = regexKey(source, options);
  return memoized(compiledRegexes, key, () => {
    const groupNames = validRegexes.get(key);
    const flags = options.multiline ? RE2JS.MULTILINE : 0;
    return groupNames ? safeRegex(source, flags, groupNames, () => RE2JS.compile(source, flags)) : compileNewRegex(source, flags);
  });
}

/** Every regex compiled so far, with its group names (the build stores the shipped pack's, see rules/precompiled.ts). */
export function regexesCompiledSoFar(): Array<[string, string[]]> {
  return [...compiledRegexes].map(([key, regex]) => [key, regex.groupNames]);
}

/**
 * Regexes that compiled before (when the shipped pack was built): they are compiled again only
 * when a rule first runs them, which most rules never do on a small scan.
 */
export function rememberValidRegexes(regexes: Iterable<[string, string[]]>): void {
  for (const [key, groupNames] of regexes) validRegexes.set(key, groupNames);
}

function regexKey(source: string, options: { multiline?: boolean }): string {
  return `${options.multiline ? 'm' : ''}\0${source}`;
}

function compileNewRegex(source: string, flags: number): SafeRegex {
  let regex: RE2JS;
  try {
    regex = RE2JS.compile(source, flags);
  } catch (error) {
    throw new RegexSyntaxError(explain(source, errorInUsersTerms(source, error)));
  }
  const named = Object.keys(regex.namedGroups());
  const numbered = Array.from({ length: regex.groupCount() }, (_, index) => String(index + 1));
  return safeRegex(source, flags, [...numbered, ...named], () => regex);
}

function safeRegex(source: string, flags: number, groupNames: string[], compile: () => RE2JS): SafeRegex {
  let compiled: RE2JS | undefined;
  const regex = () => (compiled ??= compile());
  let named: Array<[string, number]> | undefined;
  let literal: ReturnType<typeof requiredLiteral> | undefined;
  const mayMatch = (text: string) => mayContain((literal ??= requiredLiteral(source)), text);
  // Compiled on first use: most rules' regexes never meet a binding, and compiling costs start-up time.
  let anchored: RE2JS | undefined;
  // Deep patterns (`<... $X ...>`) test the same code texts many times; remember the answers.
  const startAnswers = new Map<string, boolean>();
  return {
    source,
    groupNames,
    findAll(text) {
      if (!mayMatch(text)) return [];
      const matcher = regex().matcher(text);
      named ??= Object.entries(regex().namedGroups());
      const matches: RegexMatch[] = [];
      while (matches.length < MAX_MATCHES_PER_FILE && matcher.find()) {
        const groups: RegexMatch['groups'] = {};
        for (let index = 1; index <= matcher.groupCount(); index++) {
          const start = matcher.start(index);
          if (start < 0) continue;
          groups[String(index)] = { start, end: matcher.end(index), text: matcher.group(index) ?? '' };
        }
        for (const [name, index] of named) {
          const group = groups[String(index)];
          if (group) groups[name] = group;
        }
        matches.push({ start: matcher.start(), end: matcher.end(), groups });
        if (matcher.end() === matcher.start() && matcher.end() >= text.length) break;
      }
      return matches;
    },
    matchesAtStart(text) {
      let answer = startAnswers.get(text);
      if (answer === undefined) {
        if (!mayMatch(text)) return false;
        if (startAnswers.size >= MAX_REMEMBERED_TEXTS) startAnswers.clear();
        anchored ??= RE2JS.compile(`^(?:${source})`, flags & ~RE2JS.MULTILINE);
        answer = anchored.matcher(text).lookingAt();
        startAnswers.set(text, answer);
      }
      return answer;
    },
    test(text) {
      if (!mayMatch(text)) return false;
      return regex().matcher(text).find();
    },
  };
}

/**
 * RE2JS reports a multi-line regex's error on the text `(?m)` + regex, a prefix the rule's author
 * never wrote; the same regex compiled without flags fails with the message in their own terms.
 */
function errorInUsersTerms(source: string, error: unknown): unknown {
  try {
    RE2JS.compile(source);
  } catch (plain) {
    return plain;
  }
  return error;
}

function explain(source: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/\(\?[=!<]/.test(source) && /Perl syntax/.test(message)) {
    return `regex "${source}" uses look-around, which RE2 syntax does not have: ${message}. Rewrite it, e.g. with pattern-not-regex or metavariable-regex.`;
  }
  if (/\\[1-9]/.test(source) && /escape/.test(message)) {
    return `regex "${source}" uses a backreference, which RE2 syntax does not have: ${message}. Rewrite it without one.`;
  }
  return `regex "${source}" is not valid RE2 syntax: ${message}`;
}
