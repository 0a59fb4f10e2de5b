/** See build-env.mjs. */
export function withBuildHeap(options: string | undefined, root: string): string;
export function buildEnv<E extends Record<string, string | undefined>>(
  env: E,
  root: string,
): E & { NODE_OPTIONS: string; MIMALLOC_PURGE_DELAY: string };
