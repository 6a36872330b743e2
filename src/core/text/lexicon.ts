/**
 * General English synonyms for news and policy writing. This is language, not
 * knowledge: it knows nothing of any corpus. Each group is a set of words that
 * reporters use interchangeably; a question word matches its group's other
 * words for partial credit. Topic synonyms (cars = vehicles) live in the
 * knowledge folder instead.
 */
import { stem } from './analyzer.ts';

const GROUPS = `
worry worried worries concern concerned concerns fear fears feared anxiety anxious wary unease
want wants wanted seek seeks sought demand demands demanded push pushing press pressing urge urged urging insist insisted insists
cancel canceled cancelled cancels scrap scrapped abandon abandoned
offer offered offering propose proposed proposal
exchange return
lower lowered reduce reduced reducing reduction cut cuts ease eased slash slashed shrink cheaper
raise raised increase increased hike hiked boost boosted higher
oppose opposed opposes reject rejected resist resisted object objected objection
clause clauses provision provisions term terms
agree agreed agreement accord deal pact treaty
sign signed signing ink inked
threaten threatened threat threats warn warned
impose imposed imposes slap slapped levy levied apply applied
withdraw withdrew withdrawn quit quitting exit
start started begin began launch launched
end ended terminate terminated expire expired
buy bought buying purchase purchased purchases procure procurement
sell sold export exported exports ship shipped shipment shipments
import imported imports
talk talks negotiation negotiations negotiate negotiating discussion discussions
negotiator negotiators envoy
fund funds funding finance financed financing
profit profits earnings
split divide divided share shared
value worth
percent percentage
country countries nation nations
leader leaders head
law laws legislation statute
decide decided decision conclude concluded determination determined
reason because why cause caused
`;

const groups = new Map<string, string[]>();
for (const line of GROUPS.trim().split('\n')) {
  const stems = [...new Set(line.trim().split(/\s+/).map(stem))];
  for (const s of stems) groups.set(s, [...new Set([...(groups.get(s) ?? []), ...stems.filter((x) => x !== s)])]);
}

/** Stems that mean roughly the same as `stemmed` (not including itself). */
export function synonymsOf(stemmed: string): readonly string[] {
  return groups.get(stemmed) ?? [];
}
