/**
 * The day a digest reports on, as `YYYY-MM-DD`, or '' when nothing says. The file name's date
 * wins over the `生成时间` header: the pipeline names a report after its day
 * (`2025-10_10-10_…`, `…_2025-10-10.md`, `…_20251017_121347.md`) and may generate it days
 * later. Without a date in the name, the header's date is the day.
 */
export function digestDate(reportPath: string, generatedAt: string): string {
  const name = reportPath.slice(Math.max(reportPath.lastIndexOf('/'), reportPath.lastIndexOf('\\')) + 1);
  const monthDay = /(\d{4})-(\d{2})_(\d{2})-(\d{2})/.exec(name);
  if (monthDay) return validDate(monthDay[1], monthDay[3], monthDay[4]);
  const dashed = /(\d{4})-(\d{2})-(\d{2})/.exec(name);
  if (dashed) return validDate(dashed[1], dashed[2], dashed[3]);
  const compact = /(?:^|\D)(20\d{2})(\d{2})(\d{2})(?:\D|$)/.exec(name);
  if (compact) return validDate(compact[1], compact[2], compact[3]);
  const header = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(generatedAt);
  return header ? validDate(header[1], header[2], header[3]) : '';
}

function validDate(year: string, month: string, day: string): string {
  const m = Number(month);
  const d = Number(day);
  if (m < 1 || m > 12 || d < 1 || d > 31) return '';
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
