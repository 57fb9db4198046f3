/** Metavariable syntax (docs/rules.md §2), in one place: `$X`, `$KEY_2`, `$...ARGS`. */
const NAME = '[A-Z_][A-Z0-9_]*';

/** `$X`: a whole text that is one metavariable. */
export const METAVARIABLE = new RegExp(`^\\$${NAME}$`);

/** `$X` or `$...X`, as rule fields that name a metavariable accept it. */
export const METAVARIABLE_REFERENCE = new RegExp(`^\\$(\\.\\.\\.)?${NAME}$`);

const IN_TEXT = `\\$(\\.\\.\\.)?(${NAME})`;

/** Every `$X` / `$...X` in a text such as a message; group 2 is the name without `$`. */
export function metavariablesIn(text: string): RegExpMatchArray[] {
  return [...text.matchAll(new RegExp(IN_TEXT, 'g'))];
}

/** The text with each `$X` / `$...X` replaced; `name` comes without `$` (a message's `$KEY` reads value `KEY`). */
export function replaceMetavariables(text: string, replace: (whole: string, name: string) => string): string {
  return text.replace(new RegExp(IN_TEXT, 'g'), (whole: string, _dots: string | undefined, name: string) => replace(whole, name));
}

/** `$...X` names the same metavariable as `$X`. */
export function canonicalMetavariable(reference: string): string {
  return reference.startsWith('$...') ? `$${reference.slice(4)}` : reference;
}
