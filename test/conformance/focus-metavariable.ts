derive(
  // ruleid: conformance-focus-union
  first,
  // ruleid: conformance-focus-union
  second,
);
// ok: conformance-focus-union
derive(only);
