import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  absolute,
  callbackPath,
  finderAreaPath,
  finderPath,
  finderPathPath,
  listPagePath,
  localized,
  providerPath,
  shortLinkPath,
  topLevelPath,
} from '../../src/domain/urls.ts';
import { scanAstro, scanSource, scanTypeScript, type Finding } from './hand-built-links.ts';

const src = join(import.meta.dirname, '..', '..', 'src');

/**
 * Where a value next to a slash is not a link to one of the site's pages: the one file that
 * builds those, the Open311 API (its client and the local server), whose URLs are the API's,
 * and the hosting side (the header rules' path patterns, server configurations, the static
 * server's files), which names folders of dist/, not pages.
 */
const EXEMPT = [
  'domain/urls.ts',
  'domain/open311/',
  'intake/',
  'domain/security/',
  'cli/static-server.ts',
];

const sourceFiles = readdirSync(src, { recursive: true, encoding: 'utf8' })
  .map((file) => file.split('\\').join('/'))
  .filter((file) => /\.(?:ts|tsx|astro)$/.test(file) && !file.endsWith('.d.ts'))
  .filter((file) => !EXEMPT.some((exempt) => file === exempt || file.startsWith(exempt)))
  .sort();

const said = (file: string, findings: Finding[]) =>
  findings.map(({ line, rule, shape }) => `src/${file}:${line}: ${rule}: ${shape}`);

describe('links to the site', () => {
  it('reads the whole site: pages, components, islands, layouts', () => {
    for (const folder of ['pages/', 'components/', 'islands/', 'layouts/']) {
      expect(sourceFiles.some((file) => file.startsWith(folder))).toBe(true);
    }
    expect(sourceFiles.filter((file) => file.endsWith('.astro')).length).toBeGreaterThan(20);
  });

  it('are built only in src/domain/urls.ts', () => {
    const found = sourceFiles.flatMap((file) =>
      said(file, scanSource(readFileSync(join(src, file), 'utf8'), file)),
    );
    // Use `localized(locale, providerPath(id))` and the like instead; add what is missing there.
    expect(found).toEqual([]);
  });
});

// Each as the pages and islands built it by hand before, so no link changed on the way here.
describe('the links urls.ts builds', () => {
  const origin = 'https://finder.example.org';

  it('puts a path on the public origin', () => {
    expect(absolute(origin, localized('es', shortLinkPath('4k7q2mz')))).toBe(
      `${origin}/es/p/4k7q2mz/`,
    );
    expect(absolute(`${origin}/`, localized('en', ''))).toBe(`${origin}/en/`);
  });

  it('keeps the finder state of an operator link as it is', () => {
    const search = '?q=detox&service=detox,outpatient&near=02119';
    expect(absolute(origin, localized('zh-Hant', finderPath(search)))).toBe(
      `${origin}/zh-Hant/find/${search}`,
    );
    expect(finderPath()).toBe('find/');
  });

  it('prefills a callback for someone else as the operator view did', () => {
    const id = 'bay-cove-human-services-methadone-services-boston';
    expect(
      localized('en', callbackPath({ for: 'someone-else', provider: id, lang: 'zh-Hans' })),
    ).toBe(
      `/en/callback/?for=someone-else&provider=${encodeURIComponent(id)}&lang=${encodeURIComponent('zh-Hans')}`,
    );
  });

  it('names providers, top-level pages, listings and their later pages', () => {
    expect(localized('ar', providerPath('boston-paaths'))).toBe('/ar/providers/boston-paaths/');
    expect(localized('en', topLevelPath('families'))).toBe('/en/families/');
    expect(finderAreaPath('jamaica-plain')).toBe('find/area/jamaica-plain/');
    expect(finderPathPath('detox')).toBe('find/path/detox/');
    expect(listPagePath(finderAreaPath('roxbury'), 1)).toBe('find/area/roxbury/');
    expect(listPagePath(finderAreaPath('roxbury'), 3)).toBe('find/area/roxbury/3/');
  });
});

describe('the scan for hand-built links', () => {
  const rules = (findings: Finding[]) => findings.map((finding) => finding.rule);

  it.each([
    ['a locale prefix in a template', 'const a = `/${locale}/providers/${id}/`;'],
    ['a locale after the origin', 'const a = `${origin}/${caller}/p/${code}/`;'],
    ['a prefix joined with +', "const a = '/' + locale + '/';"],
    ['a + chain in parentheses', "const a = ('/' + (locale)) + ('/find/');"],
    ['a segment appended to a base', 'const a = `${base}${id}/`;'],
    ['a path inside a longer template', 'const a = `find/area/${slug}/`;'],
    ['an array joined with slashes', "const a = ['', locale, 'find', ''].join('/');"],
    ['a template over several lines', 'const a = `/${\n  locale\n}/find/`;'],
    ['a written locale', "const a = '/es/find/';"],
    ['a written locale on the origin', "const a = 'https://example.org/zh-Hant/';"],
  ])('finds %s in TypeScript', (_, code) => {
    expect(scanTypeScript(code, 'x.ts').length).toBeGreaterThan(0);
  });

  it('finds them in JSX attributes and expressions', () => {
    const code = [
      'export const A = ({ locale, id }: { locale: string; id: string }) => (',
      '  <p>',
      '    <a href={`/${locale}/providers/${id}/`}>one</a>',
      '    <a href="/en/find/">two</a>',
      "    <a href={'/' + locale + '/callback/'}>three</a>",
      '  </p>',
      ');',
    ].join('\n');
    expect(scanTypeScript(code, 'x.tsx').map((finding) => finding.line)).toEqual([3, 4, 5]);
  });

  it('finds them in every part of an .astro file: front matter, template and scripts', () => {
    const code = [
      '---',
      "const title = 'Café, naïve — ünïcödé 🙂';",
      'const a = `/${Astro.params.locale}/find/`;',
      '---',
      '<p>Text with a slash / and an apostrophe, it’s fine.</p>',
      '<a href={`${base}${id}/`}>one</a>',
      '<a href="/es/paths/">two</a>',
      '<ul>{items.map((item) => <li><a href={"/" + item.locale + "/"}>{item.name}</a></li>)}</ul>',
      '<script is:inline define:vars={{ chosen }}>',
      "  location.replace('/' + chosen + '/');",
      '</script>',
      '<script>',
      "  const b = ['', 'en', 'find'].join('/');",
      '</script>',
    ].join('\n');
    expect(scanAstro(code).map((finding) => finding.line)).toEqual([3, 6, 7, 8, 10, 13]);
  });

  it.each([
    ['a path with no value in it', "localized(locale, 'find/');"],
    ['a value with no slash beside it', 'const a = `${findPath}${search}`;'],
    ['a phone link', 'const a = `tel:${dial}`;'],
    ['a key that is not a path', 'const a = t(`footer.${key}`);'],
    ['a slash in a comment', '// `/${locale}/` is built in urls.ts\nconst a = 1;'],
    ['a regular expression', 'const a = path.replace(/^\\/+/, "");'],
    ['division', 'const a = `${total / count}`;'],
    ['an import of a file', "import en from '../i18n/en.json';\nimport x from './es/y.ts';"],
    ['a file path that only looks like a locale', "const a = '../i18n/es.json';"],
    ['content ids, split not built', "const [locale, ...rest] = id.split('/');"],
  ])('lets %s pass', (_, code) => {
    expect(rules(scanTypeScript(code, 'x.ts'))).toEqual([]);
  });

  it('lets HTML prose and static links pass in .astro files', () => {
    const code = [
      '---',
      "import { localized } from '../domain/urls.ts';",
      '---',
      '<!-- a comment with `/${locale}/` in it -->',
      '<p>Either/or, and/or: 24/7.</p>',
      '<a href={localized(locale, "find/")}>find</a>',
      '<link rel="icon" href="/favicon.svg" />',
    ].join('\n');
    expect(rules(scanAstro(code))).toEqual([]);
  });
});
