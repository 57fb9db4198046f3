function t() {
  // ruleid: deep-stmt-after-nested-block
  const o = f();
  if (c) {
    o.x = 1;
  }
  g(o);
}
