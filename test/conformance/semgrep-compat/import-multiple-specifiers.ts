import {Bucket, Other} from 's3';
// ruleid: import-multiple-specifiers
const b = new Bucket(1);
