import { zeroBlock, zeroArrow } from './config';
const { zeroWords, filled } = require('./helpers');

declare function seal(iv: Uint8Array): void;

// a function imported from another file is matched at its definition: a declaration, an arrow,
// or a CommonJS export destructured from require()
// ruleid: conformance-foreign-function
seal(zeroBlock());
// ruleid: conformance-foreign-function
seal(zeroArrow());
// ruleid: conformance-foreign-function
seal(zeroWords());
// ok: conformance-foreign-function
seal(filled());
function localZero() {
  return new Uint8Array(4);
}
// names of the same file are not followed
// ok: conformance-foreign-function
seal(localZero());
