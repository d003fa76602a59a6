import { defineMdastPlugin } from 'satteri';
import { numberHref, splitNumbers } from '../domain/numbers.ts';
import type { Site } from '../schemas/site.ts';

type NumberSite = Pick<Site, 'emergency' | 'hotline' | 'lines'>;

/**
 * Turns `{{tel:…}}` and `{{sms:…}}` placeholders in paths and pages into links that show the
 * number from site.yaml (see domain/numbers.ts). Numbers are drawn left to right inside any
 * script, so a right-to-left page reads 617-635-4500, not its mirror. A placeholder site.yaml
 * cannot fill fails the build, naming the file.
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
      let parts;
      try {
        parts = splitNumbers(node.value, site);
      } catch (error) {
        const file = context.fileURL?.pathname ?? 'Markdown';
        throw new Error(`${file}: ${(error as Error).message}`, { cause: error });
      }
      context.replaceNode(
        node,
        parts.map((part) =>
          typeof part === 'string'
            ? { type: 'text' as const, value: part }
            : {
                type: 'link' as const,
                url: numberHref(part),
                children: [{ type: 'text' as const, value: part.display }],
                data: { hProperties: { dir: 'ltr', className: ['rf-ltr'] } },
              },
        ),
      );
    },
  });
}
