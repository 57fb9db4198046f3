export * from './crypto-facade';
