// ruleid: conformance-pattern-regex
const id = 'AKIAIOSFODNN7EXAMPLE';
// ok: conformance-pattern-regex
const other = 'AKIA-not-a-key';
