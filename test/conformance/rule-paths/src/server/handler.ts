// ruleid: conformance-rule-paths
eval(input);
