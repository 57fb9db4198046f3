exports.NAME = 'des-cbc';
