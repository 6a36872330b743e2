/**
 * The knowledge format as zod schemas (see README, "Knowledge format"): what
 * each file must hold, field by field. The loader (`load.ts`) reads the files,
 * applies these and collects every problem.
 */
import { z } from 'zod';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(s)) && new Date(s).toISOString().startsWith(s), 'is not a real date');
// YAML turns unquoted 2019-09-23 into a Date; accept that too.
const dateField = z.preprocess((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v), isoDate);
/** Longest id: an article id must fit whole in a vote button (Discord's custom_id holds 100 characters). */
export const MAX_ID_LENGTH = 80;
/** The id character set: a letter or digit, then letters, digits, "_", "." or "-" (no spaces, commas, "|", "<" or ">"). */
export const ID_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}_.-]*$/u;
/** Why `value` is not a valid id, or undefined. */
export function idProblem(value: string): string | undefined {
  if (!ID_PATTERN.test(value)) return 'must start with a letter or digit and hold only letters, digits, "_", "." or "-"';
  if (value.length > MAX_ID_LENGTH) return `must be at most ${MAX_ID_LENGTH} characters (has ${value.length})`;
  return undefined;
}
const id = z.string().superRefine((v, ctx) => {
  const problem = idProblem(v);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** Source links: http(s) only (no javascript:, data:, file: or other schemes), with a host. */
const webUrl = z.string().refine((v) => {
  try {
    const u = new URL(v);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '' && /^https?:\/\//i.test(v);
  } catch {
    return false;
  }
}, 'must be an http:// or https:// URL');
// No control characters in any text field: they would reach terminals and chat as commands, not words.
const text = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .regex(/^[^\u0000-\u0008\u000b-\u001f\u007f-\u009f]*$/, 'must not hold control characters');

/** Front matter of `articles/*.md`. */
export const frontMatterSchema = z.strictObject({
  title: text,
  date: dateField,
  publisher: text.optional(),
  url: webUrl.optional(),
  id: id.optional(),
  reliability: z.enum(['high', 'normal', 'low']).default('normal'),
  note: text.optional(),
});

/** One deal in `deals.yaml`. */
export const dealSchema = z.strictObject({
  id,
  name: text,
  parties: z.array(text).min(1),
  aliases: z.array(text).default([]),
  era: text.optional(),
  from: dateField,
  to: dateField.optional(),
  status: text,
  milestones: z.array(z.strictObject({ date: dateField, event: text })).default([]),
});
/** `deals.yaml`: `{ deals: [...] }`, items checked one by one with `dealSchema`. */
export const dealsFileSchema = z.strictObject({ deals: z.array(z.unknown()) });

/** One topic in `topics.yaml`. */
export const topicSchema = z.strictObject({ id, name: text, synonyms: z.array(text).default([]) });
/** `topics.yaml`: `{ topics: [...] }`, items checked with `topicSchema`. */
export const topicsFileSchema = z.strictObject({ topics: z.array(z.unknown()) });

/** One fact in `facts/*.yaml` (its quote is checked against the article by the loader). */
export const factSchema = z.strictObject({
  id,
  deal: id.optional(),
  topic: id.optional(),
  subject: id.optional(),
  statement: text,
  value: z.number().finite().optional(),
  unit: text.optional(),
  asOf: dateField,
  article: id,
  quote: text,
});
/** A facts file: `{ facts: [...] }`, items checked with `factSchema`. */
export const factsFileSchema = z.strictObject({ facts: z.array(z.unknown()) });
