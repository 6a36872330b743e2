/**
 * Chat markup in what a user types: Slack and Discord send mentions, channel
 * references, links and the like as `<…>` tokens. They are not words of the
 * question, and left in they become search words the sources never use (so
 * the bot abstains, or ranks differently). The command layer strips them once,
 * before routing, for every surface.
 */

// Each pattern starts at "<" and cannot run past the next "<" or ">", so the whole pass is linear.
const MARKUP: [RegExp, (match: string, ...groups: string[]) => string][] = [
  // Slack users `<@U123>`, `<@U123|name>`; Discord users `<@123>`, `<@!123>`, roles `<@&123>`.
  [/<@[!&]?[A-Za-z0-9]+(?:\|[^<>]*)?>/g, () => ' '],
  // Slack channels `<#C123>`, `<#C123|general>`; Discord channels `<#123>`.
  [/<#[A-Za-z0-9]+(?:\|[^<>]*)?>/g, () => ' '],
  // Slack dates `<!date^1392734382^{date_short}|Feb 18, 2014>`: the fallback is the text people see.
  [/<!date\^[^<>|]*\|([^<>]*)>/g, (_, label) => label],
  // Slack special mentions `<!channel>`, `<!here|here>`, `<!subteam^S1|@team>`.
  [/<![^<>]*>/g, () => ' '],
  // Discord command mentions `</deal:123>`, `</deal check:123>`.
  [/<\/[^<>:]+:\d+>/g, () => ' '],
  // Discord timestamps `<t:123>`, `<t:123:R>`.
  [/<t:-?\d+(?::[A-Za-z])?>/g, () => ' '],
  // Discord custom emoji `<:name:123>`, animated `<a:name:123>`.
  [/<a?:\w+:\d+>/g, () => ' '],
  // Discord guild navigation `<id:customize>`, `<id:browse>`.
  [/<id:\w+>/g, () => ' '],
  // Slack links `<http://x|label>` keep their label; a bare `<http://x>` (Slack, or Discord's no-preview form) its URL.
  [/<([a-z][a-z0-9+.-]*:[^<>|\s]*)(?:\|([^<>]*))?>/gi, (_, url, label) => label ?? url],
  // Discord masked links `[label](https://x)` keep their label.
  [/\[([^[\]]*)\]\(<?https?:\/\/[^()\s<>]*>?\)/g, (_, label) => label],
];

/**
 * Removes chat markup from typed text, keeping what people see of links
 * (a link's label, or its URL when it has none) and of Slack dates in their
 * place, and collapses the spaces this leaves. Text without markup comes back trimmed.
 * @example stripChatMarkup('<@U1> what is <http://x.example|the tariff>?') === 'what is the tariff?'
 */
export function stripChatMarkup(text: string): string {
  if (!/[<[]/.test(text)) return text.trim();
  let out = text;
  for (const [pattern, replace] of MARKUP) out = out.replace(pattern, replace);
  return out.replace(/[ \t]+/g, ' ').replace(/ ?\n ?/g, '\n').trim();
}
