/**
 * Everything the CLI writes: results on stdout (aligned tables, or exactly the models' JSON with
 * `--output json`), messages and progress on stderr. Colour only on a terminal, never with `NO_COLOR`.
 * @module
 */
import { printable } from '../core/printable.js';

/** A column of a table: its header and how a row shows in it. */
export interface Column<T> {
  header: string;
  get(row: T): unknown;
}

/** A writable text stream (process.stdout / process.stderr, or a test double). */
export interface TextStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

const CODES = { red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39], bold: [1, 22], dim: [2, 22] };
/** The colours the CLI uses. */
export type ColorName = keyof typeof CODES;

/** Whether to colour `stream`: a terminal, `NO_COLOR` unset or empty, and `TERM` not `dumb`. */
export function colorEnabled(stream: TextStream, env: NodeJS.ProcessEnv): boolean {
  return stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
}

/** Writes results and messages in the chosen format. */
export class Output {
  readonly json: boolean;
  readonly #stdout: TextStream;
  readonly #stderr: TextStream;
  readonly #colorOut: boolean;
  readonly #colorErr: boolean;

  constructor(options: { json: boolean; stdout: TextStream; stderr: TextStream; env: NodeJS.ProcessEnv }) {
    this.json = options.json;
    this.#stdout = options.stdout;
    this.#stderr = options.stderr;
    this.#colorOut = colorEnabled(options.stdout, options.env);
    this.#colorErr = colorEnabled(options.stderr, options.env);
  }

  /** Colours text for stdout (`stderr: true` for stderr) when that stream is a terminal. */
  paint(color: ColorName, text: string, stderr = false): string {
    if (!(stderr ? this.#colorErr : this.#colorOut)) return text;
    const [open, close] = CODES[color];
    return `\x1b[${open}m${text}\x1b[${close}m`;
  }

  /** A list: a table, or the array as JSON. */
  list<T>(rows: readonly T[], columns: readonly Column<T>[]): void {
    if (this.json) return this.data(rows);
    if (rows.length === 0) return this.message('(none)');
    this.#stdout.write(renderTable(rows, columns, (h) => this.paint('bold', h)));
  }

  /** One object: `field  value` lines, or the object as JSON. */
  item<T extends object>(value: T, columns?: readonly Column<T>[]): void {
    if (this.json) return this.data(value);
    const cols = columns ?? Object.keys(value).map((key) => ({ header: key, get: (v: T) => (v as never)[key] }));
    const width = Math.max(...cols.map((c) => c.header.length));
    const lines = cols.map((c) => `${this.paint('bold', c.header.padEnd(width))}  ${cell(c.get(value))}`);
    this.#stdout.write(lines.join('\n') + '\n');
  }

  /** Exactly `value` as JSON on stdout (used for `--output json`). */
  data(value: unknown): void {
    this.#stdout.write(JSON.stringify(value, null, 2) + '\n');
  }

  /** Raw text on stdout (a zone file, a diff). */
  text(text: string): void {
    this.#stdout.write(text.endsWith('\n') || text === '' ? text : text + '\n');
  }

  /** A line for people on stderr. */
  message(text: string): void {
    this.#stderr.write(text + '\n');
  }

  /** A success line on stderr (`✓` in green on a terminal). */
  done(text: string): void {
    this.message(`${this.paint('green', '✓', true)} ${text}`);
  }
}

function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object')
    return Object.entries(value)
      .map(([k, v]) => `${k}=${cell(v)}`)
      .join(', ');
  // One row per record; control characters from a provider (ESC, BEL, newlines) are shown as escapes.
  return printable(String(value));
}

/** Renders rows as columns separated by two spaces, padded to the widest cell; headers go through `header`. */
export function renderTable<T>(
  rows: readonly T[],
  columns: readonly Column<T>[],
  header: (text: string) => string = (t) => t,
): string {
  const cells = rows.map((row) => columns.map((c) => cell(c.get(row))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
  const line = (values: string[], paint: (t: string) => string = (t) => t) =>
    values
      .map((v, i) => (i === values.length - 1 ? paint(v) : paint(v.padEnd(widths[i]!))))
      .join('  ')
      .trimEnd();
  const head = line(
    columns.map((c) => c.header.toUpperCase()),
    header,
  );
  return [head, ...cells.map((r) => line(r))].join('\n') + '\n';
}
