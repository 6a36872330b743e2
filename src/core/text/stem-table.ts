/**
 * The stem lookup shared by the compiled vector and WordNet tables: the stems
 * as one UTF-8 blob (joined by "\n"), each row's offset into it, and an
 * open-addressing hash table (FNV-1a, linear probing, a power of two of slots,
 * -1 empty) from a stem to its row. Built once at compile time; read in place
 * at load, with no per-stem objects.
 */

/** The three parts of a stem table, as they are written into a compiled file. */
export interface StemTableParts {
  blob: Buffer;
  /** Row offsets into `blob` (count + 1; the last is the blob's length + 1). */
  offsets: Uint32Array;
  /** Hash slots: a row, or -1. */
  table: Int32Array;
}

function fnv1a(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Builds the parts for stems in row order (at least twice as many slots as stems). */
export function buildStemTable(order: readonly string[]): StemTableParts {
  const blob = Buffer.from(order.join('\n'), 'utf8');
  const offsets = new Uint32Array(order.length + 1);
  let at = 0;
  order.forEach((s, i) => {
    offsets[i] = at;
    at += Buffer.byteLength(s, 'utf8') + 1;
  });
  offsets[order.length] = blob.length + 1;
  let slots = 1;
  while (slots < order.length * 2) slots *= 2;
  const table = new Int32Array(slots).fill(-1);
  for (let r = 0; r < order.length; r++) {
    let h = fnv1a(blob, offsets[r]!, offsets[r + 1]! - 1) & (slots - 1);
    while (table[h] !== -1) h = (h + 1) & (slots - 1);
    table[h] = r;
  }
  return { blob, offsets, table };
}

/** The row of a stem, or -1, over parts read in place (`table.length` must be a power of two). */
export function stemRowLookup({ blob, offsets, table }: StemTableParts): (stem: string) => number {
  const slots = table.length;
  const count = offsets.length - 1;
  const scratch = Buffer.alloc(256);
  return (s) => {
    if (count === 0) return -1;
    const n = scratch.write(s, 0, 'utf8');
    if (n === 0 || n >= scratch.length - 3) return -1;
    let h = fnv1a(scratch, 0, n) & (slots - 1);
    for (let r = table[h]!; r !== -1; h = (h + 1) & (slots - 1), r = table[h]!) {
      const from = offsets[r]!;
      if (offsets[r + 1]! - 1 - from === n && blob.compare(scratch, 0, n, from, from + n) === 0) return r;
    }
    return -1;
  };
}
