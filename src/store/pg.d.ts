/**
 * The part of node-postgres (`pg`) the PostgreSQL store uses (the package
 * ships no types, and the project adds no type package for it).
 */
declare module 'pg' {
  /** Connection and pool settings (see node-postgres's documentation for the rest). */
  export interface PoolConfig {
    connectionString?: string;
    /** Most connections the pool opens (default 10). */
    max?: number;
    /** How long to wait for a connection, ms (default: forever). */
    connectionTimeoutMillis?: number;
    /** How long an idle connection is kept, ms (default 10,000). */
    idleTimeoutMillis?: number;
    /** Client-side limit for one query, ms (default: none). */
    query_timeout?: number;
    /** Server-side limit for one statement, ms (default: none). */
    statement_timeout?: number;
    application_name?: string;
  }

  export interface QueryResult<R = Record<string, unknown>> {
    rows: R[];
    rowCount: number | null;
  }

  /** An error the server sent, with its SQLSTATE `code`. */
  export class DatabaseError extends Error {
    code?: string;
    detail?: string;
  }

  export interface PoolClient {
    query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
    /** Returns the connection to the pool; with an error, the connection is closed instead. */
    release(error?: Error | boolean): void;
  }

  /** One connection (tests and tools; the store uses the pool). */
  export class Client {
    constructor(config?: string | PoolConfig);
    connect(): Promise<void>;
    query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
    end(): Promise<void>;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export class Pool {
    constructor(config?: PoolConfig);
    query<R = Record<string, unknown>>(text: string, values?: readonly unknown[]): Promise<QueryResult<R>>;
    connect(): Promise<PoolClient>;
    end(): Promise<void>;
    /** An idle connection failed (e.g. the server went away); without a listener the process would crash. */
    on(event: 'error', listener: (error: Error) => void): this;
    readonly totalCount: number;
    readonly idleCount: number;
    readonly waitingCount: number;
  }
}
