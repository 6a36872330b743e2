/**
 * The index snapshot cache: one file per knowledge folder, holding the
 * validated corpus and the index snapshot, keyed by a hash of every knowledge
 * file, a hash of the core's source code and `INDEX_VERSION`. A hit skips
 * parsing, validation, sentence splitting and indexing; a stale or corrupt
 * file is never used: the index is rebuilt, the file rewritten, and one line
 * says why. Writes are atomic (temp file + rename), so processes sharing a
 * cache folder never read half a file.
 *
 * File layout: "DDIX" | u32 header length | header JSON | padding to 8 | body.
 * The body is a JSON part (corpus and snapshot, with `{"$a": n}` in place of
 * typed arrays) followed by the arrays' raw bytes, each 8-byte aligned, so
 * loading a big index is a few memory views rather than a parse.
 */
import { vectorKey } from '../text/vector-source.ts';
import { wordnetKey } from '../text/wordnet-source.ts';
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, realpath, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIndex, INDEX_VERSION, loadIndex, snapshotIndex, type CorpusIndex, type IndexSnapshot } from './corpus-index.ts';
import { DEFAULT_RETRIEVER } from './registry.ts';
import type { RetrieverKind, SnapshotArray } from './retriever.ts';
import type { Corpus } from '../model/types.ts';

const MAGIC = 'DDIX';
/** Version of the file layout itself (independent of `INDEX_VERSION`). */
export const CACHE_FORMAT = 1;

/** What a cached snapshot must match to be used. */
export interface CacheKey {
  format: number;
  indexVersion: number;
  /** Hash of the core's source files: a code change that forgot to bump `INDEX_VERSION` still invalidates. */
  code: string;
  /** Hash of every file (path and bytes) under the knowledge folder. */
  knowledge: string;
  retriever: RetrieverKind;
  endian: string;
  /** Which compiled word vectors the snapshot holds (`vectorKey()`): new vectors rebuild it. */
  vectors: string;
  /** Which compiled WordNet table the snapshot holds (`wordnetKey()`). */
  wordnet: string;
}

/** Options of `openIndex`. */
export interface CacheOptions {
  /** Folder holding snapshot files (created when missing). */
  cacheDir: string;
  /** Embedded retriever to build with. Default `DEFAULT_RETRIEVER`. */
  retriever?: RetrieverKind;
  /** Receives one line when the cache is missing, stale or corrupt. Default: standard error. */
  log?: (line: string) => void;
  /**
   * Never write the cache folder: a matching snapshot is used, a missing,
   * stale or corrupt one means building in memory only. For replicas that
   * share one snapshot prebuilt at deploy time. Default false.
   */
  readOnly?: boolean;
}

/** How `openIndex` got its index, with timings in milliseconds. */
export interface OpenedIndex {
  index: CorpusIndex;
  source: 'cache' | 'built';
  /** Why the cache was not used (`missing`, `stale: ...`, `corrupt: ...`), when built. */
  reason?: string;
  file: string;
  ms: number;
}

const TYPES = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

/** The root of the core's sources (this file is in `src/core/retrieval/`): every file under it is part of the code fingerprint. */
const CORE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** True when running compiled (`dist/`, `npm run start:prod`) rather than from the TypeScript sources. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * The file `npm run build` writes into the compiled core (`dist/src/core/`):
 * the fingerprint of the `src/core` sources it was compiled from. A compiled
 * process uses it as its code fingerprint, so compiled and tsx processes agree
 * on snapshot keys: a snapshot made by `npm run index` serves `npm run start:prod`.
 */
export const BUILD_FINGERPRINT_FILE = 'code-fingerprint.json';

let codeHash: Promise<string> | undefined;

/**
 * Hash of every file under `src/core`, recursively (memoised; "unknown" when
 * the sources are not on disk). Recursive because the core is laid out in
 * stage folders: a change in any of them must invalidate cached snapshots.
 * Compiled, it is the sources' hash stamped by the build (else the hash of the compiled files).
 */
export function codeFingerprint(): Promise<string> {
  codeHash ??= (async () => {
    if (COMPILED) {
      const stamped = await readFile(path.join(CORE_DIR, BUILD_FINGERPRINT_FILE), 'utf8').then(
        (text) => (JSON.parse(text) as { code?: unknown }).code,
        () => undefined,
      );
      if (typeof stamped === 'string') return stamped;
    }
    return treeFingerprint(CORE_DIR);
  })().catch(() => 'unknown');
  return codeHash;
}

/**
 * Last step of `npm run build`: writes `BUILD_FINGERPRINT_FILE` into the
 * compiled core, from the sources the build compiled.
 * @param sourceDir the `src/core` folder that was compiled
 * @returns the fingerprint written
 * @throws Error when run from the sources (it would write into `src/core`)
 */
export async function stampBuild(sourceDir: string): Promise<string> {
  if (!COMPILED) throw new Error('index-cache: stampBuild runs from the compiled output only');
  const code = await treeFingerprint(sourceDir);
  await writeFile(path.join(CORE_DIR, BUILD_FINGERPRINT_FILE), JSON.stringify({ code }) + '\n');
  return code;
}

/**
 * Hash of every file under a knowledge folder (relative path and bytes, in
 * sorted order). Dot files are skipped: the loader never reads them.
 */
export function knowledgeFingerprint(dir: string): Promise<string> {
  return treeFingerprint(dir);
}

/**
 * Hash of every file under `dir`, recursively: relative path and bytes, in
 * sorted order, dot files and dot folders skipped. Symlinks are followed,
 * to a bounded depth so a folder loop cannot hang start-up.
 * @throws Error when `dir` cannot be read.
 */
export async function treeFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const walk = async (rel: string, depth: number): Promise<void> => {
    if (depth > 8) return;
    const entries = (await readdir(path.join(dir, rel), { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const child = rel ? `${rel}/${e.name}` : e.name;
      const info = e.isSymbolicLink() ? await stat(path.join(dir, child)).catch(() => undefined) : e;
      if (info?.isDirectory()) await walk(child, depth + 1);
      else if (info?.isFile()) hash.update(child).update('\0').update(await readFile(path.join(dir, child))).update('\0');
    }
  };
  await walk('', 0);
  return hash.digest('hex');
}

/** The cache key for a knowledge folder. */
export async function cacheKey(knowledgeDir: string, retriever: RetrieverKind = DEFAULT_RETRIEVER): Promise<CacheKey> {
  return {
    format: CACHE_FORMAT,
    indexVersion: INDEX_VERSION,
    code: await codeFingerprint(),
    knowledge: await knowledgeFingerprint(knowledgeDir),
    retriever,
    endian: endianness(),
    vectors: vectorKey(),
    wordnet: wordnetKey(),
  };
}

/** The snapshot file for a knowledge folder: one per folder, named by a hash of its real path. */
export function cacheFile(cacheDir: string, realKnowledgeDir: string): string {
  return path.join(cacheDir, `index-${createHash('sha256').update(realKnowledgeDir).digest('hex').slice(0, 16)}.bin`);
}

/** Serialises a key, the corpus and an index snapshot into the file layout above. */
export function encodeSnapshot(key: CacheKey, corpus: Corpus, snapshot: IndexSnapshot): Buffer {
  const arrays: SnapshotArray[] = [];
  const json = JSON.stringify({ corpus, snapshot }, (_k, v: unknown) => {
    if (ArrayBuffer.isView(v)) return { $a: arrays.push(v as SnapshotArray) - 1 };
    return v;
  });
  const jsonBytes = Buffer.from(json, 'utf8');
  const sections: { type: TypeName; offset: number; length: number }[] = [];
  let offset = align(jsonBytes.length);
  for (const a of arrays) {
    sections.push({ type: a.constructor.name as TypeName, offset, length: a.length });
    offset = align(offset + a.byteLength);
  }
  const body = Buffer.alloc(offset);
  jsonBytes.copy(body, 0);
  arrays.forEach((a, i) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(body, sections[i]!.offset));
  const header = Buffer.from(
    JSON.stringify({ key, json: jsonBytes.length, sections, bytes: body.length, sha256: createHash('sha256').update(body).digest('hex') }),
    'utf8',
  );
  const start = align(8 + header.length);
  const out = Buffer.alloc(start + body.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(header.length, 4);
  header.copy(out, 8);
  body.copy(out, start);
  return out;
}

/** The key stored in a snapshot file. @throws Error("index-cache: corrupt ...") */
export function readKey(file: Buffer): CacheKey {
  return readHeader(file).key;
}

/**
 * Decodes a snapshot file, checking its length and checksum.
 * @throws Error starting "index-cache: corrupt" when anything is off.
 */
export function decodeSnapshot(file: Buffer): { key: CacheKey; corpus: Corpus; snapshot: IndexSnapshot } {
  const header = readHeader(file);
  const start = align(8 + file.readUInt32LE(4));
  if (file.length !== start + header.bytes) throw corrupt('truncated or padded file');
  const body = file.subarray(start);
  if (createHash('sha256').update(body).digest('hex') !== header.sha256) throw corrupt('checksum mismatch');
  const arrays = header.sections.map((s) => {
    const Type = TYPES[s.type];
    if (!Type || s.offset + s.length * Type.BYTES_PER_ELEMENT > body.length) throw corrupt('bad section table');
    const at = body.byteOffset + s.offset;
    // A view when aligned (the usual case); a copy otherwise.
    return at % Type.BYTES_PER_ELEMENT === 0
      ? new Type(body.buffer as ArrayBuffer, at, s.length)
      : new Type((body.buffer as ArrayBuffer).slice(at, at + s.length * Type.BYTES_PER_ELEMENT));
  });
  let parsed: { corpus: Corpus; snapshot: IndexSnapshot };
  try {
    parsed = JSON.parse(body.toString('utf8', 0, header.json), (_k, v: unknown) => {
      if (v && typeof v === 'object' && '$a' in v) {
        const a = arrays[(v as { $a: number }).$a];
        if (!a) throw new Error('missing array');
        return a;
      }
      return v;
    });
  } catch (err) {
    throw corrupt(`unreadable JSON (${(err as Error).message})`);
  }
  return { key: header.key, corpus: parsed.corpus, snapshot: parsed.snapshot };
}

/**
 * Opens the index of a knowledge folder through the cache: loads the snapshot
 * when its key matches, else loads the knowledge, builds, and rewrites the file.
 * A failed cache write is reported and ignored (read-only disks still work).
 * @throws KnowledgeError when the knowledge is invalid (never cached).
 */
export async function openIndex(knowledgeDir: string, options: CacheOptions): Promise<OpenedIndex> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const retriever = options.retriever ?? DEFAULT_RETRIEVER;
  let real: string;
  try {
    real = await realpath(knowledgeDir);
  } catch {
    // Let the loader report the missing folder in its own words.
    await (await import('../knowledge/load.ts')).loadCorpus(knowledgeDir);
    throw new Error(`index-cache: cannot open ${knowledgeDir}`);
  }
  const file = cacheFile(options.cacheDir, real);
  const key = await cacheKey(real, retriever);
  let reason: string;
  try {
    const bytes = await readFile(file);
    const stored = readKey(bytes);
    const stale = staleness(stored, key);
    if (stale) {
      reason = `stale: ${stale}`;
    } else {
      const { corpus, snapshot } = decodeSnapshot(bytes);
      const index = loadIndex(corpus, snapshot);
      return { index, source: 'cache', file, ms: performance.now() - started };
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    reason = code === 'ENOENT' ? 'missing' : `corrupt: ${(err as Error).message.replace(/^index-cache: corrupt \(?|\)$/g, '')}`;
  }
  log(`index-cache: snapshot ${path.relative(process.cwd(), file) || file} is ${reason}; rebuilding${options.readOnly ? ' in memory (read-only cache: not saved)' : ''}`);
  // The loader (and its YAML parser) is needed only on a miss: a cache hit starts faster without it.
  const { loadCorpus } = await import('../knowledge/load.ts');
  const corpus = await loadCorpus(real);
  const index = buildIndex(corpus, { retriever });
  if (!options.readOnly) {
    try {
      await writeAtomic(file, encodeSnapshot(key, corpus, snapshotIndex(index)));
    } catch (err) {
      log(`index-cache: could not save ${file} (${(err as Error).message})`);
    }
  }
  return { index, source: 'built', reason, file, ms: performance.now() - started };
}

/** Writes a snapshot file for a built index (used by `npm run index`). */
export async function saveIndex(knowledgeDir: string, cacheDir: string, index: CorpusIndex): Promise<{ file: string; bytes: number }> {
  const real = await realpath(knowledgeDir);
  const file = cacheFile(cacheDir, real);
  const bytes = encodeSnapshot(await cacheKey(real, index.sentences.kind), index.corpus, snapshotIndex(index));
  await writeAtomic(file, bytes);
  return { file, bytes: bytes.length };
}

/** Why a stored key does not match (empty string when it does). */
function staleness(stored: CacheKey, key: CacheKey): string {
  if (stored.format !== key.format || stored.indexVersion !== key.indexVersion || stored.code !== key.code) return 'code changed';
  if (stored.knowledge !== key.knowledge) return 'knowledge changed';
  if (stored.retriever !== key.retriever) return `retriever changed to ${key.retriever}`;
  if (stored.endian !== key.endian) return 'made on another byte order';
  if (stored.vectors !== key.vectors) return 'word vectors changed';
  if (stored.wordnet !== key.wordnet) return 'WordNet table changed';
  return '';
}

async function writeAtomic(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}

interface Header {
  key: CacheKey;
  json: number;
  sections: { type: TypeName; offset: number; length: number }[];
  bytes: number;
  sha256: string;
}

function readHeader(file: Buffer): Header {
  if (file.length < 8 || file.toString('latin1', 0, 4) !== MAGIC) throw corrupt('not a snapshot file');
  const length = file.readUInt32LE(4);
  if (8 + length > file.length) throw corrupt('truncated header');
  try {
    const h = JSON.parse(file.toString('utf8', 8, 8 + length)) as Header;
    if (!h.key || !Array.isArray(h.sections) || typeof h.bytes !== 'number' || typeof h.json !== 'number') throw new Error('fields missing');
    return h;
  } catch (err) {
    throw corrupt(`unreadable header (${(err as Error).message})`);
  }
}

function corrupt(why: string): Error {
  return new Error(`index-cache: corrupt (${why})`);
}

function align(n: number): number {
  return (n + 7) & ~7;
}
