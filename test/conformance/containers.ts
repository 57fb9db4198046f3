// ruleid: conformance-containers-fields
configure({ mode: 'strict' });
// ruleid: conformance-containers-fields
configure({ mode: 'strict', extra: true });
// ruleid: conformance-containers-array
use([8, 9, 10]);
// ruleid: conformance-containers-array
use([10]);
// ok: conformance-containers-array
use([10, 11]);
