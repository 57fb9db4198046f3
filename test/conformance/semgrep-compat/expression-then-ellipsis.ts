// ruleid: expression-then-ellipsis
const good = { type: argon2.argon2id, memoryCost: 1 };
// ok: expression-then-ellipsis
const weak = { type: argon2.argon2i, memoryCost: 1 };
