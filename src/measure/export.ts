/**
 * A result as files people can keep: CSV and JSON with an environment stamp (what machine, browser, settings and
 * version produced the numbers), and a Markdown table to paste in a forum post or a lesson. Pure: the page only
 * offers the text for download.
 */
export type Cell = string | number | boolean;

export interface ResultTable {
  columns: readonly { key: string; label: string }[];
  rows: readonly Record<string, Cell>[];
}

/** One column of a table: its key in the files, its label, and how a row (the index-th) gives its cell. */
export type Column<R> = readonly [key: string, label: string, cell: (row: R, index: number) => Cell];

/** A table of `rows`, one line each, with these columns: each key written once, beside its label and its cell. */
export function resultTable<R>(rows: readonly R[], columns: readonly Column<R>[]): ResultTable {
  return {
    columns: columns.map(([key, label]) => ({ key, label })),
    rows: rows.map((row, index) => Object.fromEntries(columns.map(([key, , cell]) => [key, cell(row, index)]))),
  };
}

/** Where the numbers came from. */
export interface Stamp {
  app: string;
  version: string;
  demo: string;
  /** ISO 8601. */
  date: string;
  browser: string;
  cores: number;
  crossOriginIsolated: boolean;
  settings: Readonly<Record<string, string | boolean>>;
}

/** RFC 4180 CSV, preceded by `# key: value` lines for the stamp (pandas: `read_csv(…, comment='#')`). */
export function toCsv(table: ResultTable, stamp: Stamp): string {
  const lines = stampLines(stamp).map((line) => `# ${line}`);
  lines.push(table.columns.map((column) => csvCell(column.label)).join(','));
  for (const row of table.rows) lines.push(table.columns.map((column) => csvCell(row[column.key] ?? '')).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function toJson(table: ResultTable, stamp: Stamp): string {
  return JSON.stringify({ ...stamp, columns: table.columns, rows: table.rows }, null, 2);
}

/** A GitHub-flavoured Markdown table with the stamp as a line below it. */
export function toMarkdown(table: ResultTable, stamp: Stamp): string {
  const header = `| ${table.columns.map((column) => markdownCell(column.label)).join(' | ')} |`;
  const rule = `|${table.columns.map(() => ' --- ').join('|')}|`;
  const rows = table.rows.map((row) => `| ${table.columns.map((c) => markdownCell(row[c.key] ?? '')).join(' | ')} |`);
  return [header, rule, ...rows, '', `_${stampLines(stamp).join('; ')}_`, ''].join('\n');
}

/** `parallel-playground-speedup-2026-11-23.csv` */
export function exportFileName(demo: string, date: Date, extension: string): string {
  return `parallel-playground-${demo}-${date.toISOString().slice(0, 10)}.${extension}`;
}

function stampLines(stamp: Stamp): string[] {
  const settings = Object.entries(stamp.settings)
    .map(([key, value]) => `${key}=${String(value)}`)
    .join(' ');
  return [
    `${stamp.app} ${stamp.version}, ${stamp.demo} demo, ${stamp.date}`,
    `${stamp.browser}, ${stamp.cores} cores, cross-origin isolated: ${stamp.crossOriginIsolated ? 'yes' : 'no'}`,
    `settings: ${settings || 'defaults'}`,
  ];
}

function csvCell(value: Cell): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function markdownCell(value: Cell): string {
  return String(value).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
