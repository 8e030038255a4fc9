/**
 * The first record of each name, found by name: an open-addressing table of record indexes in one
 * `Int32Array`, the names themselves read from the records. A `Map` of a 100,000-record zone's names costs
 * a quarter of the parse (its entries are pointers the garbage collector walks on every minor collection);
 * this table holds no pointers.
 *
 * @internal
 * @module
 */

/** FNV-1a (32 bit) of the char codes of `text`. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** Names → the index of the first record of each; `nameAt(i)` is the name of record `i`. */
export class NameIndex {
  /** 1 + a record index, or 0 for a free slot; the length is a power of two, at most half full. */
  #slots: Int32Array;
  #size = 0;

  /** `expected`: about how many names there will be (the table grows past it). */
  constructor(
    private readonly nameAt: (i: number) => string,
    expected = 0,
  ) {
    let length = 1024;
    while (length < expected * 2) length *= 2;
    this.#slots = new Int32Array(length);
  }

  /** The index of the first record named `name`, or `-1 - slot` of the free slot where it would go. */
  find(name: string): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    for (let s = hashOf(name) & mask; ; s = (s + 1) & mask) {
      const entry = slots[s] as number;
      if (entry === 0) return -1 - s;
      if (this.nameAt(entry - 1) === name) return entry - 1;
    }
  }

  /** Records `i` as the first record of its name; `free` is what {@link find} returned for that name. */
  insert(i: number, free: number): void {
    if ((this.#size + 1) * 2 > this.#slots.length) {
      this.#grow();
      free = this.find(this.nameAt(i));
    }
    this.#slots[-1 - free] = i + 1;
    this.#size++;
  }

  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    const mask = slots.length - 1;
    for (const entry of old) {
      if (entry === 0) continue;
      let s = hashOf(this.nameAt(entry - 1)) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = entry;
    }
    this.#slots = slots;
  }
}
