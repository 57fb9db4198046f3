function a() {
  // ruleid: deep-exprstmt-in-sequence
  const d = mk();
  x += d.final();
}
function b() {
  // ruleid: deep-exprstmt-in-sequence
  const d = mk();
  use(d.final());
}
