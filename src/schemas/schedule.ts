import OpeningHours from 'opening_hours';
import { z } from 'zod';

/**
 * An OpenStreetMap `opening_hours` string ("Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00", "24/7").
 * Checked with the `opening_hours` parser so a typo fails the build instead of showing
 * a place as closed. Country and state are not needed to check syntax; public-holiday rules
 * are evaluated where the hours are used.
 */
export const openingHoursSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, ctx) => {
    try {
      new OpeningHours(value);
    } catch (error) {
      const reason = String(error instanceof Error ? error.message : error)
        .split('\n')[0]
        ?.trim();
      ctx.addIssue({
        code: 'custom',
        message: `not a valid opening_hours string (${reason})`,
      });
    }
  });
