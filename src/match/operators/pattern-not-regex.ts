import { z } from 'zod';
import { overlaps } from '../formula.js';
import type { Operator } from './operator.js';

/** `pattern-not-regex`: drops matches that overlap one of the regex's matches. */
export const patternNotRegexOperator: Operator<string> = {
  key: 'pattern-not-regex',
  schema: () => z.string(),
  compile(source, compiler, path) {
    const regex = compiler.regex(source, path, { multiline: true });
    return {
      stage: 'not-regex',
      binds: new Set(),
      reads: [],
      apply: (matches, context) => {
        const excluded = regex.findAll(context.facts.text);
        return matches.filter((match) => !excluded.some((other) => overlaps(match.range, [other.start, other.end])));
      },
    };
  },
};
