const DEBUG = false;
// ruleid: conformance-negation
console.log(secret);
// ok: conformance-negation
console.log('static text');
if (DEBUG) {
  // ok: conformance-negation
  console.log(secret);
}
