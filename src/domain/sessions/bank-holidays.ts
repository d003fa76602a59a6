import OpeningHours from 'opening_hours';
import { partsOf, type DayNumber } from './civil-time.ts';

/**
 * Whose public holidays apply: a country and, where they differ within it, the part of it, as
 * the `opening_hours` library names them. A deployment fact, so it comes from the deployment's
 * configuration and never from code.
 */
export interface HolidayRegion {
  /** ISO 3166-1 alpha-2, lower case. */
  country_code: string;
  /** The library's name for the part of the country whose holidays apply. */
  state?: string;
}

const calendars = new Map<string, OpeningHours>();

function holidayCalendar(region: HolidayRegion): OpeningHours {
  const key = `${region.country_code}:${region.state ?? ''}`;
  let calendar = calendars.get(key);
  if (!calendar) {
    // "PH" is open exactly on public holidays. Holidays depend on country and state only;
    // the position is what the library wants for sunrise and sunset, which "PH" never uses.
    calendar = new OpeningHours('PH', {
      lat: 0,
      lon: 0,
      address: { country_code: region.country_code, state: region.state ?? '' },
    });
    calendars.set(key, calendar);
  }
  return calendar;
}

/**
 * The public holiday on a calendar date ("Early May bank holiday", "Christmas Day (substitute
 * day)"), or undefined. The library reads a Date with local getters, so the date is handed over
 * as noon of that day in the machine's own zone: its calendar date is then the one meant.
 */
export function publicHoliday(dayNumber: DayNumber, region: HolidayRegion): string | undefined {
  const { year, month, day } = partsOf(dayNumber);
  const noon = new Date(year, month - 1, day, 12);
  const calendar = holidayCalendar(region);
  if (!calendar.getState(noon)) return undefined;
  return calendar.getComment(noon) ?? 'public holiday';
}
