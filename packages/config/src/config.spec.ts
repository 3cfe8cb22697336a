import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { CommonConfig, ConfigError, flag, loadConfig, metricsConfig, port } from './index';

const Schema = z.object({
  CONCORD_ENV: CommonConfig.CONCORD_ENV,
  NATS_URL: CommonConfig.NATS_URL,
  PORT: port(3000),
  CONCORD_DEV_AUTH: flag,
});

describe('loadConfig', () => {
  it('applies defaults and parses values', () => {
    const config = loadConfig(Schema, { NATS_URL: 'nats://127.0.0.1:4222', CONCORD_DEV_AUTH: '1' });
    expect(config).toEqual({
      CONCORD_ENV: 'dev',
      NATS_URL: 'nats://127.0.0.1:4222',
      PORT: 3000,
      CONCORD_DEV_AUTH: true,
    });
  });

  it('names every wrong variable in its message', () => {
    let error: unknown;
    try {
      loadConfig(Schema, { NATS_URL: 'http://x', PORT: 'eighty', CONCORD_ENV: 'Prod Env' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('NATS_URL');
    expect(message).toContain('PORT');
    expect(message).toContain('CONCORD_ENV');
    expect((error as ConfigError).problems.map((p) => p.variable).sort()).toEqual(['CONCORD_ENV', 'NATS_URL', 'PORT']);
  });

  it('treats an empty variable as unset', () => {
    expect(() => loadConfig(Schema, { NATS_URL: '' })).toThrow(/NATS_URL/);
  });
});

describe('METRICS_PORT', () => {
  const schema = z.object(metricsConfig());
  it('is off unless given, a port when given (0: any free one), and refuses anything else', () => {
    expect(loadConfig(schema, {}).METRICS_PORT).toBe('off');
    expect(loadConfig(schema, { METRICS_PORT: 'off' }).METRICS_PORT).toBe('off');
    expect(loadConfig(schema, { METRICS_PORT: '9464' }).METRICS_PORT).toBe(9464);
    expect(loadConfig(schema, { METRICS_PORT: '0' }).METRICS_PORT).toBe(0);
    expect(() => loadConfig(schema, { METRICS_PORT: 'on' })).toThrow(ConfigError);
    expect(() => loadConfig(schema, { METRICS_PORT: '70000' })).toThrow(ConfigError);
  });
});
