import type { APIRoute } from 'astro';
import { postalTableBody } from '../versioned-files.ts';

/**
 * Postal code or town → [lat, lon] for the deployment (site.yaml `places.postcodes`; see
 * src/place-tables.ts), fetched only when a person types a postal code or a place the search
 * index does not name, so "near 02119" or "near DH8" is worked out on the phone and never
 * sent anywhere. Pages link to it with its version (src/versioned-files.ts).
 */
export const GET: APIRoute = () =>
  new Response(postalTableBody(), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
