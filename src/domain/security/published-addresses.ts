import type { ContentProblem } from '../../content-file.ts';
import type { Site } from '../../schemas/site.ts';

/**
 * The addresses of site.yaml a published site must reach over HTTPS: its own origin (canonical
 * addresses, share links, the sitemap), the intake endpoint (a resident's name and number travel
 * to it) and the map tiles (an https page may not load http images). A development build names
 * local http:// addresses on purpose; a production build refuses them, each with its field.
 */
export function plainHttpAddresses(
  site: Pick<Site, 'origin' | 'intake' | 'map'>,
  file: string,
): ContentProblem[] {
  const addresses: Array<[field: string, address: string]> = [
    ['origin', site.origin],
    ['intake.endpoint', site.intake.endpoint],
    ['map.tiles', site.map.tiles],
  ];
  return addresses
    .filter(([, address]) => !address.startsWith('https://'))
    .map(([field, address]) => ({
      file,
      field,
      message: `"${address}" is not an https:// address: a published site must send and load over HTTPS`,
    }));
}
