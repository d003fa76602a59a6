import { getExampleNumber, type CountryCode } from 'libphonenumber-js/min';
import examples from 'libphonenumber-js/mobile/examples';
import { displayPhone } from '../domain/phone.ts';
import type { Site } from '../schemas/site.ts';

export type Strings = Record<string, unknown>;

/**
 * The deployment's facts a shared sentence may name, as `{{site.<name>}}`. They are written
 * into the strings once, at build time, before i18next or an island sees them: a page and an
 * island then say the same, and a sentence's own `{{hotline}}` or `{{city}}` (given by the
 * page that shows it) is never confused with them.
 */
export function siteVariables(
  site: Pick<Site, 'city' | 'country' | 'emergency' | 'hotline' | 'specialists' | 'example_phone'>,
): Record<string, string> {
  return {
    city: site.city,
    /** The short number dialled inside the area ("311"). */
    hotlineNumber: site.hotline.local.display,
    hotlineName: site.hotline.name,
    emergency: site.emergency.display,
    specialists: site.specialists.name,
    examplePhone: examplePhone(site.country, site.example_phone),
  };
}

/** The example number forms show, written as the country writes numbers. */
export function examplePhone(country: string, number?: string): string {
  const e164 = number ?? getExampleNumber(country as CountryCode, examples)?.number;
  if (!e164) throw new Error(`No example phone number is known for ${country}: set example_phone`);
  return displayPhone({ number: e164 }, country);
}

const SITE_PLACEHOLDER = /\{\{\s*site\.([A-Za-z]+)\s*\}\}/g;

function fill(text: string, variables: Readonly<Record<string, string>>, where: string): string {
  return text.replace(SITE_PLACEHOLDER, (_, name: string) => {
    const value = variables[name];
    if (value === undefined)
      throw new Error(`${where} names {{site.${name}}}, which is no site fact`);
    return value;
  });
}

function fillAll(
  node: unknown,
  variables: Readonly<Record<string, string>>,
  where: string,
): unknown {
  if (typeof node === 'string') return fill(node, variables, where);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, child]) => [key, fillAll(child, variables, `${where}.${key}`)]),
  );
}

/** A copy of `strings` with `key` (dotted) set; the key must already be a string there. */
function withOverride(strings: Strings, key: string, value: string, where: string): Strings {
  const [head, ...rest] = key.split('.');
  const current = strings[head!];
  if (rest.length === 0) {
    if (typeof current !== 'string') throw new Error(`${where}: "${key}" is no shared string`);
    return { ...strings, [head!]: value };
  }
  if (!current || typeof current !== 'object')
    throw new Error(`${where}: "${key}" is no shared string`);
  return { ...strings, [head!]: withOverride(current as Strings, rest.join('.'), value, where) };
}

/**
 * The strings of every locale as this deployment shows them: the shared files with the
 * deployment's own wording (site.yaml `strings`) laid over them, then its facts written in.
 * An override of a key the shared strings lack stops the build: it would never be shown.
 */
export function deploymentStrings(
  shared: Readonly<Record<string, Strings>>,
  site: Pick<
    Site,
    'city' | 'country' | 'emergency' | 'hotline' | 'specialists' | 'example_phone' | 'strings'
  >,
): Record<string, Strings> {
  const variables = siteVariables(site);
  return Object.fromEntries(
    Object.entries(shared).map(([locale, strings]) => {
      let merged = strings;
      for (const [key, value] of Object.entries(site.strings[locale] ?? {}))
        merged = withOverride(merged, key, value, `site.yaml strings.${locale}`);
      return [locale, fillAll(merged, variables, locale) as Strings];
    }),
  );
}

/**
 * Regional strings files hold only what differs from their language's: `en-GB.json` gives the
 * British words and spellings and takes every other sentence from `en.json`. Each `xx-YY` file
 * whose language `xx` has a file is laid over it, key by key; the others (`zh-Hans`, whose
 * language has no file of its own) are complete already.
 */
export function withRegionalFallbacks(
  files: Readonly<Record<string, Strings>>,
): Record<string, Strings> {
  return Object.fromEntries(
    Object.entries(files).map(([locale, strings]) => {
      const language = locale.split('-')[0]!;
      const base = language !== locale ? files[language] : undefined;
      return [locale, base ? layOver(base, strings) : strings];
    }),
  );
}

function layOver(base: Strings, over: Strings): Strings {
  const merged: Strings = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = base[key];
    merged[key] =
      value && typeof value === 'object' && under && typeof under === 'object'
        ? layOver(under as Strings, value as Strings)
        : value;
  }
  return merged;
}
