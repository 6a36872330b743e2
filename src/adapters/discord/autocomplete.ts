/**
 * Autocomplete suggestions for `/deal partner:` and `/deal topic:`, from the
 * knowledge's deal partners and topics. Pure: the interaction handler sends the result.
 */
import type { Engine } from '../../core/engine.ts';

/** One suggestion as Discord wants it. */
export interface Choice {
  name: string;
  value: string;
}

/** Discord shows at most 25 choices; names and values are capped at 100 characters. */
export const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/**
 * Suggestions for what the user has typed so far: names that start with it
 * first, then names that contain it, at most 25, no duplicates.
 * @param kind which list to draw from (the command option's `autocomplete`)
 * @example autocompleteChoices(engine, 'topic', 'au') // [{ name: 'Autos', value: 'autos' }]
 */
export function autocompleteChoices(engine: Engine, kind: 'partner' | 'topic', typed: string): Choice[] {
  const all: Choice[] =
    kind === 'partner'
      ? engine.partnerNames().map((p) => ({ name: p, value: p.toLowerCase() }))
      : engine.topicNames().map((t) => ({ name: t.name, value: t.id }));
  const q = typed.trim().toLowerCase();
  const scored: { choice: Choice; rank: number; i: number }[] = [];
  const seen = new Set<string>();
  all.forEach((choice, i) => {
    if (!choice.value || choice.value.length > MAX_CHOICE_LENGTH || seen.has(choice.value)) return;
    const hay = `${choice.name} ${choice.value}`.toLowerCase();
    const rank = !q ? 0 : choice.name.toLowerCase().startsWith(q) || choice.value.startsWith(q) ? 0 : hay.includes(q) ? 1 : -1;
    if (rank < 0) return;
    seen.add(choice.value);
    scored.push({ choice: { name: choice.name.slice(0, MAX_CHOICE_LENGTH), value: choice.value }, rank, i });
  });
  scored.sort((a, b) => a.rank - b.rank || a.i - b.i);
  return scored.slice(0, MAX_CHOICES).map((s) => s.choice);
}
