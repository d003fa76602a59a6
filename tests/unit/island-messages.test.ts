import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { interpolate, placeholders } from '../../src/domain/interpolate.ts';
import { declaredKeys, islandMessages } from '../../src/i18n/island-messages.ts';
import { deploymentStrings } from '../../src/i18n/deployment-strings.ts';
import { CALLBACK_FIELDS_KEYS } from '../../src/islands/CallbackFields.tsx';
import { CALLBACK_FORM_KEYS } from '../../src/islands/callback-form-keys.ts';
import { CALLBACK_LOOKUP_KEYS } from '../../src/islands/callback-lookup-keys.ts';
import { REQUEST_STATUS_RESULT_KEYS } from '../../src/islands/RequestStatusResult.tsx';
import { CALLBACK_STATUS_KEYS } from '../../src/islands/CallbackStatus.tsx';
import { FACET_FILTERS_KEYS } from '../../src/islands/FacetFilters.tsx';
import { FINDER_KEYS } from '../../src/islands/finder-keys.ts';
import { FINDER_FORM_KEYS } from '../../src/islands/FinderForm.tsx';
import { FINDER_MAP_KEYS, RESULTS_MAP_KEYS } from '../../src/islands/FinderMap.tsx';
import { FINDER_NO_RESULTS_KEYS } from '../../src/islands/FinderNoResults.tsx';
import { FINDER_RESULTS_LIST_KEYS } from '../../src/islands/FinderResultsList.tsx';
import { PAGINATION_KEYS } from '../../src/components/Pagination.tsx';
import { PHONE_LINK_KEYS } from '../../src/components/PhoneLink.tsx';
import { REACH_LINE_KEYS } from '../../src/components/ReachLine.tsx';
import { PROVIDER_CARD_KEYS } from '../../src/components/ProviderCard.tsx';
import { NEXT_SESSION_KEYS } from '../../src/components/NextSession.tsx';
import { PROVIDER_LIST_KEYS } from '../../src/components/ProviderList.tsx';
import { SERVICE_TAGS_KEYS } from '../../src/components/ServiceTags.tsx';
import { UNVERIFIED_NOTE_KEYS } from '../../src/components/UnverifiedNote.tsx';
import { translator } from '../../src/islands/format.ts';
import { OPERATOR_KEYS } from '../../src/islands/operator-keys.ts';
import { QUICK_FILTERS_KEYS } from '../../src/islands/QuickFilters.tsx';
import { FINDER_STATUS_KEYS } from '../../src/islands/FinderStatus.tsx';
import { FINDER_SPARSE_KEYS } from '../../src/islands/FinderSparse.tsx';
import { FINDER_PATHS_KEYS } from '../../src/islands/FinderPaths.tsx';
import { SHARE_VIEW_KEYS } from '../../src/islands/ShareView.tsx';
import { publishedLocales } from './deployments.ts';
import { loadSite } from '../../src/load-site.ts';

import { stringsOf } from './strings-files.ts';

const root = join(import.meta.dirname, '..', '..');
const srcDir = join(root, 'src');
const islandsDir = join(srcDir, 'islands');
const published = publishedLocales();
// Boston's site facts fill the {{site.*}} placeholders the pages are drawn with.
const site = loadSite(join(root, 'content', 'boston'));
const english = stringsOf('en');

/**
 * Each island file, and each shared component islands draw, with the keys it declares. An
 * island's own keys are in its `-keys.ts` file, a component's beside it. Paths from src/.
 */
const DECLARED: Record<string, string[]> = {
  'finder-keys.ts': declaredKeys(FINDER_KEYS),
  'operator-keys.ts': declaredKeys(OPERATOR_KEYS),
  'callback-form-keys.ts': declaredKeys(CALLBACK_FORM_KEYS),
  'Finder.tsx': declaredKeys(FINDER_KEYS),
  'FinderForm.tsx': declaredKeys(FINDER_FORM_KEYS),
  'FinderMap.tsx': declaredKeys(FINDER_MAP_KEYS),
  'ResultsMap.tsx': declaredKeys(RESULTS_MAP_KEYS),
  'FinderNoResults.tsx': declaredKeys(FINDER_NO_RESULTS_KEYS),
  'FinderStatus.tsx': declaredKeys(FINDER_STATUS_KEYS),
  'FinderSparse.tsx': declaredKeys(FINDER_SPARSE_KEYS),
  'FinderPaths.tsx': declaredKeys(FINDER_PATHS_KEYS),
  'FinderResultsList.tsx': declaredKeys(FINDER_RESULTS_LIST_KEYS),
  'components/ProviderList.tsx': declaredKeys(PROVIDER_LIST_KEYS),
  'components/ProviderCard.tsx': declaredKeys(PROVIDER_CARD_KEYS),
  'components/NextSession.tsx': declaredKeys(NEXT_SESSION_KEYS),
  'components/ServiceTags.tsx': declaredKeys(SERVICE_TAGS_KEYS),
  'components/PhoneLink.tsx': declaredKeys(PHONE_LINK_KEYS),
  'components/ReachLine.tsx': declaredKeys(REACH_LINE_KEYS),
  'components/Pagination.tsx': declaredKeys(PAGINATION_KEYS),
  'ShareView.tsx': declaredKeys(SHARE_VIEW_KEYS),
  'QuickFilters.tsx': declaredKeys(QUICK_FILTERS_KEYS),
  'FacetFilters.tsx': declaredKeys(FACET_FILTERS_KEYS),
  'Operator.tsx': declaredKeys(OPERATOR_KEYS),
  'CallbackForm.tsx': declaredKeys(CALLBACK_FORM_KEYS),
  'CallbackFields.tsx': declaredKeys(CALLBACK_FIELDS_KEYS),
  'CallbackStatus.tsx': declaredKeys(CALLBACK_STATUS_KEYS),
  'callback-lookup-keys.ts': declaredKeys(CALLBACK_LOOKUP_KEYS),
  'CallbackLookup.tsx': declaredKeys(CALLBACK_LOOKUP_KEYS),
  'RequestStatusResult.tsx': declaredKeys(REQUEST_STATUS_RESULT_KEYS),
};

/** The islands a page renders, each given the messages for its declared keys. */
const ISLANDS: Record<string, string[]> = {
  'Finder.tsx': declaredKeys(FINDER_KEYS),
  'Operator.tsx': declaredKeys(OPERATOR_KEYS),
  'CallbackForm.tsx': declaredKeys(CALLBACK_FORM_KEYS),
  'CallbackLookup.tsx': declaredKeys(CALLBACK_LOOKUP_KEYS),
};

/** A file's source, named from src/ (`components/ProviderCard.tsx`) or, for islands, by name. */
const source = (file: string) =>
  readFileSync(join(file.includes('/') ? srcDir : islandsDir, file), 'utf8');

/**
 * The message keys a source names: every quoted string that starts with a top-level section of
 * en.json ('finder.ui.openNow', also inside ternaries and tables), and the fixed start of every
 * template literal that builds one (`callback.errors.${code}` → 'callback.errors.').
 */
function keysIn(text: string): { keys: string[]; prefixes: string[] } {
  const sections = Object.keys(english).join('|');
  const literal = new RegExp(`['"]((?:${sections})\\.[A-Za-z0-9_.]+)['"]`, 'g');
  const template = new RegExp(`\`((?:${sections})\\.[A-Za-z0-9_.]*)\\$\\{`, 'g');
  return {
    keys: [...text.matchAll(literal)].map((match) => match[1]!),
    prefixes: [...text.matchAll(template)].map((match) => match[1]!),
  };
}

/** Undeclared keys a source uses: literal keys not declared, built keys no declared key fits. */
function undeclared(text: string, declared: readonly string[]): string[] {
  const { keys, prefixes } = keysIn(text);
  return [
    ...keys.filter((key) => !declared.includes(key)),
    ...prefixes.filter((prefix) => !declared.some((key) => key.startsWith(prefix))),
  ];
}

/** The island and component files a file imports, statically or on demand, and theirs in turn. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const inComponents = file.startsWith('components/');
  for (const [, path, name] of source(file).matchAll(
    /(?:from|import\()\s*'(\.\/|\.\.\/components\/)([\w-]+\.tsx?)'/g,
  )) {
    reachable(inComponents || path !== './' ? `components/${name!}` : name!, seen);
  }
  return seen;
}

function valueAt(strings: Record<string, unknown>, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) => (node as Record<string, unknown> | undefined)?.[part],
      strings,
    );
}

/** A key's templates in one strings file: the message, or each of its plural forms. */
function templatesOf(strings: Record<string, unknown>, key: string): string[] | undefined {
  const value = valueAt(strings, key);
  if (typeof value === 'string') return [value];
  const other = valueAt(strings, `${key}_other`);
  if (typeof other !== 'string') return undefined;
  return ['zero', 'one', 'two', 'few', 'many', 'other']
    .map((category) => valueAt(strings, `${key}_${category}`))
    .filter((form): form is string => typeof form === 'string');
}

describe('island messages', () => {
  it('the key scan finds literal, conditional and built keys', () => {
    const text = `t('finder.ui.a'); t.plural("finder.ui.count", 2); t(on ? 'finder.ui.b' : 'finder.ui.c');
      const TOGGLES = [['x', 'finder.ui.d']]; t(\`callback.errors.\${code}\`); import './x.ts';`;
    expect(keysIn(text)).toEqual({
      keys: ['finder.ui.a', 'finder.ui.count', 'finder.ui.b', 'finder.ui.c', 'finder.ui.d'],
      prefixes: ['callback.errors.'],
    });
    expect(undeclared(text, ['finder.ui.a', 'finder.ui.b', 'finder.ui.count'])).toEqual([
      'finder.ui.c',
      'finder.ui.d',
      'callback.errors.',
    ]);
  });

  it('every island file that shows a message declares its keys', () => {
    const files = readdirSync(islandsDir).filter((name) => /\.tsx?$/.test(name));
    const speaking = files.filter((file) => keysIn(source(file)).keys.length > 0);
    expect(speaking.filter((file) => !(file in DECLARED))).toEqual([]);
  });

  it.each(Object.entries(DECLARED))('%s uses only the keys it declares', (file, declared) => {
    expect(undeclared(source(file), declared)).toEqual([]);
  });

  it.each(Object.entries(ISLANDS))(
    '%s is given every key that it and the components it shows use',
    (island, declared) => {
      const missing = [...reachable(island)].flatMap((file) =>
        undeclared(source(file), declared).map((key) => `${file}: ${key}`),
      );
      expect(missing).toEqual([]);
    },
  );

  describe.each(published)('in %s', (locale) => {
    const strings = stringsOf(locale);
    it.each(Object.entries(ISLANDS))('%s has every declared key', (_, declared) => {
      expect(declared.filter((key) => templatesOf(strings, key) === undefined)).toEqual([]);
    });

    it.each(Object.entries(ISLANDS))('%s keeps every placeholder English has', (_, declared) => {
      const changed = declared.filter((key) => {
        const names = (templates: string[] | undefined) =>
          [...new Set((templates ?? []).flatMap(placeholders))].sort().join();
        return names(templatesOf(strings, key)) !== names(templatesOf(english, key));
      });
      expect(changed).toEqual([]);
    });

    it('builds each island exactly the templates of its declared keys', () => {
      // As the deployment shows them: its own wording laid over, its facts written in.
      const shown = deploymentStrings({ [locale]: strings }, site)[locale]!;
      for (const declared of Object.values(ISLANDS)) {
        const messages = islandMessages(locale, declared);
        expect(Object.keys(messages).sort()).toEqual([...declared].sort());
        for (const key of declared) {
          const message = messages[key]!;
          const templates = typeof message === 'string' ? [message] : Object.values(message);
          expect(templates).toEqual(templatesOf(shown, key));
        }
      }
    });
  });

  it('a key that no strings file has stops the build', () => {
    expect(() => islandMessages('en', ['finder.ui.noSuchKey'])).toThrow(/finder\.ui\.noSuchKey/);
  });
});

describe('translating in an island', () => {
  const messages = islandMessages('ru', ['finder.ui.count', 'finder.ui.away', 'call.button']);
  const t = translator(messages, 'ru');

  it('fills placeholders and picks the plural form by the language', () => {
    const forms = messages['finder.ui.count'] as Record<string, string>;
    expect(t('finder.ui.away', { distance: '2 mi' })).toBe(
      interpolate(messages['finder.ui.away'] as string, { distance: '2 mi' }),
    );
    expect(t.plural('finder.ui.count', 1, { start: 1, end: 1 })).toBe(
      interpolate(forms.one!, { count: 1, start: 1, end: 1 }),
    );
    expect(t.plural('finder.ui.count', 3, { start: 1, end: 3 })).toBe(
      interpolate(forms.few!, { count: 3, start: 1, end: 3 }),
    );
    expect(t.plural('finder.ui.count', 25, { start: 1, end: 10 })).toBe(
      interpolate(forms.many!, { count: 25, start: 1, end: 10 }),
    );
    expect(t.template('call.button')).toContain('{{number}}');
  });

  it('falls back to the other form, then to the key, rather than to nothing', () => {
    const sparse = translator({ 'a.b': { other: '{{count}} x' }, 'a.c': 'C' }, 'en');
    expect(sparse.plural('a.b', 1)).toBe('1 x');
    expect(sparse('a.b')).toBe('{{count}} x');
    expect(sparse.plural('a.c', 2)).toBe('C');
    const loose = translator<string>({}, 'en');
    expect(loose('x.y')).toBe('x.y');
  });
});

describe('interpolation', () => {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: 'en',
    resources: { en: { translation: {} } },
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const cases: Array<[string, Record<string, string | number>]> = [
    ['Call {{number}}', { number: '311' }],
    ['Page {{current}} of {{last}}', { current: 2, last: 9 }],
    ['{{ count }} places, {{count}} in all', { count: 0 }],
    ['Back {{day}} at {{time}}', { time: '9:00' }],
    ['Nothing to fill', { extra: 'x' }],
    ['Search without “{{words}}”', { words: '$& {{words}} $1' }],
  ];

  it.each(cases)('fills %j as i18next does', (template, values) => {
    expect(interpolate(template, values)).toBe(i18n.t(template, { ...values, lng: 'en' }));
  });

  it('lists the placeholders a template uses', () => {
    expect(placeholders('{{a}} and {{ b }} and {{a}}')).toEqual(['a', 'b', 'a']);
  });
});

describe('words a page will never show', () => {
  it('are left out when the page says so, and only they', () => {
    const all = islandMessages('ar', PHONE_LINK_KEYS);
    const without = islandMessages('ar', PHONE_LINK_KEYS, UNVERIFIED_NOTE_KEYS);
    expect(all).toHaveProperty(['unverified.notice']);
    expect(without).not.toHaveProperty(['unverified.notice']);
    expect(Object.keys(without)).toEqual(
      Object.keys(all).filter((key) => key !== 'unverified.notice'),
    );
  });
});
