/** Counts by key, for the statistics a file gives of itself (`document-evidence.ts`, `tag-context.ts`). */
export class Counts extends Map<string, number> {
  add(key: string, n: number): void {
    this.set(key, (this.get(key) ?? 0) + n);
  }
  of(key: string): number {
    return this.get(key) ?? 0;
  }
}
