/** `--since` for `npm run report`: a duration back from now (`12h`, `30d`, `8w`) or a date (`2025-06-01`, UTC). */

/** What `--since` means: the start of the period and how to say it. */
export interface Since {
  from: Date;
  /** For the report heading, e.g. "the last 30 days". */
  label: string;
}

const UNITS: Record<string, [number, string]> = { h: [3_600_000, 'hour'], d: [86_400_000, 'day'], w: [7 * 86_400_000, 'week'] };

/**
 * Parses `--since`; undefined means everything the store keeps.
 * @throws Error naming the bad value and the accepted forms
 */
export function parseSince(value: string | undefined, now: Date = new Date()): Since {
  if (value === undefined) return { from: new Date(0), label: 'everything recorded' };
  const d = /^(\d{1,5})([hdw])$/.exec(value.trim());
  if (d) {
    const n = Number(d[1]);
    const [ms, unit] = UNITS[d[2]!]!;
    return { from: new Date(now.getTime() - n * ms), label: `the last ${n} ${unit}${n === 1 ? '' : 's'}` };
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
    const from = new Date(`${value.trim()}T00:00:00Z`);
    if (!Number.isNaN(from.getTime()) && from.toISOString().startsWith(value.trim())) return { from, label: `${value.trim()} onwards` };
  }
  throw new Error(`--since: "${value}" is not a period: use a number of hours, days or weeks (12h, 30d, 8w) or a date (YYYY-MM-DD)`);
}
