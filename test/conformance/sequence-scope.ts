function a() {
  // ruleid: conformance-sequence-scope
  open();
  step();
  use();
}
function b() {
  // ruleid: conformance-sequence-scope
  open();
  if (ready) {
    use();
  }
}
function c() {
  if (ready) {
    // ok: conformance-sequence-scope
    open();
  }
  use();
}
