export * from './restart-backoff';
export * from './process-identity';
export * from './stop-processes';
export * from './launcher-lock';
export * from './service-supervisor';
export * from './watchdog';
export * from './ports';
