export * from './debian-command';
export * from './nats-server';
