/**
 * Semgrep's test annotations (docs/rules.md §7): a comment naming rule ids, applying to the next
 * line of code, or to its own line when it trails code.
 */
export const ANNOTATION_KINDS = ['ruleid', 'ok', 'todoruleid', 'todook'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export interface Annotation {
  kind: AnnotationKind;
  ruleId: string;
  /** The 1-based line the annotation is about. */
  line: number;
  /** Where the annotation itself is written. */
  annotationLine: number;
}

const COMMENT = /(?:\/\/|\/\*|\{\s*\/\*|#)\s*(ruleid|ok|todoruleid|todook)\s*:\s*([A-Za-z0-9_.\-]+(?:\s*,\s*[A-Za-z0-9_.\-]+)*)\s*(?:\*\/\s*\}?)?\s*$/;

export function parseAnnotations(text: string): Annotation[] {
  const lines = text.split(/\r?\n/);
  const annotations: Annotation[] = [];
  let pending: Array<Omit<Annotation, 'line'>> = [];
  lines.forEach((content, index) => {
    const lineNumber = index + 1;
    const match = COMMENT.exec(content);
    if (match) {
      const before = content.slice(0, match.index).trim();
      const found = match[2]!.split(',').map((ruleId) => ({ kind: match[1] as AnnotationKind, ruleId: ruleId.trim(), annotationLine: lineNumber }));
      if (before && before !== '{') {
        annotations.push(...found.map((annotation) => ({ ...annotation, line: lineNumber })));
        return;
      }
      pending.push(...found);
      return;
    }
    if (pending.length > 0) {
      annotations.push(...pending.map((annotation) => ({ ...annotation, line: lineNumber })));
      pending = [];
    }
  });
  return annotations;
}
