export * from './renamed';
export * as algorithms from './algorithms';
