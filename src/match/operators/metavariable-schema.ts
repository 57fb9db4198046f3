import { z } from 'zod';
import { METAVARIABLE_REFERENCE } from '../metavariable.js';

/** A field that names a metavariable: `$KEY` or `$...ARGS`. */
export const metavariableReference = z.string().regex(METAVARIABLE_REFERENCE, 'a metavariable such as "$KEY"');
