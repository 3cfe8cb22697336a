export * from './demo-calendar';
export * from './demo-creators';
export * from './seed';
export * from './seed-agreements';
export * from './seed-campaigns';
export * from './seed-submissions';
