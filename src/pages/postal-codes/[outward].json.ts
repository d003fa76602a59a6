import type { APIRoute, GetStaticPaths } from 'astro';
import type { OutwardPostcodes } from '../../domain/places/uk-postcode-table.ts';
import { placeTables } from '../../place-tables.ts';
import { site } from '../../site.ts';

/**
 * One postcode district's full postcodes (`/postal-codes/DH1.json`), fetched only when a person
 * types a full postcode of that district, so the phone places `DH1 3EH` itself without
 * loading every postcode of the county (docs/decisions/0007-uk-postcode-tables.md). Only a
 * deployment whose table has districts (`places.postcodes: uk-ons`) gets any.
 */
export const getStaticPaths = (() =>
  placeTables(site).districts.map((district) => ({
    params: { outward: district.outward },
    props: { district },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ district: OutwardPostcodes }> = ({ props }) =>
  new Response(JSON.stringify(props.district), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
