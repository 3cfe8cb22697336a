export * from './demo-creators';
export * from './seed';
