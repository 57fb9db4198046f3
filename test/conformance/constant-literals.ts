const NAME = 'des';
const PREFIX = 'de';
const CONFIG = { cipher: 'des', other: 'aes' } as const;
const DERIVED = { ...CONFIG, extra: 1 };
enum Algorithm {
  Legacy = 'des',
  Modern = 'aes',
}
let reassigned = 'des';
reassigned = 'aes';

// ruleid: conformance-constant-literals
choose('des');
// ruleid: conformance-constant-literals
choose(NAME);
// ruleid: conformance-constant-literals
choose(`${PREFIX}s`);
// ruleid: conformance-constant-literals
choose(PREFIX + 's');
// ruleid: conformance-constant-literals
choose(CONFIG.cipher);
// ruleid: conformance-constant-literals
choose(CONFIG['cipher']);
// ruleid: conformance-constant-literals
choose(DERIVED.cipher);
// ruleid: conformance-constant-literals
choose(Algorithm.Legacy);
// ruleid: conformance-constant-literals
choose(NAME as string);
// ruleid: conformance-constant-literals
choose(NAME satisfies string);
// ruleid: conformance-constant-literals
choose<string>(NAME!);
// ok: conformance-constant-literals
choose(CONFIG.other);
// ok: conformance-constant-literals
choose(Algorithm.Modern);
// ok: conformance-constant-literals
choose(reassigned);
// ok: conformance-constant-literals
choose(input);
