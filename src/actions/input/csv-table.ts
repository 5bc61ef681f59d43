/**
 * A CSV file as a table the imports read (patients, appointments): its rows,
 * and each column named by the field its heading stands for. Headings are
 * matched loosely ("First Name", "first_name", "Idioma"); a heading nobody
 * knows is a 400 naming it, unless the caller was told to ignore it, so a
 * dropped column never goes unnoticed.
 */
import { parse } from 'csv-parse/sync';
import { DomainError } from '../../errors.js';

/** A heading or a typed value reduced to lower-case letters and digits, accents dropped. */
export const squash = (text: string) => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]/g, '');

export interface CsvRecord {
  record: string[];
  info: { lines: number };
}

export interface CsvTable {
  /** The field each column stands for; undefined for a column that is ignored or blank. */
  fields: Array<string | undefined>;
  /** The rows after the heading, with the line each starts on. */
  rows: CsvRecord[];
}

export function readCsvTable(
  text: string,
  o: {
    /** Squashed heading -> field. */
    aliases: Readonly<Record<string, string>>;
    ignore: readonly string[];
    /** What a row is, for the message about an empty file ("patient"). */
    rowIs: string;
    /** The headings the import knows, for the message about an unknown one. */
    known: string;
  },
): CsvTable {
  let records: CsvRecord[];
  try {
    records = parse(text, { bom: true, info: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as unknown as CsvRecord[];
  } catch (error) {
    throw new DomainError('bad_request', `The file is not valid CSV: ${(error as Error).message}`);
  }
  const [header, ...rows] = records;
  if (!header) throw new DomainError('bad_request', `The file is empty: send a header row and one row per ${o.rowIs}`);
  const fields = header.record.map((name) => o.aliases[squash(name)]);
  const ignored = new Set(o.ignore.map(squash));
  const unknown = header.record.filter((name, i) => !fields[i] && name !== '' && !ignored.has(squash(name)));
  if (unknown.length > 0) {
    throw new DomainError(
      'bad_request',
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.map((u) => `"${u}"`).join(', ')}. Rename to one of ${o.known}; ` +
        `or send ?ignore=${encodeURIComponent(unknown.join(','))} to import without them`,
    );
  }
  return { fields, rows };
}
