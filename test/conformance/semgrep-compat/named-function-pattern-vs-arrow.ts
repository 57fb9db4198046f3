a.forEach((x) => {
  // ruleid: named-function-pattern-vs-arrow
  f();
});
