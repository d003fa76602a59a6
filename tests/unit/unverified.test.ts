import { join } from 'node:path';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PhoneLink } from '../../src/components/PhoneLink.tsx';
import { ReachLine } from '../../src/components/ReachLine.tsx';
import { UnverifiedNote } from '../../src/components/UnverifiedNote.tsx';
import { listDeployments } from '../../src/deployment.ts';
import { lookUpNumber } from '../../src/domain/numbers.ts';
import { phoneView } from '../../src/domain/phone.ts';
import { deploymentLine } from '../../src/domain/reach.ts';
import { anyUnverified, isProductionBuild } from '../../src/domain/unverified.ts';
import {
  checkForBuild,
  contentCheck,
  formatProblem,
  inspectContent,
} from '../../src/integrations/content-check.ts';
import { readSiteFile } from '../../src/load-site.ts';
import { providerSchema } from '../../src/schemas/provider.ts';
import { unverifiedSchema } from '../../src/schemas/unverified.ts';
import { markdownNumbers } from '../../src/integrations/markdown-numbers.ts';
import ar from '../../src/i18n/ar.json' with { type: 'json' };
import en from '../../src/i18n/en.json' with { type: 'json' };

const root = join(import.meta.dirname, '..', '..');
const fixture = join(root, 'tests', 'fixtures', 'deployment-unverified');
const NOTICE = en.unverified.notice;
// The components' translate function as a page gives it, for the keys these tests meet.
const t = (key: string) => (key === 'unverified.notice' ? NOTICE : key);

const LISTED = [
  'tests/fixtures/deployment-unverified/site.yaml: hotline.local: "03069 990123" is unverified: From a health trust page of about 2020; the service has not confirmed it (found in: https://example.org/old-trust-page)',
  'tests/fixtures/deployment-unverified/site.yaml: hotline.anywhere: "03069 990123" is unverified: From a health trust page of about 2020; the service has not confirmed it',
  'tests/fixtures/deployment-unverified/providers/example-pharmacy.yaml: phones[1]: "+442079460101" is unverified: Read from a leaflet; the pharmacy has not confirmed it',
];

describe('the unverified mark', () => {
  it('takes a reason and, optionally, where the number was found', () => {
    expect(unverifiedSchema.safeParse({ reason: 'Not confirmed' }).success).toBe(true);
    expect(
      unverifiedSchema.safeParse({ reason: 'Not confirmed', source: 'an old leaflet' }).success,
    ).toBe(true);
  });

  it('refuses a mark without a reason, an empty one, or one with unknown fields', () => {
    expect(unverifiedSchema.safeParse({}).success).toBe(false);
    expect(unverifiedSchema.safeParse({ reason: '  ' }).success).toBe(false);
    expect(unverifiedSchema.safeParse({ reason: 'x', checked: 'no' }).success).toBe(false);
  });

  it("is accepted on site.yaml's numbers and a provider's phones", () => {
    const { site, problems } = readSiteFile(join(fixture, 'site.yaml'), root);
    expect(problems).toEqual([]);
    expect(site?.hotline.local.unverified?.reason).toMatch(/has not confirmed it/);
    const provider = providerSchema.safeParse({
      id: 'a',
      name: 'A',
      phones: [{ number: '+442079460101', unverified: { reason: 'From a leaflet' } }],
      sources: [{ name: 'Test', retrieved: '2026-12-01' }],
    });
    expect(provider.success && provider.data.phones[0]?.unverified?.reason).toBe('From a leaflet');
    const bad = providerSchema.safeParse({
      id: 'a',
      name: 'A',
      phones: [{ number: '+442079460101', unverified: { why: 'unknown' } }],
      sources: [{ name: 'Test', retrieved: '2026-12-01' }],
    });
    expect(bad.success).toBe(false);
  });

  it('is carried to what the pages draw: a placeholder, the line, a phone', () => {
    const { site } = readSiteFile(join(fixture, 'site.yaml'), root);
    expect(lookUpNumber(site!, 'tel', 'hotline.local')?.unverified).toBe(true);
    expect(lookUpNumber(site!, 'tel', 'emergency')).not.toHaveProperty('unverified');
    expect(deploymentLine(site!).anywhere.unverified).toBe(true);
    expect(anyUnverified(site!)).toBe(true);
    const view = phoneView({ number: '+442079460101', kind: 'voice', unverified: {} }, 'GB');
    expect(view.unverified).toBe(true);
  });
});

describe('the content check', () => {
  it('lists every unverified number to call with its file and field', () => {
    const { problems, unverified } = inspectContent(fixture, root);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(unverified.map((n) => [n.file, n.field])).toEqual([
      ['tests/fixtures/deployment-unverified/site.yaml', 'hotline.local'],
      ['tests/fixtures/deployment-unverified/site.yaml', 'hotline.anywhere'],
      ['tests/fixtures/deployment-unverified/providers/example-pharmacy.yaml', 'phones[1]'],
    ]);
  });

  it('makes them problems in a production build, warnings in any other', () => {
    const production = checkForBuild(fixture, root, true);
    // The fixture's local development addresses are refused beside them.
    const plainHttp = [
      'tests/fixtures/deployment-unverified/site.yaml: origin: "http://localhost:4321" is not an https:// address: a published site must send and load over HTTPS',
      'tests/fixtures/deployment-unverified/site.yaml: intake.endpoint: "http://127.0.0.1:8311/open311/v2" is not an https:// address: a published site must send and load over HTTPS',
    ];
    expect(production.problems.map(formatProblem)).toEqual([...LISTED, ...plainHttp]);
    expect(production.warnings).toEqual([]);
    expect(production.refused).toBe(5);
    const development = checkForBuild(fixture, root, false);
    expect(development.problems).toEqual([]);
    expect(development.warnings.map(formatProblem)).toEqual(LISTED);
  });

  // Every deployment in the repository, with the numbers still waiting for their owner's word.
  // A number is added here only with a reason in its site.yaml; a production build refuses it.
  const AWAITING: Readonly<Record<string, readonly string[]>> = {
    boston: [],
    // The service's line, from an NHS trust page of about 2020 (content/durham/sources/README.md).
    durham: ['hotline.local', 'hotline.anywhere'],
  };
  it.each(listDeployments(root))(
    'content/%s has no unverified number but those awaited',
    (name) => {
      const found = inspectContent(join(root, 'content', name), root).unverified;
      expect(found.map((fact) => fact.field)).toEqual(AWAITING[name] ?? []);
    },
  );
});

describe('a production build', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function run(command: string) {
    vi.stubEnv('DEPLOYMENT_DIR', fixture);
    const warnings: string[] = [];
    const hook = contentCheck().hooks['astro:config:setup'] as unknown as (o: object) => void;
    hook({
      config: { root: new URL('../../', import.meta.url) },
      command,
      logger: { info: () => undefined, warn: (message: string) => warnings.push(message) },
    });
    return warnings;
  }

  it('counts as production only when NODE_ENV=production was asked for', () => {
    expect(isProductionBuild({ NODE_ENV: 'production' })).toBe(true);
    // Astro sets NODE_ENV=production for every build; npm run build passes on what was asked.
    expect(isProductionBuild({ NODE_ENV: 'production', RECOVERY_FINDER_NODE_ENV: '' })).toBe(false);
    expect(isProductionBuild({ RECOVERY_FINDER_NODE_ENV: 'production' })).toBe(true);
    expect(isProductionBuild({})).toBe(false);
  });

  it('refuses to build, listing every unverified number', () => {
    vi.stubEnv('RECOVERY_FINDER_NODE_ENV', 'production');
    let message = '';
    try {
      run('build');
    } catch (error) {
      message = (error as Error).message;
    }
    // The three numbers, and the fixture's two local http:// addresses.
    expect(message).toMatch(/^Content check failed: 5 problems\n/);
    for (const line of LISTED) expect(message).toContain(`  - ${line}`);
    expect(message).toContain('intake.endpoint: "http://127.0.0.1:8311/open311/v2" is not');
    expect(message).toContain('NODE_ENV=production');
  });

  it('builds otherwise, warning once per number', () => {
    vi.stubEnv('RECOVERY_FINDER_NODE_ENV', 'development');
    expect(run('build')).toEqual(LISTED.map((line) => `${line} (a production build refuses it)`));
  });

  it('lets astro dev serve the numbers, warning', () => {
    vi.stubEnv('RECOVERY_FINDER_NODE_ENV', 'production');
    expect(run('dev')).toHaveLength(3);
  });
});

describe('the notice beside a number', () => {
  it('says plainly that the number is not confirmed', () => {
    const html = renderToString(h(UnverifiedNote, { unverified: true, t }));
    expect(html).toBe(` <strong class="rf-unverified" dir="auto">${NOTICE}</strong>`);
  });

  it('draws nothing for a confirmed number', () => {
    expect(renderToString(h(UnverifiedNote, { unverified: undefined, t }))).toBe('');
    const phone = phoneView({ number: '+442079460100', kind: 'voice' }, 'GB');
    expect(renderToString(h(PhoneLink, { phone, t }))).not.toContain('rf-unverified');
  });

  it("follows a provider's unverified number, which stays a link", () => {
    const phone = phoneView({ number: '+442079460101', kind: 'voice', unverified: {} }, 'GB');
    const html = renderToString(h(PhoneLink, { phone, t }));
    expect(html).toMatch(
      /^<a href="tel:\+442079460101" class="rf-ltr">020 7946 0101<\/a> <strong class="rf-unverified"/,
    );
    expect(html).toContain(NOTICE);
  });

  it("follows the line's numbers where a card has none of its own", () => {
    const { site } = readSiteFile(join(fixture, 'site.yaml'), root);
    const html = renderToString(
      h(ReachLine, {
        as: 'p',
        id: 'x',
        locale: 'en',
        line: deploymentLine(site!),
        callback: false,
        t: (key: string, values?: Record<string, string | number>) =>
          key === 'provider.reachLine'
            ? `Call ${values?.hotline} (${values?.number} from outside ${values?.city}).`
            : t(key),
      }),
    );
    expect(html.split(NOTICE)).toHaveLength(3);
  });
});

describe('a number placed in a path or page', () => {
  it('has the notice beside it, in the language of the file', async () => {
    const { site } = readSiteFile(join(fixture, 'site.yaml'), root);
    const plugin = markdownNumbers(() => Promise.resolve(site!)) as unknown as {
      before: () => Promise<void>;
      text: (node: { value: string }, context: object) => void;
    };
    await plugin.before();
    const replaced: unknown[] = [];
    plugin.text(
      { value: 'Call {{tel:hotline.local}} or {{tel:emergency}}.' },
      {
        fileURL: new URL('file:///content/x/paths/ar/detox.md'),
        parent: () => ({ type: 'paragraph' }),
        replaceNode: (_node: unknown, nodes: unknown[]) => replaced.push(...nodes),
      },
    );
    const strong = replaced.filter((node) => (node as { type: string }).type === 'strong');
    expect(strong).toEqual([
      {
        type: 'strong',
        children: [{ type: 'text', value: ar.unverified.notice }],
        data: { hProperties: { dir: 'auto', className: ['rf-unverified'] } },
      },
    ]);
  });
});
