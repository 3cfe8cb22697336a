import { describe, expect, it } from '@jest/globals';
import { ServiceLifecycle, type Background } from './service-lifecycle';

/** A background part that writes what happens to it in a shared log (pure logic: no I/O to stand in for). */
function part(name: string, log: string[], failsToStop = false): Background {
  return {
    start: async () => {
      await Promise.resolve();
      log.push(`start ${name}`);
    },
    stop: async () => {
      log.push(`stop ${name}`);
      if (failsToStop) throw new Error(`${name} would not stop`);
    },
  };
}

describe('ServiceLifecycle', () => {
  it('starts the background in order, each once the one before has started, and stops it in reverse, then closes', async () => {
    const log: string[] = [];
    const lifecycle = new ServiceLifecycle({
      background: [part('relay', log), part('evidence', log), part('consumer', log)],
      closers: [async () => void log.push('close client'), async () => void log.push('close pool')],
      log: (m) => log.push(`warn ${m}`),
    });
    await lifecycle.onApplicationBootstrap();
    await lifecycle.onApplicationShutdown();
    expect(log).toEqual([
      'start relay',
      'start evidence',
      'start consumer',
      'stop consumer',
      'stop evidence',
      'stop relay',
      'close client',
      'close pool',
    ]);
  });

  it('goes on stopping and closing when one part fails to stop, and says which', async () => {
    const log: string[] = [];
    const lifecycle = new ServiceLifecycle({
      background: [part('relay', log), part('calendar', log, true)],
      closers: [async () => void log.push('close pool')],
      log: (m) => log.push(`warn ${m}`),
    });
    await lifecycle.onApplicationShutdown();
    expect(log).toEqual(['stop calendar', 'warn shutdown: calendar would not stop', 'stop relay', 'close pool']);
  });
});
