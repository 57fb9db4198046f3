import { createHash } from 'crypto';
let h;
// ruleid: conformance-assignment-and-return
const digest = createHash('md5');
// ruleid: conformance-assignment-and-return
h = createHash('md5');
// ok: conformance-assignment-and-return
const other = createHash('sha256');
function f() {
  // ruleid: conformance-expression-statement
  return legacy();
}
// ruleid: conformance-expression-statement
const value = legacy();
