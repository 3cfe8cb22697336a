import { afterEach, describe, expect, it, jest } from '@jest/globals';
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
});
