export const CIPHER = 'des-cbc';
