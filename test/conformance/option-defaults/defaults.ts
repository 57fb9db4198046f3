export const WEAK_DEFAULTS = { rounds: 10, verify: false };
export const STRONG = { rounds: 100000, verify: true };
// A config merged in its own module, read where it is used.
export const MERGED = Object.assign({}, WEAK_DEFAULTS, { label: 'x' });
