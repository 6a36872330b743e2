/**
 * Opens the configured event store: PostgreSQL when `DATABASE_URL` is set
 * (its driver is loaded only then: importing it costs start-up time), SQLite
 * in `DATA_FILE` otherwise, nothing with `STORE=off`. Entry points call this
 * once; adapters get the store.
 */
import type { StoreConfig } from '../config.ts';
import { NullStore } from './off.ts';
import { openSqliteStore } from './sqlite.ts';
import type { EventStore, StoreLogger } from './types.ts';

export type { EventStore } from './types.ts';

/** The store for a configuration. Never throws: an unusable database is logged and retried by the store. */
export async function openStore(config: StoreConfig, logger?: StoreLogger): Promise<EventStore> {
  if (!config.enabled) return new NullStore();
  if (config.databaseUrl) {
    const { openPostgresStore } = await import('./postgres.ts');
    return openPostgresStore(config.databaseUrl, { salt: config.salt, retainDays: config.retainDays, logger });
  }
  return openSqliteStore(config.dataFile, { salt: config.salt, retainDays: config.retainDays, logger });
}
