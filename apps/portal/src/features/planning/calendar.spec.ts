import { describe, expect, it } from '@jest/globals';
import {
  itemLink,
  localDay,
  monthAgenda,
  monthDays,
  monthRange,
  parseMonth,
  shiftMonth,
  type CalendarItem,
} from './calendar';

const CAMPAIGN = '0190f1a2-0000-7000-8000-0000000000c1';
const item = (
  kind: CalendarItem['kind'],
  id: string,
  start: string,
  end: string,
  extra: Partial<CalendarItem> = {},
): CalendarItem => ({
  kind,
  id,
  campaignId: CAMPAIGN,
  ownerAgencyId: 'mcst-ttcs',
  title: `${kind} ${id}`,
  start,
  end,
  status: 'active',
  ...extra,
});

describe('the planning calendar (month)', () => {
  it('reads the month from the address, or takes the current one', () => {
    expect(parseMonth('2026-02', new Date(2026, 10, 30))).toEqual({ year: 2026, month: 2 });
    expect(parseMonth('2026-13', new Date(2026, 10, 30))).toEqual({ year: 2026, month: 11 });
    expect(parseMonth(null, new Date(2027, 0, 5))).toEqual({ year: 2027, month: 1 });
  });

  it('moves across years and asks the API for the whole month', () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(shiftMonth({ year: 2026, month: 1 }, -1)).toEqual({ year: 2025, month: 12 });
    expect(monthRange({ year: 2028, month: 2 })).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthDays({ year: 2026, month: 11 })).toHaveLength(30);
  });

  it('places campaigns on their start and end dates, briefs and assignments on the day they fall due', () => {
    const dueAt = '2026-12-12T05:00:00.000Z';
    const agenda = monthAgenda(
      [
        item('campaign', 'c1', '2026-11-20T00:00:00.000Z', '2026-12-15T23:59:59.999Z'),
        item('campaign', 'c2', '2027-01-01T00:00:00.000Z', '2027-01-31T23:59:59.999Z'),
        item('assignment', 'a1', '2026-12-01T00:00:00.000Z', dueAt, { status: 'accepted', creatorName: 'Hữu Phước' }),
        item('brief', 'b1', '2026-12-01T00:00:00.000Z', dueAt),
      ],
      { year: 2026, month: 12 },
    );
    expect(agenda.days).toHaveLength(31);
    expect(agenda.running.map((c) => c.id)).toEqual(['c1']);
    const entries = (day: string) =>
      agenda.days.find((d) => d.day === day)!.entries.map((e) => `${e.item.id}:${e.role}`);
    // The campaign started in November: December shows only its end.
    expect(entries('2026-12-15')).toEqual(['c1:ends']);
    expect(entries(localDay(dueAt))).toEqual(['b1:due', 'a1:due']);
    expect(agenda.days.filter((d) => d.entries.length > 0)).toHaveLength(2);
  });

  it('links campaigns to their page and due work to the campaign’s board', () => {
    expect(itemLink(item('campaign', CAMPAIGN, '', ''))).toBe(`/campaigns/${CAMPAIGN}`);
    expect(itemLink(item('brief', 'b1', '', ''))).toBe(`/campaigns/${CAMPAIGN}/board`);
    expect(itemLink(item('assignment', 'a1', '', ''))).toBe(`/campaigns/${CAMPAIGN}/board#assignment-a1`);
  });
});
