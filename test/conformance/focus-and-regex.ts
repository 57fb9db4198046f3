configure({
  // ruleid: conformance-focus-and-regex
  apiSecret: 'hunter2',
});
configure({
  // ok: conformance-focus-and-regex
  timeout: 30,
});
// ruleid: conformance-focus-and-regex
configure({ PASSWORD: value });
