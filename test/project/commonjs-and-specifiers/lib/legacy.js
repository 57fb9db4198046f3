module.exports = { ALGORITHM: 'des-cbc', OTHER: 'aes-256-gcm' };
