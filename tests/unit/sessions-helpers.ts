import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { venueSchema, type Venue } from '../../src/schemas/venue.ts';
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

/** The fixture's venues, each file checked as the content check checks a deployment's. */
export const venues: Venue[] = readdirSync(join(fixture, 'venues'))
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => venueSchema.parse(parse(readFileSync(join(fixture, 'venues', name), 'utf8'))));
export const venueIds = new Set(venues.map((venue) => venue.id));
export const venuePosition = (id: string): LatLon | undefined => {
  const geo = venues.find((venue) => venue.id === id)?.geo;
  return geo && { lat: geo.lat, lon: geo.lon };
};

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
