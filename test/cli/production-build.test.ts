/**
 * The production start: compile with plain tsc (tsconfig.build.json, the
 * build's own settings) into a temporary project laid out like a deployment
 * (package.json, knowledge/, node_modules/, dist/), then run the compiled CLI
 * and the compiled `main.js` with plain node (no TypeScript loader) as child
 * processes, for a real answer each.
 */
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdtemp, readdir, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let proj: string;
let dist: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A clean environment: no platform settings, no loader smuggled in through NODE_OPTIONS. */
function cleanEnv(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'warn' };
}

function run(args: string[], opts: { cwd: string; input?: string }): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: opts.cwd, env: cleanEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

async function listJs(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile() && e.name.endsWith('.js')) out.push(path.join(e.parentPath, e.name));
  }
  return out;
}

beforeAll(async () => {
  proj = await mkdtemp(path.join(tmpdir(), 'dealdesk-build-'));
  dist = path.join(proj, 'dist');
  await copyFile(path.join(root, 'package.json'), path.join(proj, 'package.json'));
  await symlink(path.join(root, 'node_modules'), path.join(proj, 'node_modules'), 'dir');
  await symlink(path.join(root, 'knowledge'), path.join(proj, 'knowledge'), 'dir');
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const compiled = await new Promise<Run>((resolve) =>
    execFile(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', dist], { cwd: root }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    ),
  );
  expect(compiled.stdout + compiled.stderr).toBe('');
  expect(compiled.code).toBe(0);
  // The build's last step, as `npm run build` runs it (from the project root).
  const stamped = await run([path.join(dist, 'src/cli/stamp-build.js')], { cwd: root });
  expect(stamped.code).toBe(0);
}, 180_000);

afterAll(async () => {
  if (proj) await rm(proj, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('is wired to tsc with the build config, and start:prod to plain node', async () => {
    const pkg = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
    expect(pkg.scripts.build).toContain('tsc -p tsconfig.build.json');
    expect(pkg.scripts.build).toContain('node dist/src/cli/stamp-build.js');
    expect(pkg.scripts['start:prod']).toBe('node dist/src/main.js');
  });

  it('rewrites every relative import to .js, so plain node can load the output', async () => {
    const files = await listJs(dist);
    expect(files.length).toBeGreaterThan(40);
    const bad: string[] = [];
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) if (!m[1]!.endsWith('.js')) bad.push(`${path.relative(dist, f)}: ${m[1]}`);
    }
    expect(bad).toEqual([]);
    expect(files.some((f) => f.endsWith(path.join('commands', 'index.js')))).toBe(true);
    expect(files.some((f) => f.includes(`${path.sep}test${path.sep}`))).toBe(false);
  });
});

describe('the compiled bot, on plain node', () => {
  it('uses a snapshot made by `npm run index` (tsx), finds knowledge/ and .cache/ from dist/src, and answers on the console', async () => {
    // The deploy step: the snapshot is built by the TypeScript CLI...
    const index = await run(['--import', 'tsx', path.join(root, 'src/cli/build-index.ts'), '--knowledge', path.join(proj, 'knowledge'), '--cache-dir', path.join(proj, '.cache')], { cwd: root });
    expect(index.code).toBe(0);
    expect(await readdir(path.join(proj, '.cache'))).toHaveLength(1);
    // ...and `npm run start:prod` (node dist/src/main.js) opens it: same code fingerprint, no rebuild.
    const prod = await run([path.join(dist, 'src/main.js')], { cwd: proj, input: 'japan autos\n' });
    expect(prod.code).toBe(0);
    expect(prod.stderr).not.toMatch(/rebuilding/);
    expect(prod.stdout).toMatch(/United States–Japan: Autos/);
    expect(prod.stdout).toMatch(/“[^”]{20,}”/);
  }, 60_000);

  it('the compiled CLI prints exactly what the TypeScript CLI prints', async () => {
    const question = 'What tariff has Trump threatened to put on Japanese autos?';
    const compiled = await run([path.join(dist, 'src/cli/ask.js'), '--json', question], { cwd: proj });
    const source = await run(['--import', 'tsx', path.join(root, 'src/cli/ask.ts'), '--json', question], { cwd: root });
    expect(compiled.code).toBe(0);
    expect(source.code).toBe(0);
    expect(JSON.parse(compiled.stdout).answered).toBe(true);
    expect(compiled.stdout).toBe(source.stdout);
  }, 60_000);
});
