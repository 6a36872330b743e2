/** Builds small knowledge folders in temp directories for tests. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { afterAll } from 'vitest';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Files to write, by path relative to the knowledge folder. */
export type KnowledgeFiles = Record<string, string | Buffer>;

/** Writes the files into a fresh temp folder and returns its path. */
export async function makeKnowledge(files: KnowledgeFiles): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dealdesk-kb-'));
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    await mkdir(path.dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return dir;
}

/**
 * Call at the top of a test file: a `makeKnowledge` whose folders are all
 * deleted after the file's tests.
 */
export function tempKnowledge(): (files: KnowledgeFiles) => Promise<string> {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
  });
  return async (files) => {
    const dir = await makeKnowledge(files);
    dirs.push(dir);
    return dir;
  };
}

/** An article file with front matter. */
export function article(front: Record<string, string>, body: string): string {
  const yaml = Object.entries(front)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n');
  return `---\n${yaml}\n---\n${body}`;
}
