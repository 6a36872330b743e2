/**
 * A throwaway PostgreSQL server for the test run: Debian's `postgresql`
 * binaries, a fresh cluster (initdb) in a temporary folder, started with
 * pg_ctl on 127.0.0.1 and a free port, password authentication over TCP.
 * As root (PostgreSQL refuses to run as root) the cluster belongs to the
 * unprivileged `postgres` user the package creates, and the commands run
 * through `runuser`. `destroy()` stops the server and removes the folder.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Where Debian puts each major version's server binaries. */
const DEBIAN_BINS = '/usr/lib/postgresql';

/**
 * The folder holding initdb and pg_ctl: `PG_BIN` when set (another layout, or
 * an empty folder to see the tests skip), else the newest version under
 * Debian's folder; undefined when PostgreSQL's server is not installed.
 */
export function findPostgresBin(): string | undefined {
  const given = process.env.PG_BIN;
  if (given) return existsSync(path.join(given, 'initdb')) && existsSync(path.join(given, 'pg_ctl')) ? given : undefined;
  if (!existsSync(DEBIAN_BINS)) return undefined;
  const versions = readdirSync(DEBIAN_BINS)
    .filter((v) => existsSync(path.join(DEBIAN_BINS, v, 'bin', 'initdb')) && existsSync(path.join(DEBIAN_BINS, v, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(DEBIAN_BINS, versions[0], 'bin') : undefined;
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function postgresUnavailable(): string | undefined {
  if (!findPostgresBin()) return `no PostgreSQL server binaries (initdb, pg_ctl) under ${process.env.PG_BIN || DEBIAN_BINS}; install Debian's postgresql package`;
  if (process.getuid?.() === 0 && spawnSync('id', ['-u', 'postgres']).status !== 0) return 'running as root and there is no unprivileged postgres user to own the cluster';
  return undefined;
}

/** A running throwaway cluster. */
export interface PgCluster {
  port: number;
  user: string;
  password: string;
  /** Connection string for a database of this cluster. */
  url(database: string): string;
  /** Creates an empty database and returns its connection string. */
  createDatabase(name?: string): Promise<string>;
  /** A query as the cluster's superuser, on `database` (default `postgres`). */
  query<R = Record<string, unknown>>(sql: string, values?: unknown[], database?: string): Promise<R[]>;
  /** Stops the server (fast shutdown: clients are disconnected), keeping its data. */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** Stops the server and deletes the cluster. */
  destroy(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function run(cmd: string, args: string[], asPostgres: boolean): Promise<string> {
  const [file, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) =>
    execFile(file, argv, { timeout: 60_000 }, (err, stdout, stderr) => (err ? reject(new Error(`postgres helper: ${cmd} failed: ${stderr || err.message}`)) : resolve(stdout))),
  );
}

let databases = 0;

/** Creates and starts a cluster. Call `destroy()` when done (afterAll). */
export async function startCluster(): Promise<PgCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(postgresUnavailable());
  const asPostgres = process.getuid?.() === 0;
  const dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-pg-'));
  const data = path.join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const user = 'dealdesk_test';
  await writeFile(path.join(dir, 'pwfile'), password + '\n', { mode: 0o600 });
  if (asPostgres) {
    const uid = Number(spawnSync('id', ['-u', 'postgres']).stdout.toString().trim());
    const gid = Number(spawnSync('id', ['-g', 'postgres']).stdout.toString().trim());
    await chown(dir, uid, gid);
    await chown(path.join(dir, 'pwfile'), uid, gid);
  }
  await run(path.join(bin, 'initdb'), ['-D', data, '-U', user, `--pwfile=${path.join(dir, 'pwfile')}`, '--auth-host=scram-sha-256', '--auth-local=trust', '--no-locale', '-E', 'UTF8', '--no-sync'], asPostgres);
  const port = await freePort();
  // Durability is not what is tested: no fsync makes the throwaway cluster fast.
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  const pgCtl = (...args: string[]) => run(path.join(bin, 'pg_ctl'), ['-D', data, ...args], asPostgres);
  const start = () => pgCtl('-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start').then(() => undefined);
  const stop = () => pgCtl('-m', 'fast', '-w', '-t', '60', 'stop').then(() => undefined);
  await start();
  let running = true;
  // Never leave a server behind, even if the test run dies.
  const onExit = () => {
    if (running) spawnSync(asPostgres ? 'runuser' : path.join(bin, 'pg_ctl'), asPostgres ? ['-u', 'postgres', '--', path.join(bin, 'pg_ctl'), '-D', data, '-m', 'immediate', 'stop'] : ['-D', data, '-m', 'immediate', 'stop']);
  };
  process.once('exit', onExit);
  const url = (database: string) => `postgres://${user}:${password}@127.0.0.1:${port}/${database}`;
  const query = async <R,>(sql: string, values: unknown[] = [], database = 'postgres'): Promise<R[]> => {
    const client = new Client({ connectionString: url(database) });
    await client.connect();
    try {
      return (await client.query(sql, values)).rows as R[];
    } finally {
      await client.end();
    }
  };
  return {
    port,
    user,
    password,
    url,
    query,
    async createDatabase(name = `t_${process.pid}_${++databases}`) {
      await query(`CREATE DATABASE ${name}`);
      return url(name);
    },
    async stop() {
      await stop();
      running = false;
    },
    async start() {
      await start();
      running = true;
    },
    async destroy() {
      if (running) await pgCtl('-m', 'immediate', '-w', 'stop').catch(() => undefined);
      running = false;
      process.removeListener('exit', onExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
