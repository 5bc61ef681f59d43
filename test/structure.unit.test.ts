/**
 * The shape of src/: which folder may import which. Dependencies point one
 * way (webhooks, api, web, jobs -> actions -> the domain -> store); the web
 * app never imports the API; actions know no front end. Read from the source:
 * every relative import and re-export, types included (a type import ties
 * modules together as much as any other).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

// `import x from '…'`, `import type { X } from '…'`, `export * from '…'`, `import '…'`, `import('…')`.
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Each file of src/ (relative to it) with the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets: string[] = [];
    for (const match of text.matchAll(SPECIFIER)) {
      const specifier = match[1] ?? match[2]!;
      if (!specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.ts');
      if (target.startsWith(`${SRC}/`)) targets.push(relative(SRC, target));
    }
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

/** A file's room: its top-level folder, or the file itself for a file at the top of src/ (app.ts, deps.ts). */
const room = (file: string) => (file.includes('/') ? file.slice(0, file.indexOf('/')) : file.replace(/\.ts$/, ''));

const graph = importGraph();
const imports = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const between = (a: string, b: string) => imports.filter(({ from, to }) => room(from) === a && room(to) === b).map(({ from, to }) => `${from} -> ${to}`);

/** Groups of rooms that import each other, directly or around a loop (Tarjan's strongly connected components). */
function roomCycles(): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { from, to } of imports) {
    if (room(from) === room(to)) continue;
    if (!edges.has(room(from))) edges.set(room(from), new Set());
    edges.get(room(from))!.add(room(to));
  }
  const rooms = new Set([...graph.keys()].map(room));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  };
  for (const r of rooms) if (!index.has(r)) visit(r);
  return cycles;
}

describe('the rooms of src/', () => {
  it('reads the imports', () => {
    expect(between('api', 'actions').length).toBeGreaterThan(0);
    expect(between('app', 'api')).toContain('app.ts -> api/index.ts');
    // An import over several lines, and a type-only one.
    expect(between('web', 'actions')).toContain('web/pages/admin.ts -> actions/index.ts');
    expect(between('web', 'deps')).toContain('web/page-deps.ts -> deps.ts');
  });

  it('the web app never imports the API', () => {
    expect(between('web', 'api')).toEqual([]);
  });

  it('actions know no front end, nor HTTP', () => {
    expect([...between('actions', 'api'), ...between('actions', 'web'), ...between('actions', 'webhooks')]).toEqual([]);
    const http = sourceFiles(join(SRC, 'actions')).filter((file) => /from ['"](@?fastify)/.test(readFileSync(file, 'utf8')));
    expect(http.map((file) => relative(SRC, file))).toEqual([]);
  });

  it('no loop of imports runs between any two rooms: dependencies point one way', () => {
    expect(roomCycles()).toEqual([]);
  });

  it('the pure rooms (flows, triage, planning) import nothing with I/O', () => {
    const pure = ['flows', 'triage', 'planning'];
    const io = ['store', 'transport', 'messaging', 'conversation', 'alerts', 'escalation', 'outreach', 'records', 'channels', 'jobs', 'actions', 'api', 'web', 'webhooks'];
    expect(pure.flatMap((p) => io.flatMap((r) => between(p, r)))).toEqual([]);
  });

  it('below the HTTP layer, nothing knows Fastify', () => {
    const http = new Set(['api', 'web', 'webhooks', 'app.ts', 'server.ts', 'service.ts']);
    const below = sourceFiles(SRC).filter((file) => !http.has(relative(SRC, file).split('/')[0]!));
    const fastify = below.filter((file) => /from ['"](@?fastify)/.test(readFileSync(file, 'utf8')));
    expect(fastify.map((file) => relative(SRC, file))).toEqual([]);
  });
});

describe('time in src/', () => {
  it('is read from one clock: only clock.ts reads the machine\'s, in TypeScript or in SQL', () => {
    // Date.now(), new Date() with nothing in the brackets, and PostgreSQL's now() and its kin (not clock.now()).
    const machineTime = /\bDate\.now\(|\bnew Date\(\s*\)|(?<![.\w])(?:now|clock_timestamp|statement_timestamp|transaction_timestamp)\(\)|\bcurrent_(?:timestamp|date|time)\b/i;
    // migrate.ts stamps when a migration ran, a fact about the database, not about patients;
    // transport/calls.ts spaces requests to Twilio by elapsed time (performance.now), which no hour changes.
    const allowed = new Set(['clock.ts', 'store/migrate.ts', 'transport/calls.ts']);
    const readers = sourceFiles(SRC)
      .map((file) => relative(SRC, file))
      .filter((file) => !allowed.has(file) && readFileSync(join(SRC, file), 'utf8').split('\n').some((line) => machineTime.test(line) && !/^\s*(\*|\/\/)/.test(line)));
    expect(readers).toEqual([]);
  });
});
