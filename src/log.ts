/**
 * A small structured logger writing JSON lines to standard error (standard
 * output is reserved for replies). Registered secrets are masked in every line.
 */

/** Log levels, least to most severe. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** The logger adapters and entry points use. */
export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/**
 * Creates a logger. Every string in `secrets` (tokens, signing secrets) is
 * replaced by `[redacted]` wherever it appears in a line, including error stacks.
 * @param write where lines go; default standard error.
 */
export function createLogger(level: LogLevel, secrets: readonly (string | undefined)[] = [], write: (line: string) => void = (l) => process.stderr.write(l + '\n')): Logger {
  const masks = secrets.filter((s): s is string => !!s && s.length >= 6);
  const redact = (text: string) => masks.reduce((t, s) => t.split(s).join('[redacted]'), text);
  const emit = (lvl: LogLevel, msg: string, data?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const fields: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(data ?? {})) fields[k] = v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v;
    write(redact(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...fields })));
  };
  return {
    debug: (m, d) => emit('debug', m, d),
    info: (m, d) => emit('info', m, d),
    warn: (m, d) => emit('warn', m, d),
    error: (m, d) => emit('error', m, d),
  };
}
