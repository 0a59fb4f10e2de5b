/** See build-heap.mjs. */
export function withBuildHeap(options: string | undefined, root: string): string;
