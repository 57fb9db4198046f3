// Hashing parameters for the account service; a deployment may override them.
export const ARGON2_DEFAULTS = { memoryCost: 4096, timeCost: 2, parallelism: 1 };
export const ARGON2_OWASP = { memoryCost: 19456, timeCost: 2, parallelism: 1 };
