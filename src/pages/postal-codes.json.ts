import type { APIRoute } from 'astro';
import { placeTables } from '../place-tables.ts';
import { site } from '../site.ts';

/**
 * Postal code or town → [lat, lon] for the deployment (site.yaml `places.postcodes`; see
 * src/place-tables.ts), fetched only when a person types a postal code or a place the search
 * index does not name, so "near 02119" or "near DH8" is worked out on the phone and never
 * sent anywhere.
 */
export const GET: APIRoute = () =>
  new Response(JSON.stringify(placeTables(site).table), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
