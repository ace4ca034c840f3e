export * from './rules.js';
export * from './count.js';
export * from './check.js';
export { NAIYOU_MESSAGES } from './messages.js';
