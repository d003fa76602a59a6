import { describeWeek } from '../domain/describe-hours.ts';
import type { WeeklyInterval } from '../domain/weekly-hours.ts';
import type { Translate } from './types.ts';
import './HoursTable.css';

export interface HoursTableProps {
  locale: string;
  /** The repeating week; absent when the source does not give hours. */
  week?: readonly WeeklyInterval[] | undefined;
  /** Names the table for screen readers ("Opening hours of …"). */
  caption: string;
  t: Translate;
}

/** Opening hours, one row per run of days with the same hours. */
export function HoursTable({ locale, week, caption, t }: HoursTableProps) {
  if (!week) return <p>{t('provider.hoursUnknown')}</p>;
  return (
    <table class="rf-hours">
      <caption class="rf-visually-hidden">{caption}</caption>
      <tbody>
        {describeWeek(week, locale).map((row) => (
          <tr key={row.days}>
            <th scope="row">{row.days}</th>
            <td>{row.allDay ? t('hours.allDay') : (row.hours ?? t('hours.closed'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
