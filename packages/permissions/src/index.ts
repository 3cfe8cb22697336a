export * from './ability';
export * from './sql-condition';
export { subject } from '@casl/ability';
export * from './refusal';
