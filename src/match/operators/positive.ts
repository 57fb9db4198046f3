import { intersect, type Formula, type Step } from '../formula.js';

/** The step of an operator that produces matches of its own: its matches are intersected with the others'. */
export function positiveStep(formula: Formula): Step {
  return {
    stage: 'positive',
    formula,
    prefilter: formula.prefilter,
    binds: formula.binds,
    reads: [],
    apply: (matches, context) => intersect(matches, context.indexed(formula)),
  };
}
