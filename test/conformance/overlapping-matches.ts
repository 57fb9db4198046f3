declare function md5(input: string): string;
declare const input: string;

// One key split over a concatenation: the literal and the concatenation both match, and they
// overlap, so they are one finding over the whole expression.
const key =
  // ruleid: conformance-overlapping-matches
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIHKj+sVa9WcD'
  // ok: conformance-overlapping-matches
  + '/q2DJUJaf43Kptc8xYuUQA4bOFj9vC8T\n-----END PRIVATE KEY-----';

// ruleid: conformance-nested-calls
const twice = md5(
  // ok: conformance-nested-calls
  md5(input));

// apart, they stay two findings
// ruleid: conformance-nested-calls
const a = md5(input);
// ruleid: conformance-nested-calls
const b = md5(input);

export { key, twice, a, b };
