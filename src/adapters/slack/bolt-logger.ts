/**
 * Bolt's logger interface on top of ours, so Bolt's own messages (and the
 * WebClient's) go through the same JSON lines and the same secret redaction.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.ts';

const ORDER: Record<LogLevel, number> = { [LogLevel.DEBUG]: 10, [LogLevel.INFO]: 20, [LogLevel.WARN]: 30, [LogLevel.ERROR]: 40 };

function describe(parts: unknown[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p instanceof Error ? `${p.name}: ${p.message}` : safeJson(p))).join(' ');
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Wraps our logger for Bolt. Bolt's level (default `info`) filters on top of
 * our logger's own level; Bolt's debug chatter stays out unless asked for.
 */
export function boltLogger(logger: Logger, level: LogLevel = LogLevel.INFO): BoltLogger {
  let current = level;
  let name = 'bolt';
  const at = (lvl: LogLevel, write: (msg: string, data?: Record<string, unknown>) => void) => (...msg: unknown[]) => {
    if (ORDER[lvl] >= ORDER[current]) write(`slack: ${describe(msg)}`, { source: name });
  };
  return {
    debug: at(LogLevel.DEBUG, logger.debug),
    info: at(LogLevel.INFO, logger.info),
    warn: at(LogLevel.WARN, logger.warn),
    error: at(LogLevel.ERROR, logger.error),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
