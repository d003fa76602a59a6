import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchIndexFile } from '../../src/domain/search/documents.ts';
import { SearchEngine } from '../../src/domain/search/engine.ts';
import { seriesIcs } from '../../src/domain/sessions/ics.ts';
import { slotsByVenue } from '../../src/domain/sessions/slots.ts';
import { venueSessions } from '../../src/domain/sessions/venue-sessions.ts';
import { venueListing } from '../../src/domain/venue-listing.ts';
import { checkContent, formatProblem } from '../../src/integrations/content-check.ts';
import { loadSite } from '../../src/load-site.ts';
import { calendar, fixture, root, session, sessions, venues } from './sessions-helpers.ts';

const at = (iso: string) => new Date(iso);
const listed = (venue: string, from: string, locale = 'en-GB') => {
  const view = venueSessions(sessions, venue, at(from), calendar, locale);
  if (view.state !== 'listed') throw new Error(`no sessions at ${venue}`);
  return view.sessions;
};

describe('Sessions here, on the fixture deployment', () => {
  it('skips the Early May bank holiday for the weekly Monday session', () => {
    // Friday 1 May 2026: Monday 4 May is the Early May bank holiday.
    const [young] = listed('example-medical-practice', '2026-05-01T12:00:00Z');
    expect(young!.kind).toBe('young-people');
    expect(young!.dates.map((date) => date.day)).toEqual([
      'Monday 11 May',
      'Monday 18 May',
      // Monday 25 May is the Spring bank holiday.
      'Monday 1 June',
      'Monday 8 June',
    ]);
    expect(young!.dates[0]!.time).toBe('16:00–17:30');
    expect(young!.offOnHolidays).toBe(true);
  });

  it('keeps 10:00 local across the change to summer time', () => {
    // Friday 27 March 2026; the clocks go forward on Sunday 29 March.
    const group = listed('example-recovery-hub', '2026-03-20T12:00:00Z').find(
      (entry) => entry.id === 'recovery-hub-sunday-group',
    )!;
    expect(group.dates.slice(0, 2).map((date) => [date.day, date.time])).toEqual([
      ['Sunday 22 March', '10:00–12:00'],
      ['Sunday 29 March', '10:00–12:00'],
    ]);
    expect(group.dates.slice(0, 2).map((date) => new Date(date.start).toISOString())).toEqual([
      '2026-03-22T10:00:00.000Z', // GMT
      '2026-03-29T09:00:00.000Z', // BST
    ]);
  });

  it('writes times as the locale does: 24-hour in en-GB and pl, 12-hour in en-US', () => {
    const from = '2026-06-01T00:00:00Z';
    expect(listed('example-high-street-pharmacy', from)[0]!.dates[0]).toMatchObject({
      day: 'Tuesday 2 June',
      time: '10:00–12:00',
    });
    expect(listed('example-high-street-pharmacy', from, 'pl')[0]!.dates[0]!.time).toBe(
      '10:00–12:00',
    );
    expect(listed('example-high-street-pharmacy', from, 'en')[0]!.dates[0]!.time).toMatch(
      /^10:00\sAM\s–\s12:00\sPM$/u,
    );
  });

  it('gives the description in the page locale', () => {
    const [needles] = listed('example-high-street-pharmacy', '2026-06-01T00:00:00Z', 'pl');
    expect(needles!.description).toMatch(/^Igły, strzykawki/);
  });

  it('tells "none published" from "none here"', () => {
    const now = at('2026-06-01T00:00:00Z');
    expect(venueSessions([], 'example-recovery-hub', now, calendar, 'en-GB')).toEqual({
      state: 'none-published',
    });
    expect(venueSessions(sessions, 'a-venue-without-any', now, calendar, 'en-GB')).toEqual({
      state: 'none-here',
    });
  });
});

describe('the calendar file of a session', () => {
  const texts = { title: 'Young people: Example Medical Practice (fixture)' };
  const ics = seriesIcs(session('medical-practice-young-people'), texts, calendar, {
    uidDomain: 'example.org',
    stamp: at('2026-04-01T12:00:00Z'),
  })!;
  const lines = ics.trimEnd().split('\r\n');

  it('is an iCalendar file: CRLF lines of at most 75 octets, balanced blocks', () => {
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines.every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    for (const block of ['VCALENDAR', 'VEVENT', 'VTIMEZONE']) {
      const begins = lines.filter((line) => line === `BEGIN:${block}`).length;
      expect(begins).toBe(1);
      expect(lines.filter((line) => line === `END:${block}`).length).toBe(begins);
    }
  });

  it('carries TZID Europe/London on its start and the zone it names', () => {
    expect(lines).toContain('TZID:Europe/London');
    expect(lines).toContain('DTSTART;TZID=Europe/London:20260406T160000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20260406T173000');
    expect(lines).toContain('RRULE:FREQ=WEEKLY;BYDAY=MO');
  });

  it('leaves out the bank holidays it closes on', () => {
    for (const day of ['20260504', '20260525', '20260831', '20261228']) {
      expect(lines).toContain(`EXDATE;TZID=Europe/London:${day}T160000`);
    }
  });
});

describe('sessions this week in the finder', () => {
  const site = loadSite(fixture);
  // Monday 1 June 2026, 08:00 BST, standing at the High Street Pharmacy.
  const now = at('2026-06-01T07:00:00Z');
  const file = buildSearchIndexFile(
    venues.map(venueListing),
    site,
    'en-GB',
    (_, key) => key,
    slotsByVenue(sessions, now, calendar),
  );
  const engine = new SearchEngine(file);
  const near = { lat: 54.7, lon: -1.6 };

  it('keeps the venues with a session in the next seven days, by next start, then distance', () => {
    const outcome = engine.search({ thisWeek: true, near }, now);
    expect(outcome.results.map((result) => result.doc.i)).toEqual([
      // Monday 16:00, then Tuesday 10:00 at two pharmacies (the nearer first), then Thursday
      // 13:00 (the first Thursday), then Sunday 10:00 (the fortnightly Wednesday is next week).
      'example-medical-practice',
      'example-high-street-pharmacy',
      'example-market-place-pharmacy',
      'example-community-centre',
      'example-recovery-hub',
    ]);
  });

  it('leaves out a venue whose next session is further off', () => {
    // Friday 17 July 2026 evening: the family support session is next on 6 August.
    const late = at('2026-07-17T19:00:00Z');
    const later = new SearchEngine(
      buildSearchIndexFile(
        venues.map(venueListing),
        site,
        'en-GB',
        (_, key) => key,
        slotsByVenue(sessions, late, calendar),
      ),
    );
    const ids = later.search({ thisWeek: true }, late).results.map((result) => result.doc.i);
    expect(ids).not.toContain('example-community-centre');
    expect(ids).toContain('example-high-street-pharmacy');
  });
});

describe('the content check of sessions', () => {
  const temp = mkdtempSync(join(tmpdir(), 'rf-sessions-'));
  afterAll(() => rmSync(temp, { recursive: true, force: true }));

  it('passes the fixture deployment as it is', () => {
    expect(checkContent(fixture, root).map(formatProblem)).toEqual([]);
  });

  it('fails a malformed session and a session at an unknown venue, naming file and field', () => {
    const copy = join(temp, 'deployment');
    cpSync(fixture, copy, { recursive: true });
    writeFileSync(
      join(copy, 'sessions', 'late-drop-in.yaml'),
      [
        'id: late-drop-in',
        'venue: example-recovery-hub',
        'kind: drop-in',
        'schedule: { freq: WEEKLY, byday: TU, opens_at: "9am", closes_at: "12:00" }',
        'sources: [{ title: T, publisher: P, url: "https://example.org/", checked: "2026-11-30" }]',
      ].join('\n'),
    );
    writeFileSync(
      join(copy, 'sessions', 'nowhere.yaml'),
      [
        'id: nowhere',
        'venue: example-nowhere',
        'kind: naloxone',
        'schedule: { freq: WEEKLY, byday: TU, opens_at: "10:00", closes_at: "12:00" }',
        'sources: [{ title: T, publisher: P, url: "https://example.org/", checked: "2026-11-30" }]',
      ].join('\n'),
    );
    expect(checkContent(copy, temp).map(formatProblem)).toEqual([
      'deployment/sessions/late-drop-in.yaml: schedule.opens_at: must be a local time written HH:MM (24-hour), without a time zone offset',
      'deployment/sessions/nowhere.yaml: venue: "example-nowhere" is not one of the deployment\'s venues',
    ]);
  });
});
