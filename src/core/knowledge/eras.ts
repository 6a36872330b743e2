/**
 * Eras: which deal (or year) a dated article belongs to, and their order.
 * With no deals in the knowledge, the era is simply the article's year.
 */
import type { Deal } from '../model/types.ts';

/** An era label and a sortable key (later eras sort higher). */
export interface Era {
  label: string;
  /** ISO date the era starts; compares as a string. */
  key: string;
  /** The deal behind the era, when one covers the date. */
  deal?: Deal;
}

/** The era of a date: the latest-starting deal whose period covers it, else its year. */
export function eraOf(date: string, deals: readonly Deal[]): Era {
  let best: Deal | undefined;
  for (const d of deals) {
    if (date >= d.from && (!d.to || date <= d.to) && (!best || d.from > best.from)) best = d;
  }
  if (best) return { label: best.era, key: best.from, deal: best };
  const year = date.slice(0, 4);
  return { label: year, key: `${year}-01-01` };
}

/** True when a year falls inside an era (a deal's period, or the era's own year). */
export function eraCoversYear(era: Era, year: number): boolean {
  if (!era.deal) return era.key.startsWith(String(year));
  const from = Number(era.deal.from.slice(0, 4));
  const to = era.deal.to ? Number(era.deal.to.slice(0, 4)) : Infinity;
  return year >= from && year <= to;
}
