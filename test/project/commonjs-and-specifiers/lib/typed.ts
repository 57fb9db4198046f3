export const FROM_TS = 'des-cbc';
