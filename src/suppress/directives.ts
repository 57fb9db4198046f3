/**
 * Suppression comments, read from a file's text (no parsing):
 *
 *   // nobackdoor-ignore-next-line rule-a,rule-b until=2026-06-30 -- why this is acceptable
 *   call(); // nobackdoor-ignore rule-a -- why
 *
 * and, with --honor-nosemgrep, Semgrep's `// nosemgrep` and `// nosemgrep: rule-a, rule-b`.
 */
export interface Directive {
  /** The file, relative to the scan root. */
  file: string;
  /** The line the comment is on (1-based). */
  line: number;
  /** The lines whose findings it covers. */
  targets: number[];
  form: 'next-line' | 'same-line' | 'nosemgrep';
  /** Rule ids it names; empty for a bare `nosemgrep`, which covers every rule. */
  ruleIds: string[];
  reason?: string;
  /** YYYY-MM-DD: the last day it applies. */
  until?: string;
  /** What is wrong with how it is written, besides a missing reason (the directive is ignored). */
  invalid?: string;
}

const MARKER = /nobackdoor-ignore(-next-line)?(?=\s|$|\*\/)/;
const NOSEMGREP = /\bnosemgrep\b(?:\s*:\s*([\w.\-/, ]+))?/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Cheap check first: most files have no suppression comment at all. */
export function mayHaveDirectives(text: string, honorNosemgrep: boolean): boolean {
  return text.includes('nobackdoor-ignore') || (honorNosemgrep && text.includes('nosemgrep'));
}

export function parseDirectives(file: string, text: string, honorNosemgrep: boolean): Directive[] {
  if (!mayHaveDirectives(text, honorNosemgrep)) return [];
  const lines = text.split(/\r?\n/);
  const directives: Directive[] = [];
  for (const [index, line] of lines.entries()) {
    const comment = commentPart(line);
    if (comment === undefined) continue;
    const marker = MARKER.exec(comment);
    if (marker) {
      const nextLine = marker[1] !== undefined;
      const body = comment.slice(marker.index + marker[0].length).replace(/\*\/.*$/, '');
      directives.push({
        file,
        line: index + 1,
        targets: [nextLine ? nextCodeLine(lines, index) : index + 1],
        form: nextLine ? 'next-line' : 'same-line',
        ...parseBody(body),
      });
      continue;
    }
    if (!honorNosemgrep) continue;
    const semgrep = NOSEMGREP.exec(comment);
    if (!semgrep) continue;
    const ids = (semgrep[1] ?? '').split(',').map((id) => id.trim()).filter(Boolean);
    directives.push({ file, line: index + 1, targets: [index + 1, index + 2], form: 'nosemgrep', ruleIds: ids, reason: 'nosemgrep' });
  }
  return directives;
}

/** The comment on a line: after `//` or `/*`, or the whole line inside a block comment (` * …`). */
function commentPart(line: string): string | undefined {
  const slashes = line.indexOf('//');
  const block = line.indexOf('/*');
  const starts = [slashes, block].filter((position) => position >= 0);
  if (starts.length > 0) return line.slice(Math.min(...starts) + 2);
  return /^\s*\*/.test(line) ? line.replace(/^\s*\*/, '') : undefined;
}

/** A next-line comment skips over further suppression comments, so several can be stacked. */
function nextCodeLine(lines: readonly string[], index: number): number {
  let next = index + 1;
  while (next < lines.length && /^\s*(\/\/|\/\*|\*).*nobackdoor-ignore-next-line/.test(lines[next]!)) next++;
  return next + 1;
}

function parseBody(body: string): Pick<Directive, 'ruleIds' | 'reason' | 'until' | 'invalid'> {
  const separator = /(^|\s)--(\s|$)/.exec(body);
  const head = separator ? body.slice(0, separator.index) : body;
  const reason = separator ? body.slice(separator.index + separator[0].length).trim() : undefined;
  const ids: string[] = [];
  let until: string | undefined;
  let invalid: string | undefined;
  for (const token of head.trim().split(/\s+/).filter(Boolean)) {
    if (token.startsWith('until=')) {
      until = token.slice('until='.length);
      if (!isRealDate(until)) invalid = `"until=${until}" is not a date: write until=YYYY-MM-DD`;
      continue;
    }
    ids.push(...token.split(',').map((id) => id.trim()).filter(Boolean));
  }
  if (ids.length === 0) invalid ??= 'it names no rule: write the rule ids after the marker (nobackdoor-ignore-next-line RULE-ID -- reason)';
  return { ruleIds: ids, ...(reason ? { reason } : {}), ...(until ? { until } : {}), ...(invalid ? { invalid } : {}) };
}

function isRealDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}
