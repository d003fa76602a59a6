/**
 * CSV reading for adapters of CSV sources: rows keyed by the header's column names, with
 * every line that cannot be read reported, never thrown.
 */
import { parse } from 'csv-parse/sync';
import type { RowNote, SourceFile } from './types.ts';

export interface CsvRows {
  /** The header's column names, trimmed; empty when the file has no header. */
  columns: string[];
  rows: Array<{ line: number; row: Record<string, string> }>;
  rejected: RowNote[];
}

/** Parse CSV text into rows keyed by column; malformed lines are reported, never thrown. */
export function readCsvRows(file: SourceFile): CsvRows {
  const rejected: RowNote[] = [];
  let records: Array<{ record: string[]; info: { lines: number } }>;
  try {
    const parsed: unknown = parse(file.text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (error) => {
        // CsvError carries the line it stopped at, though its type does not declare it.
        const line = Number((error as { lines?: unknown } | undefined)?.lines ?? 0);
        rejected.push({
          file: file.name,
          line,
          reason: `unreadable CSV (${error?.message.split(':')[0] ?? 'parse error'})`,
        });
        return undefined;
      },
    });
    // With `info: true` every record comes as { record, info }.
    records = parsed as typeof records;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    rejected.push({ file: file.name, line: 0, reason: `unreadable CSV (${reason})` });
    return { columns: [], rows: [], rejected };
  }
  const [header, ...body] = records;
  if (!header) return { columns: [], rows: [], rejected };
  const columns = header.record.map((c) => c.trim());
  const rows: CsvRows['rows'] = [];
  for (const { record, info } of body) {
    // A short or long row has shifted columns: no field of it can be trusted.
    if (record.length !== columns.length) {
      rejected.push({
        file: file.name,
        line: info.lines,
        reason: `has ${record.length} fields where the header has ${columns.length}`,
      });
      continue;
    }
    const row: Record<string, string> = {};
    columns.forEach((column, i) => (row[column] = record[i] ?? ''));
    rows.push({ line: info.lines, row });
  }
  return { columns, rows, rejected };
}
