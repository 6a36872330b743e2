/**
 * Opens the configured event store: SQLite in `DATA_FILE` by default, nothing
 * with `STORE=off`. Entry points call this once; adapters get the store.
 */
import type { StoreConfig } from '../config.ts';
import { NullStore } from './off.ts';
import { openSqliteStore } from './sqlite.ts';
import type { EventStore, StoreLogger } from './types.ts';

export type { EventStore } from './types.ts';

/** The store for a configuration. Never throws: an unusable database is logged and retried by the store. */
export function openStore(config: StoreConfig, logger?: StoreLogger): EventStore {
  if (!config.enabled) return new NullStore();
  return openSqliteStore(config.dataFile, { salt: config.salt, retainDays: config.retainDays, logger });
}
