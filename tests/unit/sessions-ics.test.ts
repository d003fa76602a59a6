import { describe, expect, it } from 'vitest';
import { occurrenceIcs, rruleOf, seriesIcs } from '../../src/domain/sessions/ics.ts';
import { nextOccurrences } from '../../src/domain/sessions/occurrences.ts';
import { calendar, session } from './sessions-helpers.ts';

const options = { uidDomain: 'finder.example.org', stamp: new Date('2026-12-01T12:00:00Z') };
const texts = {
  title: 'Family support (fixture)',
  location: 'Example Town Community Centre (fixture)',
  description: 'Not on bank holidays.',
  url: 'https://finder.example.org/sessions/community-centre-family-support/',
};
const lines = (text: string) => text.split('\r\n');

describe('one occurrence', () => {
  const [occurrence] = nextOccurrences(
    session('high-street-needle-exchange'),
    new Date('2026-06-01T00:00:00Z'),
    calendar,
  );
  const text = occurrenceIcs(occurrence!, { title: 'Needle and syringe programme' }, options);

  it('is one event in UTC, with no rule', () => {
    expect(lines(text)).toEqual(
      expect.arrayContaining([
        'BEGIN:VCALENDAR',
        'UID:high-street-needle-exchange-2026-06-02@finder.example.org',
        'DTSTAMP:20261201T120000Z',
        'DTSTART:20260602T090000Z',
        'DTEND:20260602T110000Z',
        'SUMMARY:Needle and syringe programme',
        'END:VCALENDAR',
      ]),
    );
    expect(text).not.toMatch(/RRULE|TZID/);
  });

  it('ends every line with CRLF, as RFC 5545 asks', () => {
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });
});

describe('the recurring session', () => {
  it('is an RRULE from the HSDS fields, with the TZID and its VTIMEZONE', () => {
    const text = seriesIcs(session('community-centre-family-support'), texts, calendar, options)!;
    const all = lines(text);
    expect(all).toEqual(
      expect.arrayContaining([
        'UID:community-centre-family-support@finder.example.org',
        'DTSTART;TZID=Europe/London:20261203T130000',
        'DTEND;TZID=Europe/London:20261203T150000',
        'RRULE:FREQ=MONTHLY;BYDAY=1TH,3TH',
        'EXDATE;TZID=Europe/London:20261217T130000',
        'TZID:Europe/London',
        'LOCATION:Example Town Community Centre (fixture)',
      ]),
    );
    expect(all.indexOf('BEGIN:VTIMEZONE')).toBeGreaterThan(-1);
    expect(all.indexOf('END:VTIMEZONE')).toBeLessThan(all.indexOf('BEGIN:VEVENT'));
    expect(all.filter((line) => line.startsWith('EXDATE'))).toHaveLength(1);
    expect(all.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('ends at valid_to in UTC and excludes the bank holidays it falls on', () => {
    const lastFriday = session('recovery-hub-last-friday');
    // 31 March 2027 is in summer time: 20:00 BST is 19:00 UTC.
    expect(rruleOf(lastFriday, calendar)).toBe('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20270331T190000Z');
    const exdates = lines(seriesIcs(lastFriday, texts, calendar, options)!).filter((l) =>
      l.startsWith('EXDATE'),
    );
    expect(exdates).toEqual([
      'EXDATE;TZID=Europe/London:20261225T180000',
      'EXDATE;TZID=Europe/London:20270326T180000',
    ]);
  });

  it('starts a fortnightly rule on dtstart, counting weeks from Monday', () => {
    const drop = session('recovery-hub-fortnightly-drop-in');
    expect(rruleOf(drop, calendar)).toBe(
      'FREQ=WEEKLY;INTERVAL=2;WKST=MO;BYDAY=WE;UNTIL=20261223T113000Z',
    );
    expect(lines(seriesIcs(drop, texts, calendar, options)!)).toContain(
      'DTSTART;TZID=Europe/London:20260107T093000',
    );
  });

  it('is not offered once the series has ended', () => {
    const later = { ...options, stamp: new Date('2027-04-01T12:00:00Z') };
    expect(seriesIcs(session('recovery-hub-last-friday'), texts, calendar, later)).toBeUndefined();
  });

  it('is the same text for the same input, whatever the machine clock', () => {
    const a = seriesIcs(session('recovery-hub-sunday-group'), texts, calendar, options);
    const b = seriesIcs(session('recovery-hub-sunday-group'), texts, calendar, options);
    expect(a).toBe(b);
    expect(lines(a!)).toContain('DTSTART;TZID=Europe/London:20261206T100000');
  });
});
