import type { APIRoute } from 'astro';
import { postalTable } from '../domain/search/postal-table.ts';
import { site } from '../site.ts';

/**
 * ZIP code or town → [lat, lon] for the deployment's regions, fetched only when a person types
 * a ZIP or a place the search index does not name, so "near 02119" is worked out on the phone
 * and never sent anywhere.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(postalTable(site.postal_regions)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
