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

/** One line of a CSV file as its fields, with the line it ends on (for reports). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Parse CSV text into records of fields, header or not; a line that cannot be read is
 * reported and skipped, and a file that cannot be read at all gives one report, never a throw.
 */
export function readCsvRecords(file: SourceFile): { records: CsvRecord[]; rejected: RowNote[] } {
  const rejected: RowNote[] = [];
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
    const records = (parsed as Array<{ record: string[]; info: { lines: number } }>).map(
      ({ record, info }) => ({ line: info.lines, fields: record }),
    );
    return { records, rejected };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    rejected.push({ file: file.name, line: 0, reason: `unreadable CSV (${reason})` });
    return { records: [], rejected };
  }
}

/** Parse CSV text into rows keyed by column; malformed lines are reported, never thrown. */
export function readCsvRows(file: SourceFile): CsvRows {
  const { records, rejected } = readCsvRecords(file);
  const [header, ...body] = records;
  if (!header) return { columns: [], rows: [], rejected };
  const columns = header.fields.map((c) => c.trim());
  const rows: CsvRows['rows'] = [];
  for (const { fields, line } of body) {
    // A short or long row has shifted columns: no field of it can be trusted.
    if (fields.length !== columns.length) {
      rejected.push({
        file: file.name,
        line,
        reason: `has ${fields.length} fields where the header has ${columns.length}`,
      });
      continue;
    }
    const row: Record<string, string> = {};
    columns.forEach((column, i) => (row[column] = fields[i] ?? ''));
    rows.push({ line, row });
  }
  return { columns, rows, rejected };
}
