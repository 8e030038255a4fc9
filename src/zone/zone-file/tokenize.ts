/**
 * The lexical layer of RFC 1035 master files (section 5.1): comments, parentheses that continue an entry
 * over several lines, quoted character-strings with backslash escapes, and whether an entry starts with
 * blank space (its owner is then the previous one).
 *
 * @internal
 * @module
 */

/** One word of an entry. `text` keeps backslash escapes as written; `quoted` tells `"a b"` from `a`. */
export interface Token {
  text: string;
  quoted: boolean;
}

/** A lexical error: the line and what is wrong. */
export class ZoneSyntaxError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34;
const OPEN = 40;
const CLOSE = 41;
const SEMICOLON = 59;
const BACKSLASH = 92;

/** Characters that end an unquoted word: blank space, a line end, `;`, `(`, `)` and `"`. */
const ENDS_WORD = new Uint8Array(128);
for (const c of [TAB, LF, CR, SPACE, QUOTE, OPEN, CLOSE, SEMICOLON]) ENDS_WORD[c] = 1;

/**
 * Reads a master file one entry (a directive or a resource record, possibly spread over several lines by
 * parentheses) at a time, so a large file is never held as tokens. Each call to {@link EntryReader.next}
 * fills `words`, `quoted` and `count` again: the arrays are reused, only their first `count` items belong
 * to the current entry. Words are slices of the text, escapes as written. One pass over char codes: this
 * runs on every character of a zone file.
 */
export class EntryReader {
  /** 1-based line the current entry starts on. */
  line = 0;
  /** The current entry starts with a space or tab: no owner name, the previous owner applies. */
  indented = false;
  /** How many of `words` belong to the current entry. */
  count = 0;
  /** The current entry's words (the first `count`). */
  readonly words: string[] = [];
  /** Whether each of `words` was a quoted string. */
  readonly quoted: boolean[] = [];
  #at = 0;
  #line = 1;

  constructor(private readonly text: string) {}

  /**
   * Moves to the next entry; `false` at the end of the text. Throws {@link ZoneSyntaxError} for an
   * unterminated string, an unbalanced parenthesis or a backslash at the end of the text.
   */
  next(): boolean {
    const { text, words, quoted } = this;
    const n = text.length;
    let i = this.#at;
    let line = this.#line;
    let depth = 0;
    let openedAt = 0;
    let count = 0;
    let indentedLine = false;
    let atLineStart = true;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (atLineStart) {
        indentedLine = c === SPACE || c === TAB;
        atLineStart = false;
      }
      if (c === LF) {
        i++;
        line++;
        atLineStart = true;
        if (depth === 0 && count > 0) break;
      } else if (c === SPACE || c === TAB || c === CR) {
        i++;
      } else if (c === SEMICOLON) {
        i = text.indexOf('\n', i);
        if (i < 0) i = n;
      } else if (c === OPEN) {
        if (depth === 0) openedAt = line;
        depth++;
        i++;
      } else if (c === CLOSE) {
        if (depth === 0) throw new ZoneSyntaxError(line, 'a ")" without a matching "("');
        depth--;
        i++;
      } else {
        const isQuoted = c === QUOTE;
        const j = isQuoted ? endOfString(text, i + 1, line) : endOfWord(text, i, line);
        if (count === 0) {
          this.line = line;
          this.indented = indentedLine;
        }
        words[count] = isQuoted ? text.slice(i + 1, j) : text.slice(i, j);
        quoted[count] = isQuoted;
        count++;
        i = isQuoted ? j + 1 : j;
      }
    }
    if (i >= n && depth > 0) throw new ZoneSyntaxError(openedAt, 'a "(" is never closed');
    this.#at = i;
    this.#line = line;
    this.count = count;
    return count > 0;
  }
}

/** Where the quoted string whose body starts at `i` ends (its closing quote). */
function endOfString(text: string, i: number, line: number): number {
  const n = text.length;
  let j = i;
  for (; j < n; j++) {
    let c = text.charCodeAt(j);
    if (c === QUOTE) return j;
    if (c === BACKSLASH) {
      if (++j >= n) break;
      c = text.charCodeAt(j);
    }
    if (c === LF) throw new ZoneSyntaxError(line, 'a quoted string does not end on its line');
  }
  throw new ZoneSyntaxError(line, 'a quoted string does not end');
}

/** Where the unquoted word starting at `i` ends; a backslash takes the next character, whatever it is. */
function endOfWord(text: string, i: number, line: number): number {
  const n = text.length;
  let j = i;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c < 128 && ENDS_WORD[c] === 1) break;
    if (c === BACKSLASH) {
      if (j + 1 >= n) throw new ZoneSyntaxError(line, 'a backslash at the end of the file');
      j += 2;
    } else j++;
  }
  return j;
}
