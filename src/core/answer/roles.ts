/**
 * Titles people hold: a claim that a person holds one ("Ana Ruiz is Bland's
 * trade minister") and the titles the sources give that person ("Foreign
 * Minister Ana Ruiz", "Ana Ruiz, the trade minister, said"). A title is a
 * value like a figure: the same title supports, another contradicts, and
 * titles change over time, so sources of different dates may differ.
 */
import { stem } from '../text/analyzer.ts';
import { foldTypography } from '../text/normalise.ts';

/** A name found in a text (an `EntityMention` of claims.ts, which imports this module). */
interface Mention {
  name: string;
  /** True for a party of one of the knowledge's deals. */
  party: boolean;
  start: number;
  end: number;
}

/** A title as a claim or a source states it. */
export interface Role {
  /** The person as the text names them ("Ana Ruiz"). */
  person: string;
  /** The title's head noun, lower case ("minister"). */
  head: string;
  /** Stems of the words that say which one ("foreign", "trade"), party names left out. */
  qualifiers: string[];
  /** The title as written ("Foreign Minister"). */
  text: string;
  start: number;
  end: number;
}

/** Nouns a title ends with. */
const HEADS = 'minister|secretary|president|ambassador|representative|chancellor|governor|senator|chairman|chairwoman|chair|director|commissioner|premier|envoy|negotiator|spokesman|spokeswoman|spokesperson|adviser|advisor|administrator|mayor|treasurer|attorney general';
/** Qualifiers that change the post, not say which one: a "vice president" is not the president. */
const RANKS = new Set(['vice', 'deputy', 'prime', 'former', 'acting', 'assistant', 'under', 'chief', 'senior', 'junior', 'interim', 'shadow', 'ex', 'state'].map(stem));

const NAME = String.raw`\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}`;
const COPULA = String.raw`(?:is|was|has been|had been|remains|remained|became|becomes|serves as|served as|(?:holds|held|has held|took|takes|filled|fills)\s+the\s+(?:post|office|job|role|position)\s+of)`;
// "is Bland's trade minister", "was the foreign minister", "is now a deputy minister",
// "<person>, <an aside>, held the post of foreign minister"
const CLAIM_ROLE = new RegExp(
  String.raw`(${NAME})(?:,[^,.;]{1,80},)?\s+${COPULA}\s+(?:(?:now|still|currently|then)\s+)?(?:(?:the|a|an)\s+|(?:\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?['’]s\s+))?((?:[\p{L}.'’-]+\s+){0,3}?)(${HEADS})s?\b((?:\s+(?:of|for)\s+(?:the\s+)?(?:[\p{L}-]+(?:\s+(?:and|&)\s+|\s+)?){1,4}))?`,
  'iu',
);

/** Stems of title words that say which one, without party names ("Blandish", "Bland's", "U.S."). */
function qualifiersOf(words: string, isParty: (word: string) => boolean): string[] {
  return (words.match(/[\p{L}][\p{L}.'’-]*/gu) ?? [])
    .map((w) => w.replace(/['’]s$/, ''))
    .filter((w) => !isParty(w) && !isParty(w.replace(/\.+$/, '')))
    .map((w) => w.replace(/\.+$/, ''))
    .filter((w) => !/^(?:the|a|an|of|for|and|in|on|to)$/i.test(w))
    .map((w) => stem(w.toLowerCase()));
}

/**
 * The title a claim gives a person, if it says "<person> is/was/became <title>"
 * and the person is one the sources name (`persons`). `parties`: the claim's
 * party mentions, which say whose title it is, not which title.
 */
export function claimRole(raw: string, persons: ReadonlySet<string>, parties: readonly Mention[]): Role | undefined {
  const text = foldTypography(raw);
  const m = CLAIM_ROLE.exec(text);
  if (!m) return undefined;
  // The name may follow other capitalised words ("Yesterday Ana Ruiz …"): keep the part that is a person.
  const words = m[1]!.split(/\s+/);
  const suffixes = words.map((_, k) => words.slice(k).join(' '));
  const person = suffixes.find((n) => persons.has(n)) ?? suffixes.find((n) => !/\s/.test(n) && persons.has(n));
  if (!person) return undefined;
  const isParty = partyWords(raw, parties);
  const head = m[3]!.toLowerCase();
  const written = `${m[2] ?? ''}${m[3]}${m[4] ?? ''}`.trim();
  const start = m.index + m[0].lastIndexOf(m[3]!) - (m[2] ?? '').length;
  return { person, head, qualifiers: qualifiersOf(`${m[2] ?? ''} ${m[4] ?? ''}`, isParty), text: written, start, end: m.index + m[0].length };
}

/** Words that name a party: the parties' names, and the party mentions as written in `text` ("U.S.", "Blandish"). */
function partyWords(text: string, parties: readonly Mention[]): (word: string) => boolean {
  const own = parties.filter((p) => p.party);
  const names = new Set([...own.flatMap((p) => p.name.toLowerCase().split(/\s+/)), ...own.flatMap((p) => text.slice(p.start, p.end).toLowerCase().split(/\s+/))]);
  return (w) => names.has(w.toLowerCase()) || names.has(w.toLowerCase().replace(/['’]s$/, ''));
}

/** Capitalised words before a title without the leading ones that name a party ("Bland's Trade " → "Trade "). */
function dropParties(words: string, isParty: (word: string) => boolean): string {
  let rest = words;
  for (let m = /^(\S+)\s+/.exec(rest); m && isParty(m[1]!.replace(/['’]s$/, '').replace(/\.+$/, '')) ; m = /^(\S+)\s+/.exec(rest)) rest = rest.slice(m[0].length);
  return rest;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The titles a source sentence gives a person: before the name ("Foreign
 * Minister Ana Ruiz", "Minister of Trade and Industry Ana Ruiz") or after it,
 * set off by a comma ("Ana Ruiz, Bland's trade minister,"). `mentions`: the
 * sentence's party mentions (their words name whose title, not which);
 * `persons`: the people the sources name, so "Ruiz" is found as "Ana Ruiz".
 */
export function rolesIn(raw: string, person: string, mentions: readonly Mention[], persons: Iterable<string> = []): Role[] {
  const text = foldTypography(raw);
  const isParty = partyWords(raw, mentions);
  const surname = person.split(/\s+/).at(-1)!;
  // The person by any name the sources give them with this surname, longest first ("Ana M. Ruiz", "Ana Ruiz", "Ruiz").
  const names = [...new Set([person, ...persons, surname])].filter((n) => n.split(/\s+/).at(-1) === surname).sort((a, b) => b.length - a.length);
  const out: Role[] = [];
  for (const m of text.matchAll(new RegExp(`\\b(?:${names.map(escapeRe).join('|')})\\b`, 'g'))) {
    // Before: capitalised words ending in a title, perhaps with "of …" ("Minister of Trade").
    const before = new RegExp(String.raw`((?:\p{Lu}[\p{L}'’.-]*\s+){0,4}?)(${HEADS.replace(/(^|\|)(\w)/g, (_, bar, c: string) => `${bar}${c.toUpperCase()}`)})((?:\s+(?:of|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+(?:and|&)\s+|\s+)){1,4}))?\s*$`, 'u').exec(text.slice(Math.max(0, m.index - 90), m.index));
    if (before) {
      // Shown without the party's name: "Foreign Minister", not "Blandish Foreign Minister".
      const written = `${dropParties(before[1]!, isParty)}${before[2]}${before[3] ?? ''}`.trim();
      const start = m.index - before[0].length + before[0].indexOf(written);
      out.push({ person, head: before[2]!.toLowerCase(), qualifiers: qualifiersOf(`${before[1]} ${before[3] ?? ''}`, isParty), text: written, start, end: start + written.length });
      continue;
    }
    // After: ", the trade minister," / ", Bland's trade minister".
    const after = new RegExp(String.raw`^(?:\s+\p{Lu}[\p{L}'’.-]*)?,\s+(?:(?:the|a|an)\s+|(?:\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*)?['’]s\s+))?((?:[\p{L}-]+\s+){0,3}?)(${HEADS})\b((?:\s+(?:of|for)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’-]*(?:\s+(?:and|&)\s+|\s+|$)){1,4}))?`, 'iu').exec(text.slice(m.index + m[0].length, m.index + m[0].length + 90));
    if (after) {
      const written = `${after[1]}${after[2]}${after[3] ?? ''}`.trim();
      const start = m.index + m[0].length + after[0].lastIndexOf(written);
      out.push({ person, head: after[2]!.toLowerCase(), qualifiers: qualifiersOf(`${after[1]} ${after[3] ?? ''}`, isParty), text: written, start, end: start + written.length });
    }
  }
  return out;
}

/** How a source's title relates to a claim's: the same post, another one, or not clear. */
export type RoleMatch = 'same' | 'different' | 'unclear';

/**
 * Compares titles: the same head noun and every qualifier the claim gives
 * ("economy minister" in "Eastern Economy Minister"), with no rank the claim
 * lacks ("deputy", "vice"), is the same post; the same head with qualifiers
 * that share none of the claim's ("foreign" for "economy"), or a rank one
 * side lacks, is another; anything else (another head: a person may hold two
 * titles) is unclear.
 */
export function compareRoles(claim: Role, source: Role): RoleMatch {
  if (claim.head !== source.head) return 'unclear';
  const same = (a: string, b: string) => a === b || (Math.min(a.length, b.length) >= 5 && (a.startsWith(b) || b.startsWith(a)));
  const has = (list: readonly string[], q: string) => list.some((x) => same(x, q));
  const ranks = (r: Role) => r.qualifiers.filter((q) => RANKS.has(q));
  if (ranks(claim).some((q) => !has(source.qualifiers, q)) || ranks(source).some((q) => !has(claim.qualifiers, q))) return 'different';
  const claimKinds = claim.qualifiers.filter((q) => !RANKS.has(q));
  const sourceKinds = source.qualifiers.filter((q) => !RANKS.has(q));
  if (claimKinds.every((q) => has(sourceKinds, q))) return 'same';
  if (sourceKinds.length && !claimKinds.some((q) => has(sourceKinds, q))) return 'different';
  return 'unclear';
}
