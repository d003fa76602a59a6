import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineMdastPlugin } from 'satteri';
import { numberHref, splitNumbers } from '../domain/numbers.ts';
import type { Site } from '../schemas/site.ts';

type NumberSite = Pick<Site, 'emergency' | 'hotline' | 'lines'> & Partial<Pick<Site, 'strings'>>;

const NOTICE_KEY = 'unverified.notice';
const STRINGS_DIR = fileURLToPath(new URL('../i18n/', import.meta.url));

/**
 * The words said beside an unverified number, in the language of the Markdown file (the folder
 * it sits in: paths/<locale>/…), the deployment's own wording first. Read only when a page has
 * such a number. The strings files are read as files: this plugin runs outside Vite.
 */
function noticeWords(site: NumberSite, locale: string): string {
  const own = site.strings?.[locale]?.[NOTICE_KEY];
  if (own) return own;
  for (const code of [locale, 'en']) {
    try {
      const strings = JSON.parse(readFileSync(join(STRINGS_DIR, `${code}.json`), 'utf8')) as {
        unverified?: { notice?: string };
      };
      if (strings.unverified?.notice) return strings.unverified.notice;
    } catch {
      // A locale without a strings file falls back to English, as i18next does.
    }
  }
  throw new Error(`en.json lacks "${NOTICE_KEY}"`);
}

/**
 * Turns `{{tel:…}}` and `{{sms:…}}` placeholders in paths and pages into links that show the
 * number from site.yaml (see domain/numbers.ts). Numbers are drawn left to right inside any
 * script, so a right-to-left page reads 617-635-4500, not its mirror; a number marked
 * unverified has the notice beside it. A placeholder site.yaml cannot fill fails the build,
 * naming the file.
 */
export function markdownNumbers(loadSite: () => Promise<NumberSite>) {
  let site: NumberSite | undefined;
  return defineMdastPlugin({
    name: 'recovery-finder:numbers',
    async before() {
      site ??= await loadSite();
    },
    text(node, context) {
      if (!node.value.includes('{{') || !site) return;
      // A number used as a link's own text stays text: links do not nest.
      if (context.parent(node)?.type === 'link') return;
      const file = context.fileURL?.pathname ?? 'Markdown';
      let parts;
      try {
        parts = splitNumbers(node.value, site);
      } catch (error) {
        throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
      }
      const numbers = site;
      context.replaceNode(
        node,
        parts.flatMap((part) =>
          typeof part === 'string'
            ? [{ type: 'text' as const, value: part }]
            : [
                {
                  type: 'link' as const,
                  url: numberHref(part),
                  children: [{ type: 'text' as const, value: part.display }],
                  data: { hProperties: { dir: 'ltr', className: ['rf-ltr'] } },
                },
                ...(part.unverified
                  ? [
                      { type: 'text' as const, value: ' ' },
                      {
                        type: 'strong' as const,
                        children: [
                          {
                            type: 'text' as const,
                            value: noticeWords(numbers, basename(dirname(file))),
                          },
                        ],
                        data: { hProperties: { dir: 'auto', className: ['rf-unverified'] } },
                      },
                    ]
                  : []),
              ],
        ),
      );
    },
  });
}
