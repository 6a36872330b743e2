/**
 * British and American spellings of one word ("fertiliser", "fertilizer";
 * "favour", "favor"; "programme", "program"): a claim written in one matches
 * sources written in the other. A small set of suffix rules, applied to the
 * claim's words only, and only where the sources use the other spelling.
 */

/** Suffix rules, each both ways: [British, American]. */
const RULES: [RegExp, string, RegExp, string][] = [
  // -ise/-ize and its forms: organise, organised, organising, organisation, fertiliser.
  [/is(e|es|ed|ing|er|ers|ation|ations)$/, 'iz$1', /iz(e|es|ed|ing|er|ers|ation|ations)$/, 'is$1'],
  // -yse/-yze: analyse, paralysed.
  [/ys(e|es|ed|ing)$/, 'yz$1', /yz(e|es|ed|ing)$/, 'ys$1'],
  // -our/-or: favour, labourers, harbours, favourable.
  [/our(s|ed|ing|er|ers|able|ite|ites)?$/, 'or$1', /or(s|ed|ing|er|ers|able|ite|ites)?$/, 'our$1'],
  // -tre/-ter: centre, metres, theatre.
  [/tre(s|d)?$/, 'ter$1', /([^aeiou])ter(s|ed)?$/, '$1tre$2'],
  // -ogue/-og: catalogue, dialogues.
  [/ogue(s)?$/, 'og$1', /og(s)?$/, 'ogue$1'],
  // -mme/-m: programme, programmes.
  [/mme(s)?$/, 'm$1', /([^m])m(s)?$/, '$1mme$2'],
  // -ence/-ense: defence, licence, offence.
  [/ence(s)?$/, 'ense$1', /ense(s)?$/, 'ence$1'],
  // A doubled l before an ending: travelled, modelling, cancelled.
  [/([aeiou])ll(ed|ing|er|ers)$/, '$1l$2', /([aeiou])l(ed|ing|er|ers)$/, '$1ll$2'],
];

/** The other spellings of a lower-case word under the rules (none for a short word). */
export function spellingVariants(word: string): string[] {
  if (word.length < 5) return [];
  const out = new Set<string>();
  for (const [brit, toUs, us, toBrit] of RULES) {
    if (brit.test(word)) out.add(word.replace(brit, toUs));
    if (us.test(word)) out.add(word.replace(us, toBrit));
  }
  out.delete(word);
  return [...out];
}

/**
 * The text with each word the sources never use (`known` false) that the
 * sources do use in another spelling (`known` true) written their way; other
 * words as they are. Case is kept for the first letter.
 */
export function respell(text: string, known: (word: string) => boolean): string {
  return text.replace(/\p{L}[\p{L}'’]*/gu, (w) => {
    const lower = w.toLowerCase();
    if (known(lower)) return w;
    const other = spellingVariants(lower).find(known);
    if (!other) return w;
    return /^\p{Lu}/u.test(w) ? other[0]!.toUpperCase() + other.slice(1) : other;
  });
}
