import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/content-file.ts';
import { readSessions } from '../../src/load-sessions.ts';
import { root, venueIds } from './sessions-helpers.ts';

const bad = join(root, 'tests', 'fixtures', 'deployment-sessions-bad');
const messages = readSessions(bad, { displayRoot: root, venueIds }).problems.map(formatProblem);
const about = (name: string) =>
  messages.filter((m) =>
    m.startsWith(`tests/fixtures/deployment-sessions-bad/sessions/${name}.yaml: `),
  );

describe('a session file that is wrong', () => {
  it('names the file and the field of an ordinal in a weekly rule', () => {
    expect(about('ordinal-weekly')).toEqual([
      'tests/fixtures/deployment-sessions-bad/sessions/ordinal-weekly.yaml: schedule.byday: "1TH" counts weekdays in a month, so freq must be MONTHLY',
    ]);
  });

  it('names every wrong field of a schedule at once', () => {
    const file = 'tests/fixtures/deployment-sessions-bad/sessions/bad-times.yaml';
    expect(about('bad-times')).toEqual([
      `${file}: schedule.closes_at: must be a local time written HH:MM (24-hour), without a time zone offset`,
      `${file}: schedule.byday: "2XX" is not a weekday such as TU, or a weekday of the month such as 1TH or -1FR`,
      `${file}: schedule.closes_at: must be later than opens_at (14:00) on the same day`,
      `${file}: schedule.dtstart: is required when interval is 2: the date the count starts from`,
    ]);
  });

  it('names an unknown kind and a missing source together', () => {
    expect(about('no-sources')).toEqual([
      expect.stringMatching(/no-sources\.yaml: kind: Invalid option: expected one of "drop-in"\|/),
      'tests/fixtures/deployment-sessions-bad/sessions/no-sources.yaml: sources: must name at least one source',
    ]);
  });

  it('refuses a cancellation on a day the schedule does not fall on', () => {
    expect(about('cancelled-off-schedule')).toEqual([
      'tests/fixtures/deployment-sessions-bad/sessions/cancelled-off-schedule.yaml: cancelled[0].date: 2026-12-10 is not a date this schedule falls on',
    ]);
  });

  it("requires the id to be the file's name and the venue to be the deployment's", () => {
    expect(about('wrong-name')).toEqual([
      'tests/fixtures/deployment-sessions-bad/sessions/wrong-name.yaml: id: must be "wrong-name", the file\'s name',
    ]);
    expect(about('unknown-venue')).toEqual([
      'tests/fixtures/deployment-sessions-bad/sessions/unknown-venue.yaml: venue: "example-nowhere" is not one of the deployment\'s venues',
    ]);
  });

  it('reports nothing else', () => {
    expect(messages).toHaveLength(10);
  });
});
