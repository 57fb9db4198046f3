module.exports = {
  kdf: { iterations: 5000, digest: 'sha1' },
};
