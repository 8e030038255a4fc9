import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Every module specifier a file imports or re-exports (type-only ones included). */
function specifiers(source: string): string[] {
  const found: string[] = [];
  // Examples in doc comments are not imports.
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const pattern = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]/gm;
  for (const match of code.matchAll(pattern)) found.push((match[1] ?? match[2])!);
  return found;
}

const files = sourceFiles(root);
const name = (file: string) => relative(root, file).split('\\').join('/');
const graph = new Map<string, { local: string[]; external: string[] }>();
for (const file of files) {
  const local: string[] = [];
  const external: string[] = [];
  for (const spec of specifiers(readFileSync(file, 'utf8'))) {
    if (spec.startsWith('.')) local.push(name(resolve(dirname(file), spec).replace(/\.js$/, '.ts')));
    else external.push(spec);
  }
  graph.set(name(file), { local, external });
}

/** Import cycles, each as the list of files around it (Tarjan's strongly connected components). */
function cycles(): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string): void => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.local ?? []) {
      if (!graph.has(next)) continue;
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, order.get(next)!));
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = graph.get(node)!.local.includes(node);
      if (component.length > 1 || selfLoop) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!order.has(node)) visit(node);
  return found;
}

describe('source layout', () => {
  it('reads the import graph of every source file', () => {
    expect(graph.size).toBe(files.length);
    expect(graph.get('hostinger/index.ts')?.local).toContain('hostinger/client.ts');
  });

  it('has no import cycle between source files', () => {
    expect(cycles()).toEqual([]);
  });

  it('every relative import names a file that exists', () => {
    const missing = [...graph].flatMap(([file, { local }]) =>
      local.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('core imports nothing outside core but Node built-ins', () => {
    const outside = [...graph]
      .filter(([file]) => file.startsWith('core/'))
      .flatMap(([file, { local, external }]) => [
        ...local.filter((target) => !target.startsWith('core/')).map((target) => `${file} → ${target}`),
        ...external.filter((spec) => !spec.startsWith('node:')).map((spec) => `${file} → ${spec}`),
      ]);
    expect(outside).toEqual([]);
  });

  it('the Hostinger client does not import the Hostinger entry', () => {
    expect(graph.get('hostinger/client.ts')?.local).not.toContain('hostinger/index.ts');
  });
});
