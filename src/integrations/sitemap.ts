import { fileURLToPath } from 'node:url';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { deploymentDir } from '../deployment.ts';
import { loadSite } from '../load-site.ts';
import { isForSearchEngines, withDefaultLanguage } from '../domain/search-engines.ts';

/**
 * The sitemap a build writes (dist/sitemap-index.xml and its parts, by @astrojs/sitemap): every
 * page that is for search engines (src/domain/search-engines.ts), on the deployment's `origin`,
 * each with its address in every locale and `x-default`, as the page's own head says.
 * Listed after the content check, which has stopped the build by now if site.yaml is wrong.
 */
export function siteMap(): AstroIntegration {
  return {
    name: 'recovery-finder:sitemap',
    hooks: {
      'astro:config:setup': ({ config, command, updateConfig }) => {
        // Only a build writes files; serving and checking need no sitemap.
        if (command !== 'build') return;
        const site = loadSite(deploymentDir({ root: fileURLToPath(config.root) }));
        const firstLocale = site.locales[0]!;
        updateConfig({
          site: site.origin,
          integrations: [
            sitemap({
              filter: (url) => isForSearchEngines(new URL(url).pathname, site.locales),
              // Locales are the addresses' first part and hreflang values as they are.
              i18n: {
                defaultLocale: firstLocale,
                locales: Object.fromEntries(site.locales.map((locale) => [locale, locale])),
              },
              serialize: (item) =>
                item.links
                  ? { ...item, links: withDefaultLanguage(item.links, firstLocale) }
                  : item,
              // Only the languages' namespace is used: no news, images or videos.
              namespaces: { news: false, image: false, video: false, xhtml: true },
            }),
          ],
        });
      },
    },
  };
}
