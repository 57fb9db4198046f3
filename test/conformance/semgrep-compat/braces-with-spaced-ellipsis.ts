// ruleid: import-brace-ellipsis
import { createPool, format } from "mysql2";
// ok: import-brace-ellipsis
import { readFile } from "fs";

// ruleid: object-argument-ellipsis
res.write({ name });
// ruleid: object-argument-ellipsis
res.write({});
// ok: object-argument-ellipsis
res.write(name);
