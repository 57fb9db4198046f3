import { replaceMetavariables } from '../match/metavariable.js';

const MAX_VALUE_LENGTH = 60;

/**
 * The one place where finding text is produced: a template with `$NAME` placeholders
 * (rule metavariables or inspect check arguments) and the values to put in them.
 */
export function renderMessage(template: string, values: Readonly<Record<string, string>>): string {
  return replaceMetavariables(template, (whole, name) => {
    const value = values[name];
    return value === undefined ? whole : shorten(oneLine(value));
  });
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string): string {
  return text.length <= MAX_VALUE_LENGTH ? text : `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`;
}
