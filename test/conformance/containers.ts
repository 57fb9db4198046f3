// ruleid: conformance-containers-exact
configure({ mode: 'strict' });
// ok: conformance-containers-exact
configure({ mode: 'strict', extra: true });
// ruleid: conformance-containers-array
use([8, 9, 10]);
// ruleid: conformance-containers-array
use([10]);
// ok: conformance-containers-array
use([10, 11]);
