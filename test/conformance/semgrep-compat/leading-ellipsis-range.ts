function ok(t) {
  // ok: leading-ellipsis-range
  const v = decode(t);
  if (verify(t)) {
    log();
  }
}
function bad(t) {
  // ruleid: leading-ellipsis-range
  const v = decode(t);
}
