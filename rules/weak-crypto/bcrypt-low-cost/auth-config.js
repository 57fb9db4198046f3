const DEFAULTS = { saltRounds: 8, sessionTtl: 3600 };
module.exports = { DEFAULTS };
