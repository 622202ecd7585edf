/**
 * The layers of docs/architecture.md, enforced: each lint rule of eslint.config.mjs is shown
 * catching a wrong-direction import (and letting a right one through), and no two folders of
 * src/, tools/ or scripts/ import each other, directly or around a circle.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';

const ROOT = join(__dirname, '..', '..');

/**
 * The rule ids ESLint reports for each code as if it were the file at its path, by the
 * project's own config. ESLint loads its config by dynamic import, which jest's VM cannot,
 * so one node process lints them all.
 */
function lintProbes(probes: { path: string; code: string }[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const probes = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    const eslint = new ESLint({ cwd: process.cwd() });
    (async () => {
      const out = [];
      for (const { path, code } of probes) {
        const [result] = await eslint.lintText(code, { filePath: require('node:path').join(process.cwd(), path) });
        out.push(result.messages.map((m) => m.ruleId || m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd: ROOT, input: JSON.stringify(probes), encoding: 'utf8' }));
}

describe('lint rules per layer', () => {
  const cases: [string, string, string, boolean][] = [
    ['a domain folder imports the sheet layer', 'src/core/indicators/probe.ts', "export * from '../workbook/registry';", true],
    ['a domain folder imports a view', 'src/core/rubric/probe.ts', "export * from '../views/rubric';", true],
    ['a core root file imports the sheet layer', 'src/core/probe.ts', "export * from './workbook/sheets';", true],
    ['core imports the server', 'src/core/text/probe.ts', "export * from '../../server/context';", true],
    ['core imports the emulator', 'src/core/views/probe.ts', "export * from '../../../tools/emulator';", true],
    ['core imports Node', 'src/core/reports/probe.ts', "export * from 'node:fs';", true],
    ['the sheet layer imports a view', 'src/core/workbook/probe.ts', "export * from '../views/rubric';", true],
    ['a handler imports a test', 'src/server/probe.ts', "export * from '../../test/bundle/harness';", true],
    ['a tool imports a test', 'tools/emulator/probe.ts', "export * from '../../test/bundle/harness';", true],
    ['a script imports a test', 'scripts/probe.ts', "export * from '../test/bundle/harness';", true],
    ['the client imports the server directly', 'src/client/probe.ts', "export * from '../server/context';", true],
    ['a view imports the sheet layer', 'src/core/views/probe.ts', "export * from '../workbook/registry';", false],
    ['the sheet layer imports the domain', 'src/core/workbook/probe.ts', "export * from '../rubric';", false],
    ['a handler imports core', 'src/server/probe.ts', "export * from '../core/workbook/registry';", false],
    ['the client imports the contract', 'src/client/probe.ts', "export type * from '../shared/api';", false],
  ];
  const appsScript = 'export const sheet = SpreadsheetApp.getActive();\n';
  const globals: [string, boolean][] = [
    ['src/server/probe.ts', true], ['src/core/probe.ts', true], ['src/client/probe.ts', true], ['src/server/adapters/probe.ts', false],
  ];
  const results = lintProbes([
    ...cases.map(([, path, code]) => ({ path, code })),
    ...globals.map(([path]) => ({ path, code: appsScript })),
  ]);

  test.each(cases.map((c, i) => [...c, results[i]] as const))('%s: %s', (_name, _path, _code, refused, ids) => {
    expect(ids.includes('no-restricted-imports')).toBe(refused);
  });

  test.each(globals.map((g, i) => [...g, results[cases.length + i]] as const))('Apps Script called from %s refused: %s', (_path, refused, ids) => {
    expect(ids.includes('no-restricted-globals')).toBe(refused);
  });
});

// ---------------------------------------------------------------------------------------

/** Every relative import of every .ts/.mjs file under `dirs`, as folder → imported folders. */
function folderGraph(dirs: string[]): Map<string, Set<string>> {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs)$/.test(name) ? [path] : [];
    });
  const graph = new Map<string, Set<string>>();
  for (const file of dirs.flatMap((dir) => files(join(ROOT, dir)))) {
    const from = relative(ROOT, dirname(file));
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;'"]*?['"](\.{1,2}\/[^'"]*)['"]/g)) {
      const target = resolve(dirname(file), match[1]);
      // './x' is a file of this folder or a folder below; a folder counts by where its index lives.
      const to = relative(ROOT, statSync(target, { throwIfNoEntry: false })?.isDirectory() ? target : dirname(target));
      if (to !== from) graph.set(from, (graph.get(from) ?? new Set()).add(to));
    }
  }
  return graph;
}

/** The folder cycles of a graph: each strongly connected group of more than one folder (Tarjan). */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) found.push(group.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

describe('folder cycles', () => {
  test('the check finds a cycle through three folders, and none in a line', () => {
    const graph = (edges: [string, string][]) => {
      const g = new Map<string, Set<string>>();
      for (const [a, b] of edges) g.set(a, (g.get(a) ?? new Set()).add(b));
      return g;
    };
    expect(cycles(graph([['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd']]))).toEqual([['a', 'b', 'c']]);
    expect(cycles(graph([['a', 'b'], ['b', 'c'], ['a', 'c']]))).toEqual([]);
  });

  test('the graph sees real imports (core/views imports core/indicators)', () => {
    expect([...(folderGraph(['src']).get('src/core/views') ?? [])]).toContain('src/core/indicators');
  });

  test('no two folders of src/, tools/ or scripts/ import each other, directly or in a circle', () => {
    expect(cycles(folderGraph(['src', 'tools', 'scripts']))).toEqual([]);
  });
});
