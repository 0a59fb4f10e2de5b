/**
 * One value for every copy of a module in this thread. A build loads some modules more than once:
 * the bundled config holds one copy, Vite's module runner another for the content loaders, and Vite
 * bundles the image service apart from both; a value held in a module variable would then be made
 * once per copy. It is held on the thread's global object under `Symbol.for(name)` instead, made
 * by the first copy that asks.
 */
export function threadShared<T>(name: string, make: () => T): T {
  const holder = globalThis as unknown as Record<symbol, unknown>;
  const key = Symbol.for(`fastai-notes:${name}`);
  return (holder[key] ??= make()) as T;
}
