for (let i = 0; i < n; i++) {
  // ruleid: for-header-ellipsis
  work();
}
// ok: for-header-ellipsis
work();
