/**
 * The web app manifest of one locale's site: what a phone shows when a person adds the site to
 * its home screen (the name under the icon, the icon, the colour of the bar), and where the
 * saved site opens. Each locale is its own app, opening on its own home page, so a person who
 * reads Spanish keeps Spanish.
 */
import type { Site } from '../schemas/site.ts';
import { localizedText } from './localized-text.ts';
import { localized, rootFile } from './urls.ts';

/**
 * The brand colour: the browser's bar, the splash screen and the icons' background. The same
 * as `--rf-brand` in src/styles/tokens.css and the favicon's fill (a unit test compares them).
 */
export const THEME_COLOUR = '#0a5161';

/** The page's own background (`--rf-paper`), shown while a saved site starts. */
export const BACKGROUND_COLOUR = '#ffffff';

/**
 * An icon drawn at build time from public/favicon.svg (src/pages/[icon].png.ts). `filled`
 * puts the mark on a square of the brand colour, for launchers that cut their own shape out of
 * it (maskable icons, Apple's touch icon); otherwise the favicon is drawn as it is.
 */
export interface AppIcon {
  /** The file's name at the root of the site, without `.png`. */
  name: string;
  /** Width and height in pixels. */
  size: number;
  filled: boolean;
}

/** The manifest's icons: the sizes Android asks for, and one it may cut into any shape. */
export const MANIFEST_ICONS = [
  { name: 'icon-192', size: 192, filled: false, purpose: 'any' },
  { name: 'icon-512', size: 512, filled: false, purpose: 'any' },
  // The mark is the middle 56% of the favicon, inside the circle of 80% a launcher always keeps.
  { name: 'icon-maskable-512', size: 512, filled: true, purpose: 'maskable' },
] as const satisfies ReadonlyArray<AppIcon & { purpose: 'any' | 'maskable' }>;

/** The icon iOS saves to the home screen, at the address it asks for without being told. */
export const APPLE_TOUCH_ICON = {
  name: 'apple-touch-icon',
  size: 180,
  filled: true,
} as const satisfies AppIcon;

export const APP_ICONS: readonly AppIcon[] = [...MANIFEST_ICONS, APPLE_TOUCH_ICON];

/** Where an icon is served. */
export function iconFile(icon: AppIcon): string {
  return rootFile(`${icon.name}.png`);
}

export interface WebManifest {
  id: string;
  name: string;
  short_name: string;
  description: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  start_url: string;
  scope: string;
  display: 'standalone';
  background_color: string;
  theme_color: string;
  icons: Array<{ src: string; sizes: string; type: 'image/png'; purpose: 'any' | 'maskable' }>;
}

/**
 * The manifest of `locale`'s site. `description` is the home page's, in that locale; `dir`
 * the locale's direction.
 */
export function webManifest(
  site: Pick<Site, 'name' | 'short_name'>,
  locale: string,
  { description, dir }: { description: string; dir: 'ltr' | 'rtl' },
): WebManifest {
  const home = localized(locale, '');
  return {
    // One app per locale: its id and scope are the locale's part of the site.
    id: home,
    name: localizedText(site.name, locale),
    short_name: localizedText(site.short_name ?? site.name, locale),
    description,
    lang: locale,
    dir,
    start_url: home,
    scope: home,
    display: 'standalone',
    background_color: BACKGROUND_COLOUR,
    theme_color: THEME_COLOUR,
    icons: MANIFEST_ICONS.map((icon) => ({
      src: iconFile(icon),
      sizes: `${icon.size}x${icon.size}`,
      type: 'image/png',
      purpose: icon.purpose,
    })),
  };
}
