export * from '../b/relay';
