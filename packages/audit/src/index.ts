export * from './audit-entry.entity';
export * from './audit-trail';
export * from './audit-reader';
export * from './audit-log.ddl';
