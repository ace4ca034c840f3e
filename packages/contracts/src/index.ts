export * from './common.contract.js';
export * from './triage.contract.js';
export * from './windows.contract.js';
export * from './triage-save.contract.js';
export * from './intake.contract.js';
export * from './staff.contract.js';
export * from './cases.contract.js';
