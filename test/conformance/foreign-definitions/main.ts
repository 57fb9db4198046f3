import { ALLOCATED, FROM_CALL, REASSIGNED, SETTINGS, ZERO } from './config';

declare function seal(iv: Uint8Array): void;

// a name imported from another file is matched at its definition there
// ruleid: conformance-foreign-definitions
seal(ZERO);
// ruleid: conformance-foreign-definitions
seal(ALLOCATED);
// a field of an imported constant object
// ruleid: conformance-foreign-definitions
seal(SETTINGS.iv);
// ok: conformance-foreign-definitions
seal(SETTINGS.other);
// ok: conformance-foreign-definitions
seal(FROM_CALL);
// a variable that is reassigned has no single definition
// ok: conformance-foreign-definitions
seal(REASSIGNED);

// `export const` is a declaration to a statement pattern
export const EXPORTED = Buffer.alloc(16);
// ruleid: conformance-exported-declaration
seal(EXPORTED);
const LOCAL = new Uint8Array(16);
// ok: conformance-exported-declaration
seal(LOCAL);
