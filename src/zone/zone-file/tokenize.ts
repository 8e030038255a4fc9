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

/** One entry: a directive or a resource record, possibly spread over several lines by parentheses. */
export interface Entry {
  /** 1-based line the entry starts on. */
  line: number;
  /** The entry starts with a space or tab: no owner name, the previous owner applies. */
  indented: boolean;
  tokens: Token[];
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

const BLANK = new Set([' ', '\t', '\r']);
const SPECIAL = new Set([' ', '\t', '\r', '\n', ';', '(', ')', '"']);

/**
 * Splits a master file into entries. Throws {@link ZoneSyntaxError} for an unterminated string, an
 * unbalanced parenthesis or a backslash at the end of the text.
 */
export function tokenize(text: string): Entry[] {
  const entries: Entry[] = [];
  let line = 1;
  let depth = 0;
  let openedAt = 0;
  let current: Entry | undefined;
  let atLineStart = true;
  const push = (token: Token, at: number, indented: boolean) => {
    current ??= { line: at, indented, tokens: [] };
    current.tokens.push(token);
  };
  let indentedLine = false;
  for (let i = 0; i < text.length;) {
    const ch = text[i] as string;
    if (atLineStart) {
      indentedLine = BLANK.has(ch) && ch !== '\r';
      atLineStart = false;
    }
    if (ch === '\n') {
      if (depth === 0 && current) {
        entries.push(current);
        current = undefined;
      }
      line++;
      atLineStart = true;
      i++;
    } else if (BLANK.has(ch)) {
      i++;
    } else if (ch === ';') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (ch === '(') {
      if (depth === 0) openedAt = line;
      depth++;
      i++;
    } else if (ch === ')') {
      if (depth === 0) throw new ZoneSyntaxError(line, 'a ")" without a matching "("');
      depth--;
      i++;
    } else if (ch === '"') {
      const start = line;
      let j = i + 1;
      let body = '';
      for (; j < text.length && text[j] !== '"'; j++) {
        if (text[j] === '\\') body += text[j++] ?? '';
        if (j >= text.length) break;
        if (text[j] === '\n') throw new ZoneSyntaxError(start, 'a quoted string does not end on its line');
        body += text[j];
      }
      if (j >= text.length) throw new ZoneSyntaxError(start, 'a quoted string does not end');
      push({ text: body, quoted: true }, start, indentedLine);
      i = j + 1;
    } else {
      let j = i;
      let word = '';
      while (j < text.length && !SPECIAL.has(text[j] as string)) {
        if (text[j] === '\\') {
          if (j + 1 >= text.length) throw new ZoneSyntaxError(line, 'a backslash at the end of the file');
          word += text[j++];
        }
        word += text[j++];
      }
      push({ text: word, quoted: false }, line, indentedLine);
      i = j;
    }
  }
  if (depth > 0) throw new ZoneSyntaxError(openedAt, 'a "(" is never closed');
  if (current) entries.push(current);
  return entries;
}
