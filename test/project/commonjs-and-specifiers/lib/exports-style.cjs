exports.ALGORITHM = 'des-ede3-cbc';
module.exports.SECOND = 'des-ecb';
