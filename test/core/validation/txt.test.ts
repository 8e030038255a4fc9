import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTxt, normalizeRecord, parseTxt } from '../../../src/core/validation/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s).length;
/** The quoted strings of a formatted value, unescaped one by one. */
const chunksOf = (wire: string) => [...wire.matchAll(/"((?:[^"\\]|\\[\s\S])*)"/g)].map((m) => parseTxt(`"${m[1]}"`));

describe('validation: TXT values', () => {
  it('any string formats into chunks of ≤ 255 UTF-8 bytes that never split a code point, and round-trips', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 700 }), (s) => {
        const wire = formatTxt(s);
        const chunks = chunksOf(wire);
        for (const chunk of chunks) {
          expect(utf8(chunk)).toBeLessThanOrEqual(255);
          expect(chunk).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no half of a surrogate pair at a cut
        }
        expect(chunks.join('')).toBe(s);
        expect(parseTxt(wire)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('long multi-byte text is cut at code point boundaries', () => {
    const s = '😀'.repeat(100) + 'é'.repeat(200); // 400 + 400 bytes
    const chunks = chunksOf(formatTxt(s));
    expect(chunks.length).toBeGreaterThan(3);
    for (const c of chunks) expect(utf8(c)).toBeLessThanOrEqual(255);
    expect(chunks.join('')).toBe(s);
  });

  it('" and \\ round-trip', () => {
    const s = 'say "hi" \\ back\\slash\\"';
    expect(formatTxt(s)).toBe('"say \\"hi\\" \\\\ back\\\\slash\\\\\\""');
    expect(parseTxt(formatTxt(s))).toBe(s);
  });

  it('a 300-byte SPF record splits into 2 strings whose concatenation equals the input', () => {
    const body = Array.from({ length: 40 }, (_, i) => `ip4:10.0.${i}.0/24`).join(' ');
    const spf = `v=spf1 ${body}`.slice(0, 295) + ' -all';
    expect(utf8(spf)).toBe(300);
    const wire = formatTxt(spf);
    const chunks = chunksOf(wire);
    expect(chunks).toHaveLength(2);
    expect(chunks.join('')).toBe(spf);
    expect(wire).toMatch(/^"[^"]*" "[^"]*"$/);
  });

  it('an already-quoted TXT value is not quoted twice', () => {
    const record = normalizeRecord({ type: 'TXT', name: '@', content: '"v=spf1 -all"' });
    expect(record.content).toBe('v=spf1 -all');
    expect(formatTxt(record.content)).toBe('"v=spf1 -all"');
    expect(normalizeRecord({ type: 'TXT', name: '@', content: '"abc" "def"' }).content).toBe('abcdef');
  });

  it('parseTxt returns an unquoted value unchanged and decodes \\DDD escapes', () => {
    expect(parseTxt('plain "text"')).toBe('plain "text"');
    expect(parseTxt('"caf\\195\\169"')).toBe('café');
    expect(formatTxt('')).toBe('""');
    expect(parseTxt('""')).toBe('');
  });
});
