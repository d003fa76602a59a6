import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderAppIcon } from '../../src/app-icons.ts';
import {
  APP_ICONS,
  APPLE_TOUCH_ICON,
  BACKGROUND_COLOUR,
  MANIFEST_ICONS,
  THEME_COLOUR,
  webManifest,
} from '../../src/domain/manifest.ts';
import { localeInfo } from '../../src/i18n/locales.ts';
import { loadSite } from '../../src/load-site.ts';
import { deploymentDirs, ROOT } from './deployments.ts';
import { testSite } from './site-fixture.ts';

const site = testSite({
  name: { en: 'Recovery Services Finder', ar: 'دليل خدمات التعافي' },
  short_name: { en: 'Recovery', ar: 'تعافي' },
  locales: ['en', 'ar'],
});

describe('the web app manifest', () => {
  it('opens the saved site on its locale’s home page, as an app of its own', () => {
    const manifest = webManifest(site, 'ar', { description: 'ابحث عن المساعدة', dir: 'rtl' });
    expect(manifest).toMatchObject({
      id: '/ar/',
      start_url: '/ar/',
      scope: '/ar/',
      lang: 'ar',
      dir: 'rtl',
      name: 'دليل خدمات التعافي',
      short_name: 'تعافي',
      description: 'ابحث عن المساعدة',
      display: 'standalone',
      theme_color: THEME_COLOUR,
      background_color: BACKGROUND_COLOUR,
    });
  });

  it('falls back to the full name where a deployment has no short one', () => {
    const { short_name, ...rest } = site;
    void short_name;
    expect(webManifest(rest, 'en', { description: 'd', dir: 'ltr' }).short_name).toBe(
      'Recovery Services Finder',
    );
  });

  it('lists the icons Android asks for, one of them maskable', () => {
    const { icons } = webManifest(site, 'en', { description: 'd', dir: 'ltr' });
    expect(icons).toEqual([
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ]);
  });

  it('takes the brand colour the style sheets and the favicon use', () => {
    const tokens = readFileSync(join(ROOT, 'src', 'styles', 'tokens.css'), 'utf8');
    expect(tokens).toContain(`--rf-brand: ${THEME_COLOUR};`);
    expect(tokens).toMatch(/--rf-paper: #fff(?:fff)?;/);
    expect(BACKGROUND_COLOUR).toBe('#ffffff');
    const favicon = readFileSync(join(ROOT, 'public', 'favicon.svg'), 'utf8');
    expect(favicon).toContain(`fill="${THEME_COLOUR}"`);
  });

  it.each(deploymentDirs())('has a short name in every locale of %s', (dir) => {
    const deployment = loadSite(dir);
    for (const locale of deployment.locales) {
      const manifest = webManifest(deployment, locale, {
        description: 'd',
        dir: localeInfo(locale).dir,
      });
      expect(deployment.short_name?.[locale], locale).toBeDefined();
      // A launcher shows about 12 characters; French and Russian need two more for the word.
      expect([...manifest.short_name].length, manifest.short_name).toBeLessThanOrEqual(14);
      expect(manifest.lang).toBe(locale);
    }
  });
});

describe('the icons drawn from the favicon', () => {
  it('has one per size, Apple’s touch icon among them', () => {
    expect(APP_ICONS).toEqual([...MANIFEST_ICONS, APPLE_TOUCH_ICON]);
    expect(APPLE_TOUCH_ICON.size).toBe(180);
  });

  it.each(APP_ICONS)('draws $name as a $size-pixel PNG', async (icon) => {
    const png = await renderAppIcon(icon);
    const image = sharp(png);
    const { format, width, height } = await image.metadata();
    expect({ format, width, height }).toEqual({
      format: 'png',
      width: icon.size,
      height: icon.size,
    });
    // The corner: the brand colour where a launcher cuts its own shape, else the favicon's
    // transparent rounded corner.
    const { data } = await image
      .ensureAlpha()
      .extract({ left: 0, top: 0, width: 1, height: 1 })
      .raw()
      .toBuffer({ resolveWithObject: true });
    const [red, green, blue, alpha] = [...data];
    if (icon.filled) {
      expect({ red, green, blue, alpha }).toEqual({
        red: 0x0a,
        green: 0x51,
        blue: 0x61,
        alpha: 255,
      });
    } else {
      expect(alpha).toBe(0);
    }
  });
});
