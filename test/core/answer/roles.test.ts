/** Titles people hold, in claims and in sources (src/core/answer/roles.ts). */
import { describe, expect, it } from 'vitest';
import { entityFinder, personNames } from '../../../src/core/answer/claims.ts';
import { claimRole, compareRoles, rolesIn, type Role } from '../../../src/core/answer/roles.ts';
import type { Deal } from '../../../src/core/model/types.ts';

// Made-up parties and people: nothing here is specific to the shipped knowledge.
const deals: Deal[] = [{ id: 'pact', name: 'Aland-Bland Pact', parties: ['Aland', 'Bland'], aliases: ['bland', 'blandish'], era: '2020 pact', from: '2019-01-01', status: 'Signed', milestones: [] }];
const find = entityFinder(deals);
const persons = personNames(['Trade Minister Ana Ruiz spoke; Ambassador Li Wen replied.']);
const claim = (text: string) => claimRole(text, persons, find(text));
const source = (text: string, person = 'Ana Ruiz') => rolesIn(text, person, find(text), persons).map((r) => `${r.head}:${r.qualifiers.join('+')}:${r.text}`);

describe('claimRole', () => {
  it.each([
    ['Ana Ruiz is Bland’s trade minister', 'Ana Ruiz', 'minister:trade'],
    ['Ruiz was the Blandish foreign minister', 'Ruiz', 'minister:foreign'],
    ['Li Wen is now Aland’s ambassador to Bland', 'Li Wen', 'ambassador:'],
    ['Ana Ruiz became deputy minister of trade and industry', 'Ana Ruiz', 'minister:deputi+trade+industri'],
    // Held-out set 6: "held the post of", after an aside set off by commas.
    ['Ana Ruiz, Bland’s envoy opposite Li Wen, held the post of foreign minister', 'Ana Ruiz', 'minister:foreign'],
    ['Ana Ruiz took the office of trade minister', 'Ana Ruiz', 'minister:trade'],
  ])('%s', (text, person, role) => {
    const r = claim(text)!;
    expect(r.person).toBe(person);
    expect(`${r.head}:${r.qualifiers.join('+')}`).toBe(role);
  });

  it('needs a person the sources name and a title', () => {
    expect(claim('Carla Diaz is Bland’s trade minister')).toBeUndefined(); // nobody the sources name
    expect(claim('Ana Ruiz is Bland’s best hope')).toBeUndefined(); // no title
  });
});

describe('rolesIn', () => {
  it.each([
    ['Blandish Foreign Minister Ana Ruiz met them.', ['minister:foreign:Foreign Minister']],
    ['Bland’s Minister of Trade and Industry Ana Ruiz spoke.', ['minister:trade+industri:Minister of Trade and Industry']],
    ['Ana Ruiz, Bland’s trade minister, said so.', ['minister:trade:trade minister']],
    ['Minister Ruiz said so.', ['minister::Minister']], // the surname alone
    ['Ana Ruiz said so.', []], // no title
  ])('%s', (text, expected) => {
    expect(source(text)).toEqual(expected);
  });
});

describe('compareRoles', () => {
  const role = (head: string, ...qualifiers: string[]): Role => ({ person: 'Ana Ruiz', head, qualifiers, text: '', start: 0, end: 0 });
  it.each([
    [role('minister', 'trade'), role('minister', 'trade'), 'same'],
    [role('minister', 'economi'), role('minister', 'eastern', 'economi'), 'same'], // the source says more
    [role('minister'), role('minister', 'foreign'), 'same'], // "a minister"
    [role('minister', 'economi'), role('minister', 'foreign'), 'different'],
    [role('minister', 'trade'), role('minister', 'deputi', 'trade'), 'different'], // a rank the claim lacks
    [role('minister', 'prime'), role('minister', 'foreign'), 'different'],
    [role('minister', 'trade'), role('ambassador'), 'unclear'], // a person may hold two titles
    [role('minister', 'trade', 'industri'), role('minister', 'trade'), 'unclear'],
  ])('%o against %o: %s', (c, s, expected) => {
    expect(compareRoles(c, s)).toBe(expected);
  });
});
