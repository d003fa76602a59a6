import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { LatLon } from '../../src/domain/geo.ts';
import type { SessionCalendar } from '../../src/domain/sessions/occurrences.ts';
import { readSessions } from '../../src/load-sessions.ts';
import type { Session } from '../../src/schemas/session.ts';

export const root = join(import.meta.dirname, '..', '..');
export const fixture = join(root, 'tests', 'fixtures', 'deployment-sessions');

/** The fixture deployment's clock and holidays, as a Durham-like site.yaml would give them. */
export const calendar: SessionCalendar = {
  timeZone: 'Europe/London',
  holidays: { country_code: 'gb', state: 'England' },
};

interface FixtureVenue {
  id: string;
  name: string;
  geo?: LatLon;
}

export const venues = parse(readFileSync(join(fixture, 'venues.yaml'), 'utf8')) as FixtureVenue[];
export const venueIds = new Set(venues.map((venue) => venue.id));
export const venuePosition = (id: string) => venues.find((venue) => venue.id === id)?.geo;

const loaded = readSessions(fixture, { displayRoot: root, venueIds });
if (loaded.problems.length > 0) throw new Error(JSON.stringify(loaded.problems));
export const sessions = loaded.sessions;

export function session(id: string): Session {
  const found = sessions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no fixture session ${id}`);
  return found;
}

/** Start instants of occurrences as ISO strings, to compare in one line. */
export const starts = (list: ReadonlyArray<{ start: Date }>) =>
  list.map((occurrence) => occurrence.start.toISOString());
