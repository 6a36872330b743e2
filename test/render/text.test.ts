/**
 * Plain-text output goes to a terminal (issue 10, item 12): nothing from a
 * source or a question may act on it. Unit cases for each kind of sequence,
 * a fixed-seed property over whole answers, and the real `npm run ask` and
 * console processes on a knowledge folder full of escape sequences.
 */
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/core/model/types.ts';
import { forTerminal } from '../../src/render/terminal.ts';
import { renderText } from '../../src/render/text.ts';
import { article, makeKnowledge } from '../helpers/knowledge.ts';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * Anything a terminal acts on rather than shows: C0 controls other than tab and
 * line feed (ESC, CR, BS, BEL…), DEL, C1 controls (8-bit CSI U+009B, OSC U+009D…),
 * and the Unicode bidirectional controls (ALM, LRM, RLM, LRE…RLO, LRI…PDI).
 */
const ACTS_ON_TERMINAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const ESC = '\u001b';
const SEQUENCES = [
  `${ESC}[31m`, `${ESC}[0m`, `${ESC}[2J`, `${ESC}[1;1H`, `${ESC}[?1049h`, `\u009b31m`,
  `${ESC}]0;pwned${'\u0007'}`, `${ESC}]8;;http://evil.example${ESC}\\`, `${ESC}]8;;${'\u0007'}`, `\u009d0;title\u009c`,
  `${ESC}P1$r${ESC}\\`, `${ESC}c`, `${ESC}7`, `${ESC}(B`, '\r', '\b', '\u0007', '\u007f', '\u0085',
  '\u202e', '\u202d', '\u2066', '\u2069', '\u200f', '\u061c',
];

describe('forTerminal', () => {
  it('removes whole escape sequences, not only their first byte', () => {
    expect(forTerminal(`${ESC}[31mred${ESC}[0m`)).toBe('red');
    expect(forTerminal(`\u009b1;31mred`)).toBe('red');
    expect(forTerminal(`${ESC}]8;;http://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`)).toBe('click');
    expect(forTerminal(`${ESC}]0;new title\u0007text`)).toBe('text');
    expect(forTerminal(`${ESC}P1$r q${ESC}\\after`)).toBe('after');
    expect(forTerminal(`safe\rEVIL`)).toBe('safeEVIL');
    expect(forTerminal(`\u202eevil\u202c txt`)).toBe('evil txt');
  });

  it('keeps letters of every script, emoji, tabs and line breaks', () => {
    const text = 'Tariffs\tfall to 15%\n日本の自動車 🚗 “quoted” — café';
    expect(forTerminal(text)).toBe(text);
  });
});

function citation(over: Partial<Citation> = {}): Citation {
  return { articleId: 'a', title: 'T', publisher: 'P', date: '2025-01-01', url: 'https://example.com/a', reliability: 'low', note: 'n', quote: 'q', era: 'e', alsoReportedBy: [], ...over };
}

describe('renderText', () => {
  // Words with sequences between them: once cleaned, exactly the words are left.
  const dirty = fc.tuple(fc.stringMatching(/^[A-Za-z0-9 ]{1,20}$/), fc.array(fc.constantFrom(...SEQUENCES), { maxLength: 6 }), fc.nat()).map(([word, seqs, at]) => {
    const i = at % (word.length + 1);
    return { word, text: word.slice(0, i) + seqs.join('') + word.slice(i) };
  });

  it('prints nothing a terminal acts on, from any part of any answer, and keeps the words (property)', () => {
    fc.assert(
      fc.property(fc.array(dirty, { minLength: 10, maxLength: 10 }), (parts) => {
        const [q, h, t, p, e, n, l, f, note, d] = parts.map((x) => x.text);
        const a: Answer = {
          kind: 'briefing',
          question: q!,
          answered: true,
          headline: h!,
          lines: [l!],
          notes: [n!],
          facts: [{ id: 'f', statement: f!, asOf: d!, articleId: 'a', quote: 'q', file: 'f.yaml' }],
          citations: [citation({ quote: q!, title: t!, publisher: p!, era: e!, note: note!, alsoReportedBy: [{ articleId: 'b', publisher: p!, title: t!, date: d! }] })],
        };
        const out = renderText(a);
        expect(out).not.toMatch(ACTS_ON_TERMINAL);
        for (const { word } of parts) expect(out).toContain(word);
      }),
      { seed: 12, numRuns: 300 },
    );
  });
});

describe('the real CLI and console on knowledge full of terminal controls', () => {
  // Control characters in a knowledge file are refused at load (see the loader's tests); bidi controls are legitimate text and load.
  let dir: string;
  let refused: string;
  beforeAll(async () => {
    dir = await makeKnowledge({
      'articles/widgets.md': article(
        { title: 'Widget \u202enews\u202c digest', date: '2024-03-01', publisher: `Wire\u202e Service`, url: 'https://example.com/widgets' },
        `The committee said widget tariffs fall to \u202e10 percent\u202c next year after \u2066review\u2069.\n\nThe widget quota stays at 500 tons.\n`,
      ),
    });
    // Refused (its body is empty), and the problem names the file.
    refused = await makeKnowledge({ [`articles/${ESC}]0;pwned\u0007${ESC}[2J.md`]: article({ title: 'T', date: '2024-03-01' }, '\n') });
  });
  afterAll(async () => {
    for (const d of [dir, refused]) if (d) await rm(d, { recursive: true, force: true });
  });

  const run = (args: string[], input = '', knowledge = dir): Promise<{ stdout: string; stderr: string; code: number }> =>
    new Promise((resolve) => {
      const env = { ...process.env, KNOWLEDGE_DIR: knowledge, INDEX_CACHE_DIR: path.join(knowledge, '..', `${path.basename(knowledge)}-cache`), SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '', STORE: 'off' };
      const child = execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: root, env }, (err, stdout, stderr) => resolve({ stdout, stderr, code: err ? ((err as { code?: number }).code ?? 1) : 0 }));
      child.stdin!.end(input);
    });
  afterAll(async () => {
    for (const d of [dir, refused]) if (d) await rm(path.join(d, '..', `${path.basename(d)}-cache`), { recursive: true, force: true });
  });

  it('npm run ask prints the quote and its source without any of them', async () => {
    const { stdout } = await run(['src/cli/ask.ts', 'What do widget tariffs fall to?']);
    expect(stdout).toContain('10 percent');
    expect(stdout).toContain('Wire Service');
    expect(stdout).not.toMatch(ACTS_ON_TERMINAL);
  }, 30_000);

  it('the console (npm start, no chat settings) too', async () => {
    const { stdout } = await run(['src/main.ts'], 'What do widget tariffs fall to?\n');
    expect(stdout).toContain('10 percent');
    expect(stdout).not.toMatch(ACTS_ON_TERMINAL);
  }, 30_000);

  it('a knowledge error naming a file full of escape sequences shows them escaped', async () => {
    for (const args of [['src/cli/ask.ts', 'anything'], ['src/main.ts'], ['src/cli/knowledge-check.ts', refused]]) {
      const { stderr, code } = await run(args, '', refused);
      expect(code).toBe(1);
      expect(stderr).toContain('\\u{1b}]0;pwned\\u{7}\\u{1b}[2J');
      expect(stderr).not.toMatch(ACTS_ON_TERMINAL);
    }
  }, 60_000);
});
