/**
 * SQuAD v1.1 (CC BY-SA 4.0) as benchmark material: its articles become a
 * knowledge corpus (one article per Wikipedia page, its paragraphs separated by
 * blank lines) and its questions, with their gold answer texts, the needles.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Article } from '../core/model/types.ts';

/** A question with the answer texts annotators gave. */
export interface GoldQuestion {
  question: string;
  answers: string[];
  /** Id of the article holding the answer. */
  articleId: string;
}

/** SQuAD turned into articles and questions. */
export interface SquadSet {
  articles: Article[];
  questions: GoldQuestion[];
}

interface SquadFile {
  version?: string;
  data: { title: string; paragraphs: { context: string; qas: { question: string; answers: { text: string }[] }[] }[] }[];
}

/** Loads a SQuAD v1.1 JSON file. @throws Error "bench: ..." when it is not one. */
export async function loadSquad(file: string): Promise<SquadSet> {
  let parsed: SquadFile;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8')) as SquadFile;
  } catch (err) {
    throw new Error(`bench: cannot read SQuAD file ${file} (${(err as Error).message})`);
  }
  if (!Array.isArray(parsed?.data)) throw new Error(`bench: ${file} is not a SQuAD v1.1 file (no "data" list)`);
  return squadSet(parsed);
}

/** Converts parsed SQuAD data (exported for tests). */
export function squadSet(data: SquadFile): SquadSet {
  const articles: Article[] = [];
  const questions: GoldQuestion[] = [];
  data.data.forEach((page, i) => {
    const id = `squad-${String(i).padStart(3, '0')}`;
    // Contexts hold no blank lines; trimming keeps each one a single paragraph.
    const body = page.paragraphs.map((p) => p.context.trim().replace(/\n\s*\n/g, '\n')).join('\n\n');
    articles.push({ id, title: page.title.replace(/_/g, ' '), date: '2016-06-16', reliability: 'normal', body, file: `articles/${id}.md` });
    for (const p of page.paragraphs) {
      for (const qa of p.qas) {
        const answers = [...new Set(qa.answers.map((a) => a.text.trim()).filter(Boolean))];
        if (answers.length) questions.push({ question: qa.question, answers, articleId: id });
      }
    }
  });
  return { articles, questions };
}

/** A stable corpus hash for in-memory corpora (the loader hashes files instead). */
export function hashArticles(articles: readonly Article[]): string {
  const hash = createHash('sha256');
  for (const a of articles) hash.update(a.id).update('\0').update(a.title).update('\0').update(a.body).update('\0');
  return hash.digest('hex');
}

/** True when `text` holds one of the answers (case and white space ignored). */
export function containsAnswer(text: string, answers: readonly string[]): boolean {
  const t = squash(text);
  return answers.some((a) => t.includes(squash(a)));
}

function squash(s: string): string {
  return s.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The fitting protocol's halves: questions of odd-numbered articles (0-based,
 * in file order) fit the ranker; even-numbered ones validate it.
 */
export function squadHalves(set: SquadSet): { fit: SquadSet; validate: SquadSet } {
  const half = (odd: boolean): SquadSet => {
    const articles = set.articles.filter((_a, i) => i % 2 === (odd ? 1 : 0));
    const ids = new Set(articles.map((a) => a.id));
    return { articles, questions: set.questions.filter((q) => ids.has(q.articleId)) };
  };
  return { fit: half(true), validate: half(false) };
}

/**
 * The abstention split of a half: every other article is loaded, questions
 * come from all of them; a question on an article that is not loaded has no
 * answer in the knowledge and should be abstained.
 */
export function squadSplit(set: SquadSet): { loaded: Article[]; questions: (GoldQuestion & { answerable: boolean })[] } {
  const loaded = set.articles.filter((_a, i) => i % 2 === 0);
  const ids = new Set(loaded.map((a) => a.id));
  return { loaded, questions: set.questions.map((q) => ({ ...q, answerable: ids.has(q.articleId) })) };
}

/** Every `step`-th question (a fixed, reproducible sample). */
export function everyNth<T>(items: readonly T[], step: number): T[] {
  return items.filter((_x, i) => i % step === 0);
}
