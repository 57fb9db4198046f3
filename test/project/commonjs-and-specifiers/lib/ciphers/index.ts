export const FROM_INDEX = 'des-cbc';
