import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** One module of `src/` and the modules of `src/` it imports (resolved to files). */
export interface ModuleImports {
  file: string;
  imports: string[];
}

const SOURCE_EXTENSIONS = ['.ts', '.astro', '.mts', '.mjs'];

/** Every source file under a folder, relative to the project root. */
export function sourceFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (SOURCE_EXTENSIONS.includes(path.extname(entry.name))) out.push(rel);
    }
  };
  walk(folder);
  return out.sort();
}

/**
 * The code of a file that can import: all of a TypeScript module; of an Astro component, its
 * frontmatter and its `<script>` elements (the browser code it bundles).
 */
function importingCode(file: string, text: string): string {
  if (!file.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

/** The specifiers a file imports, static and dynamic (`import()`), type-only ones included. */
export function specifiersOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(importingCode(file, text), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

/** The file a relative specifier names, as the bundler resolves it; undefined for packages. */
export function resolveRelative(root: string, from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.posix.join(path.posix.dirname(from), specifier);
  for (const candidate of [base, ...SOURCE_EXTENSIONS.map((e) => base + e), `${base}/index.ts`]) {
    const full = path.join(root, candidate);
    if (fs.existsSync(full) && fs.statSync(full).isFile()) return candidate;
  }
  return undefined;
}

/** The import graph of the given files, restricted to edges between source files. */
export function importGraph(root: string, files: readonly string[]): ModuleImports[] {
  return files.map((file) => {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    const imports = specifiersOf(file, text)
      .map((s) => resolveRelative(root, file, s))
      .filter((f): f is string => f !== undefined && SOURCE_EXTENSIONS.includes(path.extname(f)));
    return { file, imports: [...new Set(imports)] };
  });
}

/** Groups of modules that import each other, directly or round a loop (Tarjan's algorithm). */
export function importCycles(graph: readonly ModuleImports[]): string[][] {
  const edges = new Map(graph.map((m) => [m.file, m.imports]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || edges.get(v)?.includes(v)) cycles.push(group.sort());
  };
  for (const m of graph) if (!index.has(m.file)) visit(m.file);
  return cycles;
}
