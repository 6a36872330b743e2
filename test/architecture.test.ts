/** The dependency rule and the "knowledge decides" rule, checked on the source files. */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function sources(dir: string): Promise<{ file: string; text: string }[]> {
  const out: { file: string; text: string }[] = [];
  for (const entry of await readdir(path.join(root, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
    const file = path.relative(root, path.join(entry.parentPath, entry.name));
    out.push({ file, text: await readFile(path.join(root, file), 'utf8') });
  }
  return out;
}
const imports = (text: string) => [...text.matchAll(/\bfrom\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g)].map((m) => m[1] ?? m[2]!);

describe('architecture', () => {
  it('the core and the renderers import no chat library, no adapter, no command', async () => {
    for (const { file, text } of [...(await sources('src/core')), ...(await sources('src/render'))]) {
      for (const spec of imports(text)) {
        expect(spec, file).not.toMatch(/^(discord\.js|@slack\/)/);
        expect(spec, file).not.toMatch(/adapters|commands|config/);
      }
    }
  });

  it('the core has no import cycles', async () => {
    const files = await sources('src/core');
    const graph = new Map(
      files.map(({ file, text }) => [
        file,
        imports(text)
          .filter((spec) => spec.startsWith('.'))
          .map((spec) => path.join(path.dirname(file), spec)),
      ]),
    );
    const done = new Set<string>();
    const visit = (file: string, trail: string[]): void => {
      if (trail.includes(file)) throw new Error(`import cycle: ${[...trail.slice(trail.indexOf(file)), file].join(' -> ')}`);
      if (done.has(file)) return;
      for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
      done.add(file);
    };
    for (const file of graph.keys()) visit(file, []);
    expect(done.size).toBe(graph.size);
  });

  it('the Retriever interface imports no implementation, and implementations only the interface and text analysis', async () => {
    const dir = path.join('src', 'core', 'retrieval');
    const specs = async (name: string) => imports(await readFile(path.join(root, dir, name), 'utf8')).filter((s) => s.startsWith('.'));
    expect(await specs('retriever.ts')).toEqual([]);
    for (const impl of ['compact-retriever.ts', 'minisearch-retriever.ts']) {
      expect((await specs(impl)).sort(), impl).toEqual(['../text/analyzer.ts', './retriever.ts']);
    }
  });

  it('commands import no adapter or chat library', async () => {
    for (const { file, text } of await sources('commands')) {
      for (const spec of imports(text)) expect(spec, file).not.toMatch(/adapters|^(discord\.js|@slack\/)/);
    }
  });

  it('only src/config.ts reads process.env', async () => {
    for (const { file, text } of [...(await sources('src')), ...(await sources('commands'))]) {
      if (file === path.join('src', 'config.ts')) continue;
      expect(/process\.env\b/.test(text), file).toBe(false);
    }
  });

  it('nothing in src/ or commands/ knows a partner, topic or year of the shipped corpus', async () => {
    for (const { file, text } of [...(await sources('src')), ...(await sources('commands'))]) {
      const code = text.replace(/\/\*\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect(code, file).not.toMatch(/japan|tokyo|\bautos?\b|\b(2019|2025)\b/i);
    }
  });
});
