// ruleid: conformance-metavariable-regex-anchoring
module.insecure1('test');
// ruleid: conformance-metavariable-regex-anchoring
module.INSECURE2('test');
// ok: conformance-metavariable-regex-anchoring
module.notInsecure('test');
