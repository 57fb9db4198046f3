class A {
  m() {
    // ruleid: class-body-ellipsis
    f();
  }
}
// ok: class-body-ellipsis
f();
