/**
 * A large, valid article for reload tests: seeded pseudo-random sentences of
 * trade words (every run the same), with one marked sentence to ask about.
 */

const TRADE_WORDS = 'tariff quota import export steel grain vessel agreement partner duty rate market access negotiation ministry official percent billion annual review committee sector supply chain investment rule origin'.split(' ');
const SYLLABLES = 'ka lo mi re su ta ne vo pi da ru se ko fa li mo ga te zu no ba hi'.split(' ');

/** The sentence the article carries once, near its end, so a test can tell the new knowledge is in use. */
export const MARKER_SENTENCE = 'The zebra lantern quota stays at 777 tonnes for every port.';
/** A question answered by `MARKER_SENTENCE`. */
export const MARKER_QUESTION = 'What is the zebra lantern quota?';

/** An article file (front matter and body) of about `bytes` characters. */
export function bigArticle(bytes: number, seed = 1): string {
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  // A vocabulary like real text's: a few thousand words, a few of them very common (Zipf-like), some trade words among them.
  const vocabulary = Array.from({ length: 4000 }, (_, i) => (i % 40 === 7 ? TRADE_WORDS[((i - 7) / 40) % TRADE_WORDS.length]! : Array.from({ length: 2 + (i % 3) }, () => SYLLABLES[Math.floor(next() * SYLLABLES.length)]!).join('')));
  const word = () => vocabulary[Math.floor(Math.exp(next() * Math.log(vocabulary.length))) - 1]!;
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 14) }, word);
    return `${words[0]![0]!.toUpperCase()}${words.join(' ').slice(1)}.`;
  };
  const paragraphs: string[] = [];
  let size = 0;
  while (size < bytes) {
    const p = Array.from({ length: 5 }, sentence).join(' ');
    paragraphs.push(p);
    size += p.length + 2;
  }
  paragraphs.splice(paragraphs.length - 1, 0, MARKER_SENTENCE);
  return `---\ntitle: "Port statistics digest"\ndate: 2024-05-01\npublisher: Test Wire\n---\n${paragraphs.join('\n\n')}\n`;
}
