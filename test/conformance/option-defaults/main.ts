import { WEAK_DEFAULTS, STRONG, MERGED } from './defaults';
import * as defaults from './defaults';
declare function derive(password: string, options: object): void;
declare function connect(options: object): void;
declare const password: string;
declare const user: { rounds?: number; verify?: boolean };
declare const rounds: number;

// A spread of defaults: the default holds unless the unknown object overrides it.
const merged = { ...WEAK_DEFAULTS, ...user };
// ruleid: conformance-option-defaults
derive(password, merged);
// ruleid: conformance-option-defaults
derive(password, { ...WEAK_DEFAULTS, ...user });
// ruleid: conformance-option-defaults
derive(password, { rounds: 5, ...user });
// ruleid: conformance-option-defaults
derive(password, Object.assign({}, WEAK_DEFAULTS, user));
// ruleid: conformance-option-defaults
derive(password, MERGED);
// ruleid: conformance-option-defaults
derive(password, { ...defaults.WEAK_DEFAULTS, label: 'y' });
const assigned = Object.assign({}, WEAK_DEFAULTS);
// ruleid: conformance-option-defaults
derive(password, assigned);

// A later spread or field that replaces the weak value, or a value that is not a constant.
// ok: conformance-option-defaults
derive(password, { ...WEAK_DEFAULTS, ...STRONG });
// ok: conformance-option-defaults
derive(password, { rounds: 5, ...STRONG });
// ok: conformance-option-defaults
derive(password, { ...WEAK_DEFAULTS, rounds: 200000 });
// ok: conformance-option-defaults
derive(password, { ...WEAK_DEFAULTS, rounds });
// ok: conformance-option-defaults
derive(password, Object.assign({}, WEAK_DEFAULTS, STRONG));
// ok: conformance-option-defaults
derive(password, { ...user });
const rewritten = { ...WEAK_DEFAULTS };
rewritten.rounds = 500000;
// ok: conformance-option-defaults
derive(password, rewritten);
const mergedInto = { ...WEAK_DEFAULTS };
Object.assign(mergedInto, user);
// ok: conformance-option-defaults
derive(password, mergedInto);

// The flag set explicitly next to a spread of unknown defaults, or reaching the call by a spread.
const insecure = { ...user, verify: false };
// ruleid: conformance-option-defaults-flag
connect(insecure);
// ruleid: conformance-option-defaults-flag
connect({ ...WEAK_DEFAULTS, ...user });
// ok: conformance-option-defaults-flag
connect({ ...WEAK_DEFAULTS, verify: true });
// ok: conformance-option-defaults-flag
connect({ verify: false, ...STRONG });
