import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { currentRequestId, withRequestId } from './request-context';
import { WakeableLoop } from './wakeable-loop';

// Pure scheduling logic: jest's fake clock stands in for time.
describe('WakeableLoop', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  async function loopWithRuns(pollMs: number) {
    jest.useFakeTimers();
    const runs: number[] = [];
    const loop = new WakeableLoop(async () => {
      runs.push(Date.now());
      await Promise.resolve();
    }, pollMs);
    loop.start();
    await jest.advanceTimersByTimeAsync(0);
    return { loop, runs };
  }

  it('runs at start, then every poll interval', async () => {
    const { loop, runs } = await loopWithRuns(1000);
    const start = runs[0];
    await jest.advanceTimersByTimeAsync(2500);
    expect(runs.map((t) => t - start)).toEqual([0, 1000, 2000]);
    await loop.stop();
  });

  it('runs at once when woken, and within the time asked when woken with one, many wakes sharing one run', async () => {
    const { loop, runs } = await loopWithRuns(10_000);
    const start = runs[0];
    await jest.advanceTimersByTimeAsync(100);
    loop.wake(250);
    await jest.advanceTimersByTimeAsync(100);
    loop.wake(250);
    loop.wake(250);
    await jest.advanceTimersByTimeAsync(200);
    expect(runs.map((t) => t - start)).toEqual([0, 350]);
    loop.wake();
    await jest.advanceTimersByTimeAsync(0);
    expect(runs.map((t) => t - start)).toEqual([0, 350, 400]);
    await loop.stop();
  });

  it('stops: no run after stop(), whatever wakes it', async () => {
    const { loop, runs } = await loopWithRuns(1000);
    await loop.stop();
    loop.wake();
    await jest.advanceTimersByTimeAsync(5000);
    expect(runs).toHaveLength(1);
  });

  it('runs for no request, even when woken inside one (a commit wakes the relay for every request)', async () => {
    // Real timers: a timer carries the context it was set in, which jest's fake timers would not show.
    const seen: (string | undefined)[] = [];
    const loop = new WakeableLoop(async () => {
      seen.push(currentRequestId());
      await Promise.resolve();
    }, 60_000);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    loop.start();
    await pause(20);
    withRequestId('req-1', () => loop.wake());
    await pause(20);
    withRequestId('req-2', () => loop.wake(10));
    await pause(60);
    expect(seen).toEqual([undefined, undefined, undefined]);
    await loop.stop();
  });
});
