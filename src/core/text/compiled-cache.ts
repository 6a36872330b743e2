/**
 * The once-per-machine cache of a compiled lexical table (word vectors,
 * WordNet): read the file when it decodes, else compile from the package and
 * save it atomically (temp file + rename). Memoised per process and file.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** How one kind of table is read, compiled and named in the log. */
export interface CompiledTable<T extends { bytes(): Uint8Array }> {
  /** Log prefix, e.g. `vectors`. */
  name: string;
  decode(bytes: Uint8Array): T;
  /** @throws when the source package is missing or unreadable. */
  compile(): T;
  /** What the bot loses without it, for the log line (e.g. "soft matching is off"). */
  without: string;
  /** The package compiled from, for the log line. */
  source: string;
}

const loaded = new Map<string, unknown>();

/** The table cached in `file`, compiled and saved when missing or unreadable; null (logged once) when it cannot be compiled. */
export function compiledTable<T extends { bytes(): Uint8Array }>(file: string, kind: CompiledTable<T>, log: (line: string) => void): T | null {
  if (loaded.has(file)) return loaded.get(file) as T | null;
  let table: T | null = null;
  try {
    table = kind.decode(readFileSync(file));
  } catch {
    try {
      table = kind.compile();
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, table.bytes());
        renameSync(tmp, file);
      } catch (err) {
        log(`${kind.name}: could not save ${file} (${(err as Error).message})`);
      }
    } catch (err) {
      log(`${kind.name}: ${kind.source} is not available (${(err as Error).message.split('\n')[0]}); ${kind.without}`);
    }
  }
  loaded.set(file, table);
  return table;
}
