import type { Digest } from './model';
import { strongestNumber } from './numbers';

export interface ExportRow {
  report: string;
  number: number;
  title: string;
  institutions: string;
  authors: number | null;
  primaryTechnique: string;
  headlineNumbers: string;
  strongestResult: string;
}

export function toExportRows(report: string, digest: Digest): ExportRow[] {
  return digest.papers.map((paper) => ({
    report,
    number: paper.index,
    title: paper.title,
    institutions: paper.details?.institutions.join('; ') ?? '',
    authors: paper.details?.authorCount ?? null,
    primaryTechnique: paper.techniques[0]?.id ?? '',
    headlineNumbers: paper.headlineNumbers.map((n) => n.text).join('; '),
    strongestResult: strongestNumber(paper.headlineNumbers)?.text ?? '',
  }));
}

const COLUMNS: readonly (keyof ExportRow)[] = [
  'report',
  'number',
  'title',
  'institutions',
  'authors',
  'primaryTechnique',
  'headlineNumbers',
  'strongestResult',
];

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(rows: readonly ExportRow[]): string {
  return csvTable(
    COLUMNS,
    rows.map((row) => COLUMNS.map((c) => row[c])),
  );
}

/** CSV that spreadsheets open correctly: UTF-8 with BOM, CRLF rows, every field quoted. */
export function csvTable(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const lines = [header.map(csvField), ...rows.map((row) => row.map(csvField))];
  return '\uFEFF' + lines.map((fields) => fields.join(',')).join('\r\n') + '\r\n';
}
