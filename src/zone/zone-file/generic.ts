/**
 * RFC 3597 generic record data (`\# <length> <hex>`) of the record types the SDK models, turned into the
 * words of the type's usual presentation form, so they go through the same checks.
 *
 * @internal
 * @module
 */
import type { DnsRecordType } from '../../core/dns.js';
import { bad } from './escapes.js';
import type { Token } from './tokenize.js';

const word = (text: string, quoted = false): Token => ({ text, quoted });

/** A byte as written inside a presentation-form string or label. */
const escaped = (b: number, plain: RegExp) =>
  plain.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `\\${String(b).padStart(3, '0')}`;

class Reader {
  at = 0;
  constructor(readonly bytes: Uint8Array) {}
  u8(): number {
    if (this.at >= this.bytes.length) bad('the \\# data ends early for its record type');
    return this.bytes[this.at++] as number;
  }
  u16(): number {
    return (this.u8() << 8) | this.u8();
  }
  take(n: number): Uint8Array {
    if (this.at + n > this.bytes.length) bad('the \\# data ends early for its record type');
    const out = this.bytes.subarray(this.at, this.at + n);
    this.at += n;
    return out;
  }
  /** An uncompressed wire-format name, absolute (`a.example.com.`), escapes for unusual bytes. */
  name(): string {
    const labels: string[] = [];
    for (let len = this.u8(); len !== 0; len = this.u8()) {
      if (len > 63) bad('the \\# data holds a compressed or invalid name');
      labels.push([...this.take(len)].map((b) => escaped(b, /[A-Za-z0-9_*-]/)).join(''));
    }
    return labels.length === 0 ? '.' : `${labels.join('.')}.`;
  }
  rest(): Uint8Array {
    return this.take(this.bytes.length - this.at);
  }
}

function bytesOf(words: readonly string[]): Uint8Array {
  const [length, ...hexWords] = words;
  if (!length || !/^\d+$/.test(length)) bad('\\# takes a length and hexadecimal data');
  const hex = hexWords.join('');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(hex)) bad('the \\# data must be pairs of hexadecimal digits');
  const n = Number(length);
  if (hex.length / 2 !== n) bad(`the \\# length is ${n} but the data holds ${hex.length / 2} bytes`);
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

/** The presentation-form words of generic data `words` (after `\#`, as written) for `type`. */
export function genericWords(type: DnsRecordType, words: readonly string[]): Token[] {
  const r = new Reader(bytesOf(words));
  let out: Token[];
  switch (type) {
    case 'A':
      out = [word([...r.take(4)].join('.'))];
      break;
    case 'AAAA': {
      const b = r.take(16);
      const groups = Array.from({ length: 8 }, (_, i) => (((b[2 * i] ?? 0) << 8) | (b[2 * i + 1] ?? 0)).toString(16));
      out = [word(groups.join(':'))];
      break;
    }
    case 'CNAME':
    case 'NS':
      out = [word(r.name())];
      break;
    case 'MX':
      out = [word(String(r.u16())), word(r.name())];
      break;
    case 'SRV':
      out = [word(String(r.u16())), word(String(r.u16())), word(String(r.u16())), word(r.name())];
      break;
    case 'CAA': {
      const flags = r.u8();
      const tag = [...r.take(r.u8())].map((b) => String.fromCharCode(b)).join('');
      out = [word(String(flags)), word(tag), word([...r.rest()].map((b) => escaped(b, /[ -!#-[\]-~]/)).join(''), true)];
      break;
    }
    case 'TXT':
      out = [];
      while (r.at < r.bytes.length)
        out.push(word([...r.take(r.u8())].map((b) => escaped(b, /[ -!#-[\]-~]/)).join(''), true));
      if (out.length === 0) bad('TXT takes one or more strings');
      break;
  }
  if (r.at !== r.bytes.length) bad(`the \\# data holds more bytes than one ${type} record`);
  return out;
}
