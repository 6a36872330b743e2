/**
 * What Discord would render as markup in a piece of message text, written out
 * from Discord's own documentation (Markdown Text 101, Message Formatting),
 * not taken from the renderer: used to check that text which is not ours
 * shows exactly as written.
 */
import type { DiscordMessage } from '../../src/render/discord.ts';

const INLINE = new Set(['*', '_', '~', '`', '|', '[', ']']);

/**
 * Discord's angle-bracket formats (Message Formatting): user, role and channel
 * mentions, slash command mentions, timestamps, custom emoji, guild navigation.
 */
const ANGLE_TOKENS = /^<(?:@!?\d+|@&\d+|#\d+|\/[\p{L}\p{N}_-]+(?: [\p{L}\p{N}_-]+){0,2}:\d+|t:-?\d+(?::[tTdDfFsSR])?|a?:\w+:\d+|id:(?:customize|browse|guide|linked-roles(?::\d+)?))>/iu;

/**
 * Every piece of live markup in `text`: unescaped emphasis, code, spoiler and
 * masked-link characters; headings, subtext, quotes and list markers at the
 * start of a line; mentions, command mentions, timestamps, custom emoji and
 * guild links in angle brackets; `@everyone` / `@here`; and `scheme://` links.
 * A backslash escapes the character after it.
 */
export function activeMarkup(text: string): string[] {
  const found: string[] = [];
  let lineStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') {
      i++; // the next character is shown as is
      lineStart = false;
      continue;
    }
    if (ch === '\n') {
      lineStart = true;
      continue;
    }
    if (lineStart && (ch === ' ' || ch === '\t')) continue;
    if (lineStart) {
      const rest = text.slice(i);
      const block = /^(#{1,3} |-# |>>> |> |[-*] |\d+\. )/.exec(rest);
      if (block) found.push(`line starts with "${block[1]}"`);
    }
    lineStart = false;
    if (INLINE.has(ch)) found.push(`"${ch}" at ${i}`);
    if (ch === '<') {
      const token = ANGLE_TOKENS.exec(text.slice(i, i + 120));
      if (token) found.push(`${token[0]} token at ${i}`);
    }
  }
  for (const m of text.matchAll(/@(everyone|here)/gi)) found.push(`${m[0]} at ${m.index}`);
  for (const m of text.matchAll(/[a-z][a-z0-9+.-]*:\/\//gi)) found.push(`link ${m[0]} at ${m.index}`);
  return found;
}

/** Our own link to a source: `[escaped title](http(s) URL)`. */
const OUR_SOURCE_LINK = /\[(?:\\.|[^\\\]])*\]\(https?:\/\/[^\s()<>@]+\)/g;

/**
 * The parts of a rendered message with the renderer's own decorations taken
 * out (bold markers, the quote marker, "n. " before a field name, source
 * links), so that whatever markup is left came from text that is not ours.
 */
export function foreignText(m: DiscordMessage): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [{ where: 'content', text: m.content }];
  m.embeds.forEach((e, i) => {
    out.push({ where: `embed ${i} title`, text: e.title ?? '' });
    out.push({ where: `embed ${i} description`, text: (e.description ?? '').replace(/(?<=(?:^|[^\\])(?:\\\\)*)\*\*/g, '') });
    (e.fields ?? []).forEach((f, j) => {
      out.push({ where: `field ${j} name`, text: f.name.replace(/^(⚠ )?\d+\. /, '') });
      out.push({ where: `field ${j} value`, text: f.value.replace(/^> /, '').replace(OUR_SOURCE_LINK, '') });
    });
  });
  return out;
}
