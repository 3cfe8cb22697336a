import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/** Something a service runs in the background: a relay, a periodic job, an event consumer. */
export interface Background {
  start(): void | Promise<void>;
  stop(): Promise<void>;
}

/** What a service's lifecycle starts and, on shutdown, stops and closes. */
export interface LifecycleParts {
  /** Started in this order once the module is wired; stopped in the reverse order. */
  background: readonly Background[];
  /** Closed after the background has stopped, in this order (RPC clients, the NATS connection, the pool). */
  closers: readonly (() => Promise<void>)[];
  /** Told what failed to stop or close; the rest still stop and close. */
  log: (message: string) => void;
}

/**
 * Starts a service's background work once Nest has wired everything, and on
 * shutdown stops it in the reverse order, then closes its connections. A
 * part that fails to stop does not keep the others running: the failure is
 * logged and the shutdown goes on (a pool left open keeps the process alive).
 */
export class ServiceLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(private readonly parts: LifecycleParts) {}

  async onApplicationBootstrap(): Promise<void> {
    for (const part of this.parts.background) await part.start();
  }

  async onApplicationShutdown(): Promise<void> {
    const steps = [...this.parts.background].reverse().map((part) => () => part.stop());
    for (const step of [...steps, ...this.parts.closers]) {
      try {
        await step();
      } catch (error) {
        this.parts.log(`shutdown: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
}
