// ruleid: conformance-ellipsis-arguments
call('marker', 1);
// ruleid: conformance-ellipsis-arguments
call(a, b, c, 'marker', 1);
// ok: conformance-ellipsis-arguments
call('marker');
// ok: conformance-ellipsis-arguments
call('marker', 1, 2);
// ok: conformance-ellipsis-arguments
other(a, 'marker', 1);
