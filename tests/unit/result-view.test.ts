import { describe, expect, it } from 'vitest';
import { documentView, toSearchDocument } from '../../src/domain/search/documents.ts';
import { SearchEngine } from '../../src/domain/search/engine.ts';
import {
  resultViewOf,
  serviceTags,
  servicesUnlisted,
} from '../../src/domain/search/result-view.ts';
import { indexFile, providers, site } from './result-view-helpers.ts';

const byId = (id: string) => providers.find((p) => p.id === id)!;

describe('one view of a place, from the provider file or from the search index', () => {
  const file = indexFile('en');

  it.each(providers.map((p) => [p.id, p] as const))('%s: both give the same view', (_, p) => {
    expect(documentView(toSearchDocument(p, site.country), file.areas)).toEqual(
      resultViewOf(p, site),
    );
  });

  it('names every fact a card shows', () => {
    expect(resultViewOf(byId('roxbury-bupe'), site)).toEqual({
      id: 'roxbury-bupe',
      shortCode: expect.any(String) as string,
      name: 'Dudley Health Center',
      path: 'providers/roxbury-bupe/',
      address: { street: '1 Main Street', city: 'Boston' },
      area: 'Roxbury',
      // The first voice line, not the fax listed before it.
      phone: { href: 'tel:+16175550101,12', display: '617-555-0101 ext. 12', kind: 'voice' },
      // In taxonomy order, whatever order the file lists them in.
      services: ['medication', 'outpatient'],
      medications: ['buprenorphine', 'naloxone'],
      // Listed by the source, so not "inferred" as well.
      servicesInferredFromName: [],
      hours: [
        [540, 1020],
        [1980, 2460],
        [3420, 3900],
        [4860, 5340],
        [6300, 6780],
      ],
      position: { lat: 42.31523, lon: -71.09146 },
      reasons: [],
    });
  });

  it('leaves out a neighbourhood that only repeats the town', () => {
    expect(resultViewOf(byId('downtown-detox'), site).area).toBeUndefined();
  });

  it('has no number to tap when the only line is for texts', () => {
    expect(resultViewOf(byId('phone-only'), site).phone).toBeUndefined();
  });
});

describe('what a search adds to the view', () => {
  const engine = new SearchEngine(indexFile('en'));
  const wednesdayNoon = new Date('2026-01-14T17:00:00Z');
  const first = (text: string) => engine.view(engine.search({ text }, wednesdayNoon).results[0]!);

  it('says why a brand name matched, in the index language', () => {
    expect(first('suboxone').reasons).toEqual([{ typed: 'suboxone', term: 'Buprenorphine' }]);
  });

  it('does not explain a match on the name', () => {
    expect(first('dudley').reasons).toEqual([]);
  });

  it('adds open now where the hours are known, and the distance from a place', () => {
    const [result] = engine.search({ text: 'dudley', near: { lat: 42.36, lon: -71.06 } }).results;
    const view = engine.view(result!);
    expect(view.distanceKm).toBeGreaterThan(4);
    expect(typeof view.openNow).toBe('boolean');
  });
});

describe('rules decided once', () => {
  it('tags medicines by name, not the umbrella "medication", and not naloxone', () => {
    expect(serviceTags(resultViewOf(byId('roxbury-bupe'), site))).toEqual({
      medications: ['buprenorphine'],
      services: ['outpatient'],
      inferred: [],
    });
  });

  it('calls services unlisted when the source names neither services nor medicines', () => {
    expect(servicesUnlisted(resultViewOf(byId('lynn-recovery-home'), site))).toBe(true);
    expect(servicesUnlisted(resultViewOf(byId('downtown-detox'), site))).toBe(false);
    expect(
      servicesUnlisted({ services: [], medications: ['methadone'], servicesInferredFromName: [] }),
    ).toBe(false);
  });
});
