/**
 * The real bot (`src/main.ts`, or another entry point) in a child process of
 * its own, for tests of replicas, shards and shutdown: environment in, JSON
 * log lines out, killed on `stop()` if still running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { waitFor } from './slack-server.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** One parsed log line. */
export interface LogLine {
  msg: string;
  level: string;
  [k: string]: any;
}

/** A running bot process. */
export interface BotProcess {
  child: ChildProcess;
  /** Everything written to standard error so far. */
  stderr(): string;
  /** The JSON log lines so far. */
  lines(): LogLine[];
  /** Waits for a log line with this message (and matching `where`, when given). */
  waitForLog(msg: string, timeoutMs?: number, where?: (l: LogLine) => boolean): Promise<LogLine>;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGKILLs the process if it is still running. */
  kill(): void;
}

/** Settings every bot test process gets unless overridden: no platform, no store file, no .env surprises. */
export function baseEnv(over: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', STORE: 'off', KNOWLEDGE_DIR: '' };
  return { ...env, ...over };
}

/**
 * Starts `script` (default `src/main.ts`) with `node --import tsx` in the project root.
 * @param env the complete environment (see `baseEnv`)
 */
export function startBot(env: NodeJS.ProcessEnv, script = 'src/main.ts', args: string[] = []): BotProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  child.stdout!.on('data', () => {});
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const lines = () =>
    stderr
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => {
        try {
          return JSON.parse(l) as LogLine;
        } catch {
          return { msg: '', level: 'unparsed', line: l };
        }
      });
  return {
    child,
    stderr: () => stderr,
    lines,
    waitForLog: (msg, timeoutMs = 20_000, where = () => true) => waitFor(() => lines().find((l) => l.msg === msg && where(l)), `log "${msg}"\n${stderr.slice(-2000)}`, timeoutMs),
    exited,
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
