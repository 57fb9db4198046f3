export const ALGORITHM = 'des-cbc';
