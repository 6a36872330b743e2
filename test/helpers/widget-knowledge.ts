/**
 * A small made-up knowledge base (two parties, a pact, three articles, two
 * tracked facts) for claim-check and timeline tests: the rules must hold
 * whatever the corpus, so nothing here comes from the shipped knowledge.
 */
import { article, type KnowledgeFiles } from './knowledge.ts';

const deals = `deals:
  - id: widget-pact
    name: "Widget Pact"
    parties: ["Aland", "Bland"]
    aliases: ["bland", "blandish"]
    era: "2020 pact"
    from: "2017-01-01"
    status: "Signed 2020-03-01; in force 2020-07-01"
    milestones:
      - { date: "2020-03-01", event: "Aland and Bland sign the Widget Pact" }
      - { date: "2020-07-01", event: "The Widget Pact enters into force" }
`;
const topics = `topics:
  - { id: widgets, name: "Widgets", synonyms: ["widget", "gadget"] }
  - { id: shipping, name: "Shipping", synonyms: ["ferries", "ferry", "ships"] }
`;
const facts = `facts:
  - { id: widget-tariff-2018, deal: widget-pact, topic: widgets, subject: widget-tariff, statement: "Bland widgets paid a 20% tariff at the Aland border in 2018.", value: 20, unit: percent, asOf: "2018-05-10", article: talks, quote: "Bland widgets now pay a 20 percent tariff at the Aland border" }
  - { id: widget-tariff-2020, deal: widget-pact, topic: widgets, subject: widget-tariff, statement: "Under the pact Bland cut its widget tariff to 5%.", value: 5, unit: percent, asOf: "2020-03-01", article: pact, quote: "Under the pact, Bland will cut its widget tariff to 5 percent." }
`;
/** The files, by path in the knowledge folder (see `makeKnowledge`). */
export const WIDGET_KNOWLEDGE: KnowledgeFiles = {
  'deals.yaml': deals,
  'topics.yaml': topics,
  'facts/widgets.yaml': facts,
  'articles/pact.md': article(
    { title: 'Aland and Bland sign the Widget Pact', date: '2020-03-02', publisher: 'Aland Gazette', reliability: 'high' },
    'Yesterday, Aland and Bland signed the Widget Pact in Aland City.\n\nUnder the pact, Bland will cut its widget tariff to 5 percent. Bland will buy 30 Aland ferries over five years.\n\nAland threatened a 40 percent tariff on Bland steel last year, but the threat was dropped.\n\nThe pact enters into force on July 1, 2020.\n',
  ),
  'articles/talks.md': article(
    { title: 'Widget talks stall', date: '2018-05-10', publisher: 'Bland Courier' },
    'Aland proposed a 12 percent tariff on Bland widgets on Tuesday.\n\nBland widgets now pay a 20 percent tariff at the Aland border, officials said.\n',
  ),
  'articles/later.md': article(
    { title: 'A year of the pact', date: '2021-02-01', publisher: 'Bland Courier' },
    'Bland widgets pay a 5 percent tariff under the pact, the ministry said.\n\nThe ferries ordered last year have not been delivered.\n',
  ),
};


/**
 * The widget knowledge with one more article and a signing topic, for the
 * claim-check classes that held-out set 4 found (shares, "by half", a phrasal
 * verb, a person's title at two dates, a date stated without the figure,
 * another party's figure, a tracked figure said in other words) and set 5 found (a share of a scale,
 * a split with its owners swapped, another party's rate, an approximate sum, titles within a year). A separate export, so the other
 * tests' answers and snapshots on `WIDGET_KNOWLEDGE` stay as they are.
 */
export const WIDGET_CLAIMS_KNOWLEDGE: KnowledgeFiles = {
  ...WIDGET_KNOWLEDGE,
  'topics.yaml': `${topics}  - { id: signing, name: "Signing", synonyms: ["signed", "signing", "sign", "signature"] }\n`,
  'articles/trade.md': article(
    { title: 'Bland trade in 2021', date: '2021-06-01', publisher: 'Bland Courier' },
    'Bland’s exports to Aland were worth $9 billion last year, with nearly two-thirds coming from widgets.\n\nAland will increase its purchases of Bland ferries by 75 percent.\n\nIn its own deal, Dland has agreed to buy 60 Aland ferries by 2024.\n\nBland firms face rising costs for goods shipped by sea.\n',
  ),
  // A document whose sentence gives a date and no figure; its title says what it is.
  'articles/decree.md': article(
    { title: 'Bland widget tariff decree', date: '2020-05-10', publisher: 'Bland Gazette', reliability: 'high' },
    'The widget tariff cut applies retroactively to widgets entered on or after April 1, 2020.\n',
  ),
  // A person's title, told differently at two dates, the older by a weak source.
  'articles/visit.md': article(
    { title: 'Minister to visit Aland', date: '2019-06-01', publisher: 'Widget Wire (copied)', reliability: 'low', note: 'A copy of a wire report.' },
    'Blandish Trade Minister Ana Ruiz will visit Aland City next week.\n',
  ),
  // A fund with a figure and a split of its profits between the two parties (held-out set 5's classes).
  'articles/fund.md': article(
    { title: 'Bland port fund', date: '2022-03-01', publisher: 'Bland Courier' },
    'Bland will invest $600 million in Aland ports through a new fund.\n\nThe profits of the fund will be split 80% to Aland and 20% to Bland.\n\nIn its own deal, Dland has accepted a 9 percent widget tariff.\n\nAland firms have put more than $550 million into Bland ports.\n',
  ),
  // Two more people, each given two titles in 2019: one by a weak copy, one by a better source.
  'articles/wire2.md': article(
    { title: 'Ministers to visit Aland', date: '2019-08-01', publisher: 'Widget Wire (copied)', reliability: 'low', note: 'A copy of a wire report.' },
    'Blandish Deputy Minister Ben Ota will visit Aland City next week.\n\nBlandish Grand Minister Cal Ito will join him.\n',
  ),
  'articles/cabinet.md': article(
    { title: 'Bland ministers in Aland', date: '2019-10-01', publisher: 'Bland Courier' },
    'Bland’s Trade Minister Ben Ota met Aland officials on Monday.\n\nBland’s Trade Minister Cal Ito spoke in Aland City.\n',
  ),
  'articles/ruiz.md': article(
    { title: 'Ruiz meets Aland officials', date: '2021-09-10', publisher: 'Bland Courier' },
    'Bland’s Foreign Minister Ana Ruiz met Aland officials on Monday.\n',
  ),
};

/**
 * The claim knowledge with one more article, for the classes held-out set 6
 * found: whose goods a sum buys (buyer and seller swapped), a split written
 * "70/30" in one party's favour, a party named by the end of its full name,
 * a time limit set for a goal against an intention with one, an ordinal time ("fourth day").
 * A separate export, so the earlier sets' widget answers stay as they are.
 */
export const WIDGET_SET6_KNOWLEDGE: KnowledgeFiles = {
  ...WIDGET_CLAIMS_KNOWLEDGE,
  'articles/farm.md': article(
    { title: 'Bland farm purchases', date: '2022-09-01', publisher: 'Bland Courier' },
    'Aland growers will gain from Bland’s commitment to purchase $7 billion of Aland farm goods.\n\nPurchases worth $3 billion of Aland fish are planned.\n\nThe profits of the dock project will go 70% to the Aland of Norland and 30% to Bland.\n\nAland and Bland intend to conclude the ferry talks within three months after the pact enters into force.\n\nBland quit the old ferry league on its fourth day in office, the new government said.\n',
  ),
};

/**
 * The set-6 knowledge with one more article and a timeline topic, for the
 * classes held-out set 7 found: a figure of a third party no sentence on the
 * figure names ("Eland settled on a 5 percent widget tariff"), an item of a
 * bulleted list after long items, said with a topic's other word ("ferry" for "ship"),
 * a topic named only in a clause saying when ("Once the pact took effect, …"),
 * a sentence dated by the one before it ("at the time"), two figures with as
 * many of the claim's words around them (the nearer word decides), a date
 * stated without the figure in a sentence whose fact is on another topic,
 * for a claim that names the topic by a word of its own ("vessels"), other
 * people than the claim's as who signed.
 * A separate export, so the earlier sets' widget answers stay as they are.
 */
export const WIDGET_SET7_KNOWLEDGE: KnowledgeFiles = {
  ...WIDGET_SET6_KNOWLEDGE,
  'topics.yaml': `${topics}  - { id: signing, name: "Signing", synonyms: ["signed", "signing", "sign", "signature"] }\n  - { id: timeline, name: "Timeline", synonyms: ["effect", "take effect", "in force", "enters into force"] }\n  - { id: vessels, name: "Ferry trade", synonyms: ["vessels", "ferries", "ferry"] }\n`,
  'facts/ports.yaml': `facts:\n  - { id: port-talks, deal: widget-pact, topic: shipping, statement: "Aland and Bland intend to finish the port talks within two months after the pact enters into force.", asOf: "2023-01-10", article: projects, quote: "Aland and Bland intend to finish the port talks within two months after the pact enters into force." }\n  - { id: ferry-levy, deal: widget-pact, topic: vessels, statement: "Bland will cut its ferry levy to 8%.", value: 8, unit: percent, asOf: "2023-01-10", article: levy, quote: "Bland will cut its ferry levy to 8 percent, applied to all ferries entered at its ports." }\n  - { id: ferry-levy-date, deal: widget-pact, topic: timeline, statement: "The ferry levies set by the decree apply from March 1, 2023.", asOf: "2023-04-02", article: levy-rule, quote: "The ferry levies set by the decree shall apply retroactively to ferries entered for sale on or after March 1, 2023." }\n`,
  // A figure stated without a date, and a later sentence that dates it, filed under another topic (when things happen).
  'articles/levy.md': article({ title: 'Bland ferry levy', date: '2023-01-10', publisher: 'Bland Courier' }, 'Bland will cut its ferry levy to 8 percent, applied to all ferries entered at its ports.\n'),
  'articles/levy-rule.md': article({ title: 'Bland ferry levy decree', date: '2023-04-02', publisher: 'Bland Gazette', reliability: 'high' }, 'The ferry levies set by the decree shall apply retroactively to ferries entered for sale on or after March 1, 2023.\n'),
  // Who signed: two people, by their titles.
  'articles/accord.md': article({ title: 'Port accord signed', date: '2023-06-06', publisher: 'Bland Courier' }, 'Trade Minister Ben Ota and Foreign Minister Ana Ruiz signed the port accord in Aland City on June 5, 2023.\n'),
  'articles/projects.md': article(
    { title: 'Bland projects in Aland', date: '2023-01-10', publisher: 'Bland Courier' },
    'Eland and Fland have also made deals with Aland.\n\nBland investments in Aland:\n- Up to $4 billion to build and run new widget plants in the north of Aland, with the engineering, procurement, testing, packing and other services the plants need in partnership with Kor Works and Vel Partners.\n- Up to $2 billion to supply ferry engines and parts in partnership with Kor Works.\n\nAland and Bland intend to finish the port talks within two months after the pact enters into force.\n\nIn May 2022, Aland found that cheap ferries hurt its yards. Aland at the time put off any ferry levy for six months.\n\nIn its own deal, Eland has agreed to buy $5 billion of Aland ferries and make new investments of $3 billion in Aland.\n',
  ),
};

/**
 * The set-7 knowledge with more articles and two topics, for the classes
 * held-out set 8 found: a sale from one party to another said as "sold … to"
 * against "exports to", a day given without its year ("from 1 April"), an
 * opening adverb ("Reportedly …") that is no name, the claim's exact day of one
 * event against another date of another event told in similar words, and the
 * claim's figure stated for someone else while the claim's party's own figure
 * is a list item said in other words.
 * A separate export, so the earlier sets' widget answers stay as they are.
 */
export const WIDGET_SET8_KNOWLEDGE: KnowledgeFiles = {
  ...WIDGET_SET7_KNOWLEDGE,
  'topics.yaml': `${topics}  - { id: signing, name: "Signing", synonyms: ["signed", "signing", "sign", "signature"] }\n  - { id: timeline, name: "Timeline", synonyms: ["effect", "take effect", "in force", "enters into force"] }\n  - { id: vessels, name: "Ferry trade", synonyms: ["vessels", "ferries", "ferry"] }\n  - { id: trade-balance, name: "Trade balance", synonyms: ["exports", "imports", "surplus", "deficit"] }\n  - { id: fuel, name: "Fuel", synonyms: ["fuel", "gas", "oil", "coal"] }\n`,
  'facts/set8.yaml': `facts:\n  - { id: aland-exports, deal: widget-pact, topic: trade-balance, subject: aland-exports, statement: "Aland's exports to Bland came to $12 billion in 2023.", value: 12, unit: usd-billion, asOf: "2024-03-01", article: flows, quote: "Aland exports to Bland amounted to $12 billion last year" }\n  - { id: bland-fuel, deal: widget-pact, topic: fuel, statement: "Bland will make purchases of Aland fuel, including gas, totaling $2 billion per year.", value: 2, unit: usd-billion-per-year, asOf: "2024-03-01", article: fuel, quote: "Bland will make stable and long-term purchases of Aland fuel, including natural gas and heating oil, totaling $2 billion per year." }\n  - { id: bland-fuel-plants, deal: widget-pact, topic: fuel, statement: "Up to $30 billion of Bland money is to build fuel plants in Aland.", value: 30, unit: usd-billion, asOf: "2024-03-01", article: fuel, quote: "Up to $30 billion to build and run new plants in Aland for fuel with Kor Works." }\n`,
  'articles/flows.md': article(
    { title: 'Aland trade figures', date: '2024-03-01', publisher: 'Bland Courier' },
    'Aland exports to Bland amounted to $12 billion last year, the Courier reported.\n\nOn March 3, 2016, Aland told its parliament that it intended to open widget talks with Bland.\n\nOn May 5, 2019, Aland told its parliament that it had reached a first deal from the widget talks with Bland.\n\nBland is unhappy with Aland’s trade surplus with Bland, which was $5 billion in goods last year, with most coming from widget exports.\n\nBland is the third-largest Aland trading partner, with imports totaling $20 billion in 2023.\n',
  ),
  'articles/fuel.md': article(
    { title: 'Bland fuel deal', date: '2024-03-01', publisher: 'Bland Courier' },
    'The pact opens these markets to Aland firms:\n- Bland will make stable and long-term purchases of Aland fuel, including natural gas and heating oil, totaling $2 billion per year.\n- Up to $30 billion to build and run new plants in Aland for fuel with Kor Works.\n\nIn its own deal, Gland has agreed to purchase $90 billion in Aland fuel and make new investments of $6 billion in Aland.\n',
  ),
};

/**
 * The set-8 knowledge with more articles, for the classes held-out set 9
 * found: sums in number words with a fraction ("one and a half billion
 * dollars") and comparatives ("past", "top"); a person the claim names as who
 * said it, where the sentence names another; an event said with a word
 * close in meaning to one no source uses ("built" for "manufactured"), or
 * dated by a clause saying when ("When Ben Ota visited Aland City last October, …");
 * a rank ("fifth-largest") of what it ranks; a word spelled the other way
 * ("fertiliser"); a list's items, each with its own figure.
 * A separate export, so the earlier sets' widget answers stay as they are.
 */
export const WIDGET_SET9_KNOWLEDGE: KnowledgeFiles = {
  ...WIDGET_SET8_KNOWLEDGE,
  'articles/slate.md': article(
    { title: 'Bland investment slate', date: '2024-10-28', publisher: 'Bland Gazette', reliability: 'high' },
    'Kor Works announced a $1.5 billion investment in Aland’s north ports—bringing its total Aland investments to more than $6 billion.\n\nVel Partners announced a deal valued at over $300 million with Aland Rail for Bland-made widgets.\n\n“Bland will put $800 million into Aland canals,” Trade Minister Ben Ota told Widget Radio.\n\nKor Works will sell more widgets in Bland, as a result of Bland’s commitment to accept for sale in Bland Aland manufactured and Aland safety-certified widgets without additional testing.\n\nTrade Minister Ben Ota and Foreign Minister Ana Ruiz signed a historic port minerals agreement to secure the port supply chain.\n\nDland is the world’s fifth-largest widget maker.\n\nBland projects in the slate:\n- Up to $3 billion to build an ammonia fertilizer plant in Aland and $2 billion to build a copper smelter in the north of Aland.\n- Up to $25 billion to supply power modules and other grid equipment in collaboration with Lux Works.\n- Up to $30 billion in partnership with Nox Electric.\n',
  ),
};
