/**
 * Nothing about a place lives in src/: the names, numbers, regions, currencies and time zones
 * of a deployment come from its content (site.yaml, and the strings overrides beside it), so a
 * second city or council is a folder of content, not a fork of the code.
 *
 * What is scanned: the code of every source file (TS, TSX, Astro, CSS, JS) with its comments
 * blanked out, and every string of every src/i18n/<locale>.json. Comments are left alone: they
 * explain the code to its developers with real examples ("617-254-1271 shown as 1271-254-617"),
 * reach no page and change no behaviour. String literals, markup text and i18n strings are
 * what a reader sees, and code is what behaves: those are checked.
 *
 * What is looked for: the facts listed below, and every deployment's own names read from its
 * content/<name>/site.yaml (its city, neighbourhoods and their other names, its line and its
 * specialists), so "Roxbury" in a shared sentence fails as "Boston" does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSite } from '../../src/load-site.ts';
import type { Site } from '../../src/schemas/site.ts';
import { deploymentDirs } from './deployments.ts';
import { testSite } from './site-fixture.ts';

const root = join(import.meta.dirname, '..', '..');
const src = join(root, 'src');

interface Fact {
  /** What the finding is, for the failure message. */
  name: string;
  pattern: RegExp;
  /** Where the fact is looked for: code, i18n strings, or both. */
  in: 'code' | 'strings' | 'both';
}

const FACTS: readonly Fact[] = [
  { name: 'a city (Boston)', pattern: /\bBoston\b/, in: 'both' },
  { name: "Boston's specialists (PAATHS)", pattern: /\bPAATHS\b/, in: 'both' },
  { name: 'a state (Massachusetts)', pattern: /\bMassachusetts\b|\bMass\.\s/, in: 'both' },
  { name: 'a state programme (MassHealth)', pattern: /\bMassHealth\b/, in: 'both' },
  { name: 'a city line (311)', pattern: /(?<![\w.-])311(?![\w-])/, in: 'both' },
  { name: 'an emergency number (911)', pattern: /(?<![\w.-])911(?![\w-])/, in: 'both' },
  {
    name: 'an emergency number (999/112)',
    pattern: /(?<![\w.,-])(?:999|112)(?![\w-])/,
    in: 'strings',
  },
  { name: 'an area code (617)', pattern: /(?<![\d.])\(?617\)?[-. ]\d{3}/, in: 'both' },
  { name: 'the US postal code (ZIP)', pattern: /\bZIP\b/, in: 'strings' },
  // Code may name a country only as data it is given; a literal 'US' or 'GB' is a default
  // region (libphonenumber's defaultCountry, a schema default, an `=== 'US'` branch).
  { name: "a country code ('US', 'GB' …)", pattern: /(['"`])(?:US|USA|GB|UK)\1/, in: 'code' },
  { name: 'a currency code', pattern: /(['"`])(?:USD|GBP|EUR)\1/, in: 'code' },
  // In code `$1` is a regular expression's group; in a sentence "$20" is a price.
  { name: 'a currency', pattern: /[$£€]\s?\d/, in: 'strings' },
  {
    name: 'a time zone',
    pattern: /\b(?:America|Europe|Africa|Asia|Australia|Pacific|Atlantic|Indian)\/[A-Z][A-Za-z_]+/,
    in: 'both',
  },
  // Five digits alone are a US ZIP: a postal code's shape belongs to the deployment's country.
  { name: 'ZIP-only parsing (\\d{5})', pattern: /\\d\{5\}|\[0-9\]\{5\}/, in: 'code' },
];

/**
 * A place name as a whole word: not inside another (Dot in "dotted", JP in "JPEG"), whatever
 * the script. A name of three letters or fewer is an abbreviation and must match in its own
 * case ("Dot", never "dot"); a longer one matches in any case ("roxbury" is still Roxbury).
 * Chinese and Japanese put no spaces between words, so a name in their scripts matches anywhere.
 */
function placeNamePattern(name: string): RegExp {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  if (/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u.test(name))
    return new RegExp(escaped, 'u');
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '').length;
  return new RegExp(`(?<![\\p{L}\\p{N}_])${escaped}(?![\\p{L}\\p{N}_])`, letters <= 3 ? 'u' : 'iu');
}

/**
 * Each deployment's own names, read from its site.yaml: its city, its neighbourhoods and the
 * names residents give them, its line and its specialists. A name that holds a fact the list
 * above names already ("East Boston" holds Boston) adds nothing and is left out.
 */
function deploymentFacts(name: string, site: Site): Fact[] {
  const named: Array<[string, string | undefined]> = [
    ['city', site.city],
    ...Object.values(site.neighbourhoods).flatMap((place): Array<[string, string]> => [
      ['neighbourhood', place.name],
      ...place.aliases.map((alias): [string, string] => [`name for ${place.name}`, alias]),
    ]),
    ['line', site.hotline.name],
    ['specialists', site.specialists.name],
    ['specialists', site.specialists.full_name],
  ];
  const seen = new Set<string>();
  return named.flatMap(([what, text]): Fact[] => {
    if (!text || seen.has(text)) return [];
    seen.add(text);
    if (FACTS.some((fact) => fact.in === 'both' && fact.pattern.test(text))) return [];
    return [{ name: `${name}'s ${what} (${text})`, pattern: placeNamePattern(text), in: 'both' }];
  });
}

/** Every deployment's names: what one place is called must not serve another from src/. */
const PLACE_NAMES: readonly Fact[] = deploymentDirs().flatMap((dir) =>
  deploymentFacts(basename(dir), loadSite(dir)),
);

/**
 * Things that match a pattern but are no fact about a place, each with why. Keyed by file
 * (relative to src/) and the fact's name; keep this short.
 */
const ALLOWED: ReadonlyArray<{ file: string; fact: string; why: string }> = [
  {
    // The SAMHSA directory is the United States' federal register: its files hold US numbers
    // and US addresses whatever deployment imports them. The source's country, not the
    // deployment's: an importer of another country's register names that country.
    file: 'importers/pipeline/phones.ts',
    fact: "a country code ('US', 'GB' …)",
    why: 'SAMHSA numbers are read as US numbers',
  },
  {
    file: 'importers/pipeline/providers.ts',
    fact: "a country code ('US', 'GB' …)",
    why: 'SAMHSA addresses are in the US',
  },
  {
    // NHS ODS is England's register of GP practices and pharmacies: its numbers are UK
    // numbers and its addresses are in Great Britain whatever deployment imports them.
    file: 'importers/adapters/nhs-ods.ts',
    fact: "a country code ('US', 'GB' …)",
    why: 'NHS ODS numbers are read as UK numbers',
  },
  {
    file: 'importers/nhs-ods.ts',
    fact: "a country code ('US', 'GB' …)",
    why: 'NHS ODS addresses are in Great Britain',
  },
  {
    // Words kept in capitals when a register's names are turned into readable case ("NHS",
    // "UK", "GP"): spelling, not a fact about where the site serves.
    file: 'importers/pipeline/readable-case.ts',
    fact: "a country code ('US', 'GB' …)",
    why: 'an abbreviation kept in capitals',
  },
  {
    // The `zipcodes` package is the US's table of ZIP codes, read only for the regions the
    // deployment lists in `postal_regions`; the five digits are the shape of that package's keys.
    file: 'domain/search/postal-table.ts',
    fact: 'ZIP-only parsing (\\d{5})',
    why: "the shape of the US zipcodes package's own keys",
  },
];

const used = new Set<(typeof ALLOWED)[number]>();

/** Blanks out comments, keeping every newline so line numbers stay right. */
function blankComments(text: string): string {
  const blank = (match: string) => match.replace(/[^\n]/g, ' ');
  return (
    text
      .replace(/\/\*[\s\S]*?\*\//g, blank)
      .replace(/<!--[\s\S]*?-->/g, blank)
      // A line comment starts a line or follows a space; `https://` has neither.
      .replace(
        /(^|[\s;{}(),])\/\/[^\n]*/gm,
        (match, before: string) => before + blank(match.slice(before.length)),
      )
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

interface Finding {
  file: string;
  line: number;
  fact: string;
  text: string;
}

function scan(
  file: string,
  lines: readonly string[],
  where: 'code' | 'strings',
  facts: readonly Fact[] = [...FACTS, ...PLACE_NAMES],
): Finding[] {
  const name = relative(src, file);
  const findings: Finding[] = [];
  lines.forEach((text, index) => {
    for (const fact of facts) {
      if (fact.in !== 'both' && fact.in !== where) continue;
      if (!fact.pattern.test(text)) continue;
      const allowed = ALLOWED.find((entry) => entry.fact === fact.name && name === entry.file);
      if (allowed) used.add(allowed);
      else findings.push({ file: name, line: index + 1, fact: fact.name, text: text.trim() });
    }
  });
  return findings;
}

/** Only the values of a strings file are read: its keys are the code's own names. */
function stringLines(text: string): string[] {
  return text.split('\n').map((line) => {
    const value = /^\s*"(?:[^"\\]|\\.)*"\s*:\s*("(?:[^"\\]|\\.)*")/.exec(line);
    return value ? value[1]! : '';
  });
}

function findings(): Finding[] {
  return filesUnder(src).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    if (/\/i18n\/[^/]+\.json$/.test(file)) return scan(file, stringLines(text), 'strings');
    if (/\.(?:ts|tsx|astro|css|js|mjs)$/.test(file))
      return scan(file, blankComments(text).split('\n'), 'code');
    return [];
  });
}

describe('src/ names no fact about a place', () => {
  it('takes every name, number, region, currency and time zone from the deployment', () => {
    const found = findings().map(
      (f) => `src/${f.file}:${f.line}: names ${f.fact}: ${f.text.slice(0, 120)}`,
    );
    expect(
      found,
      `Deployment facts belong in content/<deployment>/site.yaml (or the deployment's strings overrides, see docs/place-facts.md), not in src/:\n${found.join('\n')}\n`,
    ).toEqual([]);
  });

  it('allows nothing that is no longer there', () => {
    findings();
    expect(ALLOWED.filter((entry) => !used.has(entry)).map((entry) => entry.file)).toEqual([]);
  });

  it('still sees a fact in code and in strings, and not in comments', () => {
    const code = blankComments(
      [
        "const region = 'US'; // like 'US' in Boston",
        '/* Boston, 311 */ const zone = "America/New_York";',
        "const url = 'https://example.org/x'; const call = '311';",
      ].join('\n'),
    ).split('\n');
    const facts = scan(join(src, 'x.ts'), code, 'code').map((f) => `${f.line} ${f.fact}`);
    expect(facts).toEqual([
      "1 a country code ('US', 'GB' …)",
      '2 a time zone',
      '3 a city line (311)',
    ]);
    const strings = stringLines(
      '{\n  "a": "Call 311 from a Boston number",\n  "b": "A ZIP code"\n}',
    );
    expect(scan(join(src, 'i18n', 'en.json'), strings, 'strings').map((f) => f.fact)).toEqual([
      'a city (Boston)',
      'a city line (311)',
      'the US postal code (ZIP)',
    ]);
  });

  it("sees a deployment's own names as whole words, short ones in their own case", () => {
    const site = testSite({
      city: 'Example County',
      neighbourhoods: {
        dorchester: {
          name: 'Dorchester',
          center: { lat: 0, lon: 0 },
          aliases: ['Dot', 'J.P.', 'East Example', '唐人街'],
        },
      },
    });
    const facts = deploymentFacts('example', site);
    const found = (line: string) =>
      scan(join(src, 'i18n', 'en.json'), [line], 'strings', facts).map((f) => f.fact);
    expect(found('"A clinic in Dorchester"')).toEqual(["example's neighbourhood (Dorchester)"]);
    expect(found('"near east  example"')).toEqual(["example's name for Dorchester (East Example)"]);
    expect(found('"Go to Dot Ave, or J.P. itself"')).toEqual([
      "example's name for Dorchester (Dot)",
      "example's name for Dorchester (J.P.)",
    ]);
    expect(found('"诊所在唐人街"')).toEqual(["example's name for Dorchester (唐人街)"]);
    // Not inside a word, and an abbreviation not in another case.
    expect(found('"a dotted line, a dot, Dorchesters, JPEG, J.P.s"')).toEqual([]);
    // The list's own facts already cover a name that holds one (Boston's "Boston 311").
    expect(deploymentFacts('x', testSite()).map((f) => f.name)).toEqual([]);
  });
});
