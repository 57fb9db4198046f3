export { diagnostic, reportProblem } from './diagnostics';
export * from './keys';
