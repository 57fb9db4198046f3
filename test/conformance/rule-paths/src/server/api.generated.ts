// ok: conformance-rule-paths
eval(input);
