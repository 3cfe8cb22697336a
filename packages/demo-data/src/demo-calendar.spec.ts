import { describe, expect, it } from '@jest/globals';
import { demoCalendar } from './demo-calendar';

describe("the demo's calendar", () => {
  const calendar = demoCalendar(new Date('2026-11-30T05:19:28Z'));

  it('counts days from the anchor day, whatever its time', () => {
    expect(calendar.day(0)).toBe('2026-11-30');
    expect(calendar.day(12)).toBe('2026-12-12');
    expect(calendar.day(-5)).toBe('2026-11-25');
    expect(calendar.at(12, '10:00')).toBe('2026-12-12T10:00:00Z');
  });

  it('finds whole months around it, across years', () => {
    expect(calendar.monthStart(-8)).toBe('2026-03-01');
    expect(calendar.monthEnd(3)).toBe('2027-02-28');
    expect(calendar.monthEnd(0)).toBe('2026-11-30');
    expect(demoCalendar(new Date('2028-01-31T23:59:00Z')).monthEnd(1)).toBe('2028-02-29');
  });

  it('gives the same dates for the same anchor on any later day', () => {
    const again = demoCalendar(new Date('2026-11-30T23:00:00Z'));
    expect([again.day(12), again.monthEnd(3), again.monthStart(-8)]).toEqual([
      calendar.day(12),
      calendar.monthEnd(3),
      calendar.monthStart(-8),
    ]);
  });
});
