/**
 * The NHS ODS adapter: NHS England Organisation Data Service extracts (`epraccur` for GP
 * practices, `edispensary` for community pharmacies) -> rows in the importer's terms. It knows
 * the files' layout (no header row, 27 columns, names and addresses in capitals) and what their
 * codes mean; which rows belong to a deployment is the area rule's job (nhs-ods-area.ts), and
 * what a deployment's copy of the files is (vintage, where it came from) is in its sources
 * folder, never here.
 */
import { readCsvRecords } from '../pipeline/csv.ts';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { parseUkPostcode } from '../../domain/places/uk-postcode.ts';
import { readableCase } from '../pipeline/readable-case.ts';
import { clean } from '../pipeline/text.ts';
import type { ReadFile, SourceFile } from '../pipeline/types.ts';

export const ODS_KINDS = ['gp-practices', 'pharmacies'] as const;
export type OdsKind = (typeof ODS_KINDS)[number];

/** The venue kind each file lists. */
export const VENUE_KIND_OF: Readonly<Record<OdsKind, 'gp-practice' | 'pharmacy'>> = {
  'gp-practices': 'gp-practice',
  pharmacies: 'pharmacy',
};

/** Fields of the standard ODS layout both files share (1-based in ODS's documents). */
export const FIELD_COUNT = 27;
const COLUMN = {
  code: 0,
  name: 1,
  addressFirst: 4,
  addressLast: 8,
  postcode: 9,
  openDate: 10,
  closeDate: 11,
  status: 12,
  /** In epraccur the commissioner (sub-ICB location); in edispensary a parent organisation. */
  parent: 14,
  phone: 17,
  /** epraccur only: what kind of prescriber the code is; 4 is a GP practice. */
  prescribingSetting: 25,
} as const;

/** The `prescribingSetting` of a GP practice; other codes are clinics, hospitals, prisons … */
export const GP_PRACTICE_SETTING = '4';

/** One row of an ODS file, its fields named and trimmed, still in the register's capitals. */
export interface OdsRow {
  code: string;
  name: string;
  addressLines: string[];
  postcode: string;
  openDate: string;
  closeDate: string;
  status: string;
  parent: string;
  phone: string;
  prescribingSetting: string;
}

/** Read an ODS extract; a line with the wrong number of fields is reported, never thrown. */
export function readOdsFile(file: SourceFile): ReadFile<never, OdsRow> {
  const { records, rejected } = readCsvRecords(file);
  const rows: ReadFile<never, OdsRow>['rows'] = [];
  for (const { fields: record, line } of records) {
    if (record.length !== FIELD_COUNT) {
      rejected.push({
        file: file.name,
        line,
        reason: `has ${record.length} fields where ODS files have ${FIELD_COUNT}`,
      });
      continue;
    }
    const field = (i: number) => clean(record[i]);
    rows.push({
      line,
      row: {
        code: field(COLUMN.code),
        name: field(COLUMN.name),
        addressLines: record
          .slice(COLUMN.addressFirst, COLUMN.addressLast + 1)
          .map(clean)
          .filter(Boolean),
        postcode: field(COLUMN.postcode),
        openDate: field(COLUMN.openDate),
        closeDate: field(COLUMN.closeDate),
        status: field(COLUMN.status),
        parent: field(COLUMN.parent),
        phone: field(COLUMN.phone),
        prescribingSetting: field(COLUMN.prescribingSetting),
      },
    });
  }
  return { rows, rejected };
}

/** Open now: status A (active) and no close date. C is closed, D dormant, P proposed. */
export function isActive(row: OdsRow): boolean {
  return row.status === 'A' && row.closeDate === '';
}

/**
 * Former postal counties: Royal Mail stopped needing them in 1996, but ODS addresses still
 * carry them, as a last line or after a comma ("HARTLEPOOL,CLEVELAND"). They are the region,
 * not the town. "County X", "Co X" and "Co.X" are recognised by their form and written
 * "County X" whichever way the register abbreviated it.
 */
const FORMER_POSTAL_COUNTIES = new Set([
  'CLEVELAND',
  'TYNE & WEAR',
  'TYNE AND WEAR',
  'NORTH YORKSHIRE',
  'WEST YORKSHIRE',
  'SOUTH YORKSHIRE',
  'NORTH HUMBERSIDE',
  'CUMBRIA',
  'NORTHUMBERLAND',
]);
const COUNTY_FORM = /^(?:COUNTY\s+|CO\.\s*|CO\s+)(\S.*)$/;

function countyOf(part: string): string | undefined {
  const upper = part.toUpperCase();
  const form = COUNTY_FORM.exec(upper);
  if (form) return `County ${readableCase(form[1]!)}`;
  return FORMER_POSTAL_COUNTIES.has(upper) ? readableCase(upper) : undefined;
}

/** "UNIT 1", "FLAT 2B", "12": a part that only numbers the next one. */
const NUMBER_ONLY = /^(?:(?:UNIT|FLAT|SUITE|SHOP)\s+)?\d+[A-Z]?$/i;

/**
 * An ODS address as lines, town and region. Lines are split at commas (ODS squeezes two lines
 * into one: "CHAPEL STREET, WILLINGTON"), a county part becomes the region, the last remaining
 * part is the post town, and the rest are the lines in order.
 */
export function splitAddress(lines: readonly string[]): {
  lines: string[];
  town?: string;
  region?: string;
} {
  const parts: string[] = [];
  for (const line of lines) {
    for (const piece of line.split(',').map(clean).filter(Boolean)) {
      const previous = parts[parts.length - 1];
      if (previous !== undefined && NUMBER_ONLY.test(previous))
        parts[parts.length - 1] = `${previous}, ${piece}`;
      else parts.push(piece);
    }
  }
  let region: string | undefined;
  const kept: string[] = [];
  for (const part of parts) {
    const county = countyOf(part);
    if (county) region ??= county;
    else kept.push(part);
  }
  const town = kept.pop();
  return {
    lines: kept.map(readableCase),
    ...(town ? { town: readableCase(town) } : {}),
    ...(region ? { region } : {}),
  };
}

/** The file's telephone as E.164, read as a GB number; undefined when it is not a valid one. */
export function odsPhone(text: string): string | undefined {
  if (!clean(text)) return undefined;
  const phone = parsePhoneNumberFromString(text, 'GB');
  return phone?.isValid() ? phone.number : undefined;
}

/** The postcode in standard form; undefined when the field is not a full postcode. */
export function odsPostcode(text: string): string | undefined {
  const parsed = parseUkPostcode(text);
  return parsed?.kind === 'full' ? parsed.postcode : undefined;
}

/** `20110117` -> `2011-01-17`; undefined for anything else. */
export function odsDate(text: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(clean(text));
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}
