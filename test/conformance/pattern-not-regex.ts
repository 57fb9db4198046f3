// ruleid: conformance-pattern-not-regex
const a = 'foo==1.1.1';
// ok: conformance-pattern-not-regex
const b = 'bar-foo==3.0.8';
