export * from './service-lifecycle';
export * from './service-module';
export * from './start-service';
export * from './unit-of-work';
export * from './service-config';
export * from './run-service';
export * from './subject-handler';
export * from './constructed';
