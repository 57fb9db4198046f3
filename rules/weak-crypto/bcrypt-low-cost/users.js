const bcrypt = require('bcryptjs');
const { DEFAULTS } = require('./auth-config');

function settings(env) {
  return env;
}

const config = { ...DEFAULTS, ...settings(process.env) };
const raised = { ...DEFAULTS, saltRounds: 12 };

async function createUser(password) {
  // ruleid: bcrypt-low-cost
  return bcrypt.hash(password, config.saltRounds);
}

async function createUserRaised(password) {
  // ok: bcrypt-low-cost
  return bcrypt.hash(password, raised.saltRounds);
}

module.exports = { createUser, createUserRaised };
