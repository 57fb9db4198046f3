// ruleid: conformance-positive-intersection
send(a, 'secret');
// ok: conformance-positive-intersection
send(a, 'public');
// ok: conformance-positive-intersection
store(a, 'secret');
