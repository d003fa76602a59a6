import type { APIRoute, GetStaticPaths } from 'astro';
import { allProviders, allSessions, buildTime, sessionCalendar } from '../../../../collections.ts';
import { addressLine } from '../../../../domain/directions.ts';
import { seriesIcs } from '../../../../domain/sessions/ics.ts';
import { localizedText } from '../../../../domain/localized-text.ts';
import { absolute, localized, providerPath } from '../../../../domain/urls.ts';
import type { Listing } from '../../../../domain/venue-listing.ts';
import { useTranslations } from '../../../../i18n/index.ts';
import type { Session } from '../../../../schemas/session.ts';
import { site } from '../../../../site.ts';

/**
 * One calendar file per session, beside its venue's page (`/en-GB/providers/fa121/<id>.ics`):
 * the series with its rule, in the deployment's time zone, so "Add to calendar" keeps it at
 * 10:00 on both sides of a clock change. Written at build time in each locale's words.
 */
export const getStaticPaths = (async () => {
  const listings = await allProviders();
  const venues = new Map(listings.map((listing) => [listing.id, listing]));
  return site.locales.flatMap((locale) =>
    allSessions().flatMap((session) => {
      const venue = venues.get(session.venue);
      const text = venue && calendarFile(session, venue, locale);
      // A series that has ended has no file, and its venue's page no link to one.
      return venue && text
        ? [{ params: { locale, id: venue.id, session: session.id }, props: { text } }]
        : [];
    }),
  );
}) satisfies GetStaticPaths;

function calendarFile(session: Session, venue: Listing, locale: string): string | undefined {
  const t = useTranslations(locale);
  const kind = t(`session.kind.${session.kind}`);
  const description = Object.keys(session.description).length
    ? localizedText(session.description, locale)
    : '';
  return seriesIcs(
    session,
    {
      title: t('session.calendarTitle', { kind, venue: venue.name }),
      ...(venue.address ? { location: `${venue.name}, ${addressLine(venue.address)}` } : {}),
      description: [description, t('session.calendarNote')].filter(Boolean).join('\n\n'),
      url: absolute(site.origin, localized(locale, providerPath(venue.id))),
    },
    sessionCalendar,
    { uidDomain: new URL(site.origin).hostname, stamp: buildTime },
  );
}

export const GET: APIRoute<{ text: string }> = ({ props }) =>
  new Response(props.text, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
