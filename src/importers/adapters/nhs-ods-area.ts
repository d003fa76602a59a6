/**
 * Which ODS rows are in a deployment's area. GP practices say who commissions them (the
 * sub-ICB location code), which is the council area's NHS: a practice is in when its
 * commissioner is the deployment's. Pharmacies carry no such code, so they are placed by
 * postcode district, and the districts are derived from the GP practices:
 *
 * 1. Only districts the deployment names as candidates are considered (`DH`, `SR7`,
 *    `TS21-TS29`: an area, a district, a range).
 * 2. A candidate district with active GP practices is in when at least half of them are
 *    commissioned by the deployment's sub-ICB.
 * 3. A candidate district with none is decided by the three active practices nearest its
 *    centre: in when at least two of them are the deployment's.
 *
 * A district that straddles the boundary goes wholly one way; the report lists every
 * decision with its counts, so a person can check and override it in the deployment's file.
 */
import { distanceKm, type LatLon } from '../../domain/geo.ts';
import { compareOutwardCodes, outwardInList } from '../../domain/places/uk-postcode.ts';
import { GP_PRACTICE_SETTING, isActive, odsPostcode, type OdsRow } from './nhs-ods.ts';

export interface AreaRule {
  /** The commissioning sub-ICB location of the deployment's GP practices (`84H`). */
  subIcb: string;
  /** Postcode districts that may be in the area, as areas, districts or ranges. */
  candidates: readonly string[];
  /**
   * Districts (`DL1`) or sectors (`DH3 2`) decided by hand, overriding the derivation: in
   * (true) or out (false). A sector is how a district split by the boundary is cut.
   */
  overrides?: Readonly<Record<string, boolean>>;
}

export interface DistrictDecision {
  district: string;
  included: boolean;
  /** How it was decided, for the report and the sources README. */
  reason: string;
}

const NEAREST = 3;

/** An active GP practice (not a clinic, hospital or prison) with its position. */
export interface PlacedPractice {
  row: OdsRow;
  outward: string;
  point?: LatLon;
}

/** Active GP practices of the file, each with its postcode's district and position. */
export function placePractices(
  rows: readonly OdsRow[],
  points: ReadonlyMap<string, LatLon>,
): PlacedPractice[] {
  const placed: PlacedPractice[] = [];
  for (const row of rows) {
    if (!isActive(row) || row.prescribingSetting !== GP_PRACTICE_SETTING) continue;
    const postcode = odsPostcode(row.postcode);
    if (!postcode) continue;
    const point = points.get(postcode);
    placed.push({ row, outward: postcode.split(' ')[0]!, ...(point ? { point } : {}) });
  }
  return placed;
}

/**
 * Decide every candidate district. `centres` is each district's centre (the outward table);
 * only districts that exist there are decided.
 */
export function decideDistricts(
  practices: readonly PlacedPractice[],
  centres: Readonly<Record<string, [number, number]>>,
  rule: AreaRule,
): DistrictDecision[] {
  const ours = (p: PlacedPractice) => p.row.parent === rule.subIcb;
  const districts = Object.keys(centres)
    .filter((d) => outwardInList(d, rule.candidates))
    .sort(compareOutwardCodes);
  return districts.map((district) => {
    const override = rule.overrides?.[district];
    if (override !== undefined) {
      return { district, included: override, reason: 'decided by hand in the deployment file' };
    }
    const inside = practices.filter((p) => p.outward === district);
    if (inside.length > 0) {
      const count = inside.filter(ours).length;
      return {
        district,
        included: count * 2 >= inside.length,
        reason: `${count} of its ${inside.length} GP practices are ${rule.subIcb}'s`,
      };
    }
    const [lat, lon] = centres[district]!;
    const nearest = practices
      .filter((p) => p.point)
      .map((p) => ({ p, km: distanceKm({ lat, lon }, p.point!) }))
      .sort((a, b) => a.km - b.km || (a.p.row.code < b.p.row.code ? -1 : 1))
      .slice(0, NEAREST);
    const count = nearest.filter(({ p }) => ours(p)).length;
    return {
      district,
      included: count * 2 > nearest.length,
      reason: `no GP practice; ${count} of the ${nearest.length} nearest are ${rule.subIcb}'s (${nearest.map(({ p }) => p.outward).join(', ')})`,
    };
  });
}

/** Whether a postcode is in the area: its sector's override, else its district's decision. */
export function postcodeInArea(
  postcode: string,
  decisions: readonly DistrictDecision[],
  rule: AreaRule,
): boolean {
  const [outward = '', inward = ''] = postcode.split(' ');
  const sector = rule.overrides?.[`${outward} ${inward.charAt(0)}`];
  if (sector !== undefined) return sector;
  return decisions.some((d) => d.district === outward && d.included);
}
