export * from './common';
export * from './standard';
export * from './default-standard-set';
export * from './csat';
export * from './assessment';
export * from './connection';
export * from './settings';
