import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ProviderCard } from '../../src/components/ProviderCard.tsx';
import { deploymentLine } from '../../src/domain/reach.ts';
import { documentView, toSearchDocument } from '../../src/domain/search/documents.ts';
import { resultViewOf } from '../../src/domain/search/result-view.ts';
import { slotsByVenue } from '../../src/domain/sessions/slots.ts';
import { attributionsOf, venueListing } from '../../src/domain/venue-listing.ts';
import { islandMessages } from '../../src/i18n/island-messages.ts';
import { FINDER_KEYS } from '../../src/islands/finder-keys.ts';
import { translator } from '../../src/islands/format.ts';
import { loadSite } from '../../src/load-site.ts';
import { venueSchema, type Venue } from '../../src/schemas/venue.ts';
import { calendar, fixture, root, sessions, venues } from './sessions-helpers.ts';

const OGL =
  'Contains public sector information licensed under the Open Government Licence v3.0. Source: NHS England, Organisation Data Service.';

/** A venue as the NHS ODS importer writes one (content/durham/venues/fa121.yaml). */
const durham = (id: string): Venue =>
  venueSchema.parse(
    parse(readFileSync(join(root, 'content', 'durham', 'venues', `${id}.yaml`), 'utf8')),
  );

describe('a venue as a listing', () => {
  const pharmacy = durham('fa121');
  const listing = venueListing(pharmacy);

  it('keeps its identity, address, position and numbers in the provider shape', () => {
    expect(listing).toMatchObject({
      id: 'fa121',
      name: 'Tesco Instore Pharmacy',
      address: {
        street: 'St Helen Auckland Ind Est',
        city: 'Bishop Auckland',
        region: 'County Durham',
        postal_code: 'DL14 9AB',
        country: 'GB',
      },
      geo: { lat: 54.6416, lon: -1.69363, precision: 'address' },
      phones: [{ number: '+443450269626', kind: 'voice' }],
    });
  });

  it('carries what a provider lacks: its kind, register code and attribution', () => {
    expect(listing.venue).toMatchObject({
      kind: 'pharmacy',
      register: { scheme: 'nhs-ods', code: 'FA121' },
      attributions: [OGL],
      services: 'unknown',
    });
  });

  it('invents nothing: no service, no hours, availability unknown', () => {
    expect(listing.services).toEqual([]);
    expect(listing.medications).toEqual([]);
    expect(listing.hours).toBeUndefined();
    expect(listing.availability).toEqual({ status: 'unknown' });
    expect(listing.description).toEqual({});
  });

  it('names its source as the register does', () => {
    expect(listing.sources).toEqual([
      expect.objectContaining({
        name: 'NHS England, Organisation Data Service (edispensary, community pharmacies)',
        retrieved: '2026-12-01',
        vintage: 'about March–April 2025',
        record: 'FA121',
      }),
    ]);
  });

  it('joins a register address into one street line, in the register order', () => {
    expect(venueListing(durham('a83001')).address?.street).toBe("Sensier House, St Andrew's Lane");
  });

  it('lists a service only where a source says so for the venue', () => {
    const offering = venueListing({
      ...pharmacy,
      services: ['needle-and-syringe-programme', 'naloxone', 'supervised-consumption'],
    });
    expect(offering.services).toEqual(['harm-reduction', 'medication']);
    expect(offering.medications).toEqual(['naloxone']);
  });

  it('keeps a district centre approximate', () => {
    const district = venueListing({
      ...pharmacy,
      geo: { lat: 54.6, lon: -1.7, precision: 'district' },
    });
    expect(district.geo?.precision).toBe('approximate');
  });

  it('gives a page of listings each attribution once, and none for providers', () => {
    const gp = venueListing(durham('a83001'));
    expect(attributionsOf([listing, gp, listing])).toEqual([OGL]);
    expect(attributionsOf([{ ...listing, venue: undefined }])).toEqual([]);
  });
});

describe("a venue's card", () => {
  const site = loadSite(fixture);
  const locale = 'en-GB';
  const t = translator(islandMessages('en', FINDER_KEYS), locale);
  const line = deploymentLine(site);
  // Monday 30 November 2026, 09:00 GMT: the needle exchange is on Tuesday 1 December.
  const now = Date.parse('2026-11-30T09:00:00Z');
  const slots = slotsByVenue(sessions, new Date(now), calendar);
  const venue = venues.find((entry) => entry.id === 'example-high-street-pharmacy')!;
  const listing = venueListing(venue);

  const card = (view: ReturnType<typeof resultViewOf>, at = now) =>
    renderToString(h(ProviderCard, { view, locale, t, label: (_, key) => key, line, now: at }));
  const staticCard = card(resultViewOf(listing, site, slots.get(venue.id)));

  it('is the same card whether drawn at build time or from the search index', () => {
    const doc = toSearchDocument(listing, site.country, slots.get(venue.id));
    expect(card(documentView(doc, {}, site.time_zone))).toEqual(staticCard);
  });

  it('says what the place is, its next session in 24-hour time, and to ask the pharmacy', () => {
    expect(staticCard).toContain('<li>Pharmacy</li>');
    expect(staticCard).toContain('Next session: Tuesday 10:00–12:00 (Needle and syringe program)');
    expect(staticCard).toContain('Supervised consumption and needle exchange: ask the pharmacy.');
  });

  it('says "on now" while a session is under way', () => {
    const during = Date.parse('2026-12-01T10:30:00Z');
    expect(card(resultViewOf(listing, site, slots.get(venue.id)), during)).toContain(
      'On now: Tuesday 10:00–12:00',
    );
  });

  it('gives the date when the next session is more than six days off', () => {
    // Just after Tuesday's session: the next Tuesday would read as this one.
    const after = Date.parse('2026-12-01T12:30:00Z');
    expect(card(resultViewOf(listing, site, slots.get(venue.id)), after)).toContain(
      'Next session: Tuesday 8 December, 10:00–12:00',
    );
  });
});
