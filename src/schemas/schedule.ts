import OpeningHours from 'opening_hours';
import { z } from 'zod';

/** The parser's message up to the pointer it draws, without the position marker. */
function firstLine(message: string): string {
  return (
    message
      .split('\n')[0]
      ?.replace(/\s*<---\s*/, ' ')
      .trim() ?? message
  );
}

/**
 * An OpenStreetMap `opening_hours` string ("Mo-Fr 08:00-18:00; Sa,Su 12:00-16:00", "24/7").
 * Checked with the `opening_hours` parser so a typo fails the build instead of showing a place
 * as closed. The parser also guesses at loose input ("weekdays 8 to 6" becomes 08:00–06:00,
 * overnight); every such guess is refused, because a wrong guess sends someone to a locked door.
 */
export const openingHoursSchema = z
  .string()
  .trim()
  .min(1)
  .superRefine((value, ctx) => {
    try {
      const warnings = new OpeningHours(value).getWarnings();
      if (warnings.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `ambiguous opening_hours string: ${firstLine(warnings[0]!)}`,
        });
      }
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid opening_hours string (${firstLine(String(error instanceof Error ? error.message : error))})`,
      });
    }
  });
