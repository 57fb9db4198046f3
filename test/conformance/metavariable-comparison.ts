const PORT = 2 * 222;
// ruleid: conformance-metavariable-comparison
listen(443 + 1);
// ruleid: conformance-metavariable-comparison
listen(PORT);
// ok: conformance-metavariable-comparison
listen(80);
// ok: conformance-metavariable-comparison
listen(8080);
// ok: conformance-metavariable-comparison
listen(443);
// ok: conformance-metavariable-comparison
listen(port);
// ruleid: conformance-metavariable-comparison-strings
setVersion('2');
// ruleid: conformance-metavariable-comparison-strings
setVersion('legacy');
// ruleid: conformance-metavariable-comparison-strings
setVersion('ANCIENT');
// ok: conformance-metavariable-comparison-strings
setVersion(5);
// ruleid: conformance-metavariable-comparison-base
chmod(path, 777);
// ok: conformance-metavariable-comparison-base
chmod(path, 400);
