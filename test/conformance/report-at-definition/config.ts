// a key exported by one file and used by two others: one finding here, both uses in its trace
// ruleid: conformance-report-at-definition
export const SHARED_KEY = 'k-shared-0123456789';
export const SETTINGS = {
  // a field of a constant object is a definition too
  // ruleid: conformance-report-at-definition
  key: 'k-settings-0123456789',
};
