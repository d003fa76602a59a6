import type { Provider } from '../schemas/provider.ts';
import type { Site } from '../schemas/site.ts';
import type { Unverified } from '../schemas/unverified.ts';

/** A number to call that content marks as unconfirmed, named as an editor would look for it. */
export interface UnverifiedNumber {
  file: string;
  /** The field holding the number, as a dotted path (`hotline.anywhere`, `phones[0]`). */
  field: string;
  /** The number as people read it. */
  display: string;
  unverified: Unverified;
}

type NumberSite = Pick<Site, 'emergency' | 'hotline' | 'lines'>;

/** Every number to call in site.yaml that is marked unverified, in the order the file has them. */
export function unverifiedSiteNumbers(site: NumberSite, file: string): UnverifiedNumber[] {
  const numbers: Array<[string, { display: string; unverified?: Unverified | undefined }]> = [
    ['emergency', site.emergency],
    ['hotline.local', site.hotline.local],
    ['hotline.anywhere', site.hotline.anywhere],
  ];
  for (const [id, line] of Object.entries(site.lines)) {
    numbers.push([`lines.${id}`, line]);
    if (line.text) numbers.push([`lines.${id}.text`, line.text]);
  }
  return numbers.flatMap(([field, { display, unverified }]) =>
    unverified ? [{ file, field, display, unverified }] : [],
  );
}

/** A provider's numbers that are marked unverified. */
export function unverifiedProviderNumbers(
  provider: Pick<Provider, 'phones'>,
  file: string,
): UnverifiedNumber[] {
  return provider.phones.flatMap((phone, index) =>
    phone.unverified
      ? [{ file, field: `phones[${index}]`, display: phone.number, unverified: phone.unverified }]
      : [],
  );
}

/**
 * Whether a page showing these numbers may need the notice's words (site.yaml's, and the
 * providers' when it lists any): an island is given them only then.
 */
export function anyUnverified(
  site: NumberSite,
  providers: ReadonlyArray<Pick<Provider, 'phones'>> = [],
): boolean {
  return (
    unverifiedSiteNumbers(site, '').length > 0 ||
    providers.some((provider) => provider.phones.some((phone) => phone.unverified))
  );
}

/** One line of the build's list, as the content check names problems: file, field, why. */
export function unverifiedProblem({ file, field, display, unverified }: UnverifiedNumber): {
  file: string;
  field: string;
  message: string;
} {
  const where = unverified.source ? ` (found in: ${unverified.source})` : '';
  return { file, field, message: `"${display}" is unverified: ${unverified.reason}${where}` };
}

/**
 * Whether this build publishes the site, so an unverified number must stop it. Astro sets
 * NODE_ENV to production for every build it runs, so `npm run build` (src/cli/build.ts) passes
 * the value the person set as RECOVERY_FINDER_NODE_ENV; run without it, NODE_ENV decides.
 */
export function isProductionBuild(env: Readonly<Record<string, string | undefined>>): boolean {
  return (env.RECOVERY_FINDER_NODE_ENV ?? env.NODE_ENV) === 'production';
}
