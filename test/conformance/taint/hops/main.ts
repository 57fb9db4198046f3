import { fromB } from './a/relay';
import { log } from './vendor';

// Five files between the source and the sink: main → a (barrel) → b (CommonJS) → c → d.
// ruleid: taint-hops
log(fromB());
