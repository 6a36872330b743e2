/**
 * Live knowledge: holds the current engine and swaps in a new one when the
 * knowledge folder changes. The swap is one assignment, so a question asked
 * during a reload is answered by the old engine or the new one, never by a
 * half-loaded one. An invalid change keeps the old knowledge and logs every problem.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Engine } from './core/engine.ts';
import { KnowledgeError } from './core/model/knowledge-error.ts';
import type { Logger } from './log.ts';

/** Holds the engine in use and reloads it from its folder. */
export class KnowledgeHolder {
  private engine: Engine;
  private watcher?: FSWatcher;
  private timer?: NodeJS.Timeout;
  private loading?: Promise<boolean>;
  private again = false;

  /**
   * @param load builds a fresh engine from the folder (e.g. `openEngine`)
   * @param debounceMs quiet time after the last change before reloading (default 300 ms)
   */
  constructor(
    initial: Engine,
    readonly dir: string,
    private readonly load: (dir: string) => Promise<Engine>,
    private readonly logger: Logger,
    private readonly debounceMs = 300,
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
    if (this.watcher) return;
    this.watcher = watch(this.dir, { recursive: true }, () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.reload(), this.debounceMs);
    });
    this.watcher.on('error', (err) => this.logger.warn('knowledge watcher failed; live reload is off', { error: err }));
  }

  /** Stops watching and waits for a reload in progress. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    this.watcher?.close();
    this.watcher = undefined;
    await this.loading;
  }
}
