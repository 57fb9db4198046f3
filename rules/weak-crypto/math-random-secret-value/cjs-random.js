function makeId() {
  return Math.random().toString(16).substring(2);
}

module.exports = { makeId };
