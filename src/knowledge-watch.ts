/**
 * Live knowledge: holds the current engine and swaps in a new one when the
 * knowledge folder changes. The swap is one assignment, so a question asked
 * during a reload is answered by the old engine or the new one, never by a
 * half-loaded one. An invalid change keeps the old knowledge and logs every problem.
 *
 * A watcher can lose its folder: deleted, moved away or replaced by another
 * one (a new inode the old watch never sees). The folder is checked every
 * `folderCheckMs` and after every change event; when it is gone the watcher
 * is closed and a warning logged (the current knowledge stays in use), and
 * when a folder is back at the path it is watched again, logged, and reloaded.
 */
import { statSync, watch, type FSWatcher } from 'node:fs';
import type { Engine } from './core/engine.ts';
import { KnowledgeError } from './core/model/knowledge-error.ts';
import type { Logger } from './log.ts';

/** Default quiet time after the last change before reloading. */
export const RELOAD_DEBOUNCE_MS = 300;
/** Default interval between checks that the watched folder is still the one at its path. */
export const FOLDER_CHECK_MS = 1000;

/** Holds the engine in use and reloads it from its folder. */
export class KnowledgeHolder {
  private engine: Engine;
  private watcher?: FSWatcher;
  /** `dev:ino` of the folder the watcher was opened on. */
  private watched?: string;
  private watching = false;
  private checker?: NodeJS.Timeout;
  private timer?: NodeJS.Timeout;
  private loading?: Promise<boolean>;
  private again = false;

  /**
   * @param load builds a fresh engine from the folder (e.g. `openEngine`, or `openEngineOffThread` so the event loop keeps serving)
   * @param debounceMs quiet time after the last change before reloading (default `RELOAD_DEBOUNCE_MS`)
   * @param folderCheckMs how often the folder is checked for having gone or come back (default `FOLDER_CHECK_MS`)
   */
  constructor(
    initial: Engine,
    readonly dir: string,
    private readonly load: (dir: string) => Promise<Engine>,
    private readonly logger: Logger,
    private readonly debounceMs = RELOAD_DEBOUNCE_MS,
    private readonly folderCheckMs = FOLDER_CHECK_MS,
  ) {
    this.engine = initial;
  }

  /** The engine to answer with now. */
  readonly current = (): Engine => this.engine;

  /** Reloads now; resolves true when new knowledge is in use. Concurrent calls share one reload and queue one more. */
  reload(): Promise<boolean> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.loadOnce().finally(() => {
      this.loading = undefined;
      if (this.again) {
        this.again = false;
        void this.reload();
      }
    });
    return this.loading;
  }

  private async loadOnce(): Promise<boolean> {
    // A folder that is gone is reported by the folder check, not as a rejected change.
    if (this.watching && !folderIdentity(this.dir)) return false;
    try {
      const next = await this.load(this.dir);
      if (next.corpus.hash === this.engine.corpus.hash) return false;
      this.engine = next;
      this.logger.info('knowledge reloaded', { articles: next.corpus.articles.length, facts: next.corpus.facts.length });
      return true;
    } catch (err) {
      const problems = err instanceof KnowledgeError ? err.problems : [err instanceof Error ? err.message : String(err)];
      this.logger.error('knowledge change rejected; keeping the previous knowledge', { problems });
      return false;
    }
  }

  /** Starts watching the folder (recursively); changes are debounced. */
  watch(): void {
    if (this.watching) return;
    this.watching = true;
    // Unref'd: checking the folder never keeps the process alive by itself.
    this.checker = setInterval(() => this.check(), this.folderCheckMs);
    this.checker.unref();
    if (!this.arm()) this.logger.warn('knowledge folder not found; live reload waits for it to appear', { dir: this.dir });
  }

  /** Opens the watch on the folder now at `dir`; false when there is none. */
  private arm(): boolean {
    const identity = folderIdentity(this.dir);
    if (!identity) return false;
    try {
      this.watcher = watch(this.dir, { recursive: true }, () => {
        this.changed();
        this.check();
      });
    } catch {
      return false; // Gone between the stat and the watch: the next check tries again.
    }
    this.watcher.on('error', (err) => {
      this.logger.warn('knowledge watcher failed; watching again once the folder is there', { dir: this.dir, error: err });
      this.disarm();
    });
    this.watched = identity;
    return true;
  }

  private disarm(): void {
    this.watcher?.close();
    this.watcher = undefined;
    this.watched = undefined;
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.reload(), this.debounceMs);
  }

  /** Is the watched folder still the one at `dir`? Re-arms when a folder has come back (or replaced it). */
  private check(): void {
    if (!this.watching) return;
    const now = folderIdentity(this.dir);
    if (this.watcher && now === this.watched) return;
    if (this.watcher) {
      this.disarm();
      if (!now) this.logger.warn('knowledge folder is gone; keeping the current knowledge and watching for it to come back', { dir: this.dir });
    }
    if (now && this.arm()) {
      this.logger.info('knowledge folder is back; watching it again', { dir: this.dir });
      this.changed();
    }
  }

  /** Stops watching and waits for a reload in progress. */
  async close(): Promise<void> {
    this.watching = false;
    clearInterval(this.checker);
    clearTimeout(this.timer);
    this.disarm();
    await this.loading;
  }
}

/** `dev:ino` of the directory at `dir`, or undefined when there is none (one stat: microseconds). */
function folderIdentity(dir: string): string | undefined {
  try {
    const info = statSync(dir);
    return info.isDirectory() ? `${info.dev}:${info.ino}` : undefined;
  } catch {
    return undefined;
  }
}
