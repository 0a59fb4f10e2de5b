/** Ids and keys for tab groups (the Tabs note component). */

let groups = 0;

/**
 * A fresh id prefix for a tab group: unique among the groups rendered by this build, so two groups
 * with the same tabs on one page never share element ids.
 */
export function tabGroupId(labels: readonly string[]): string {
  groups += 1;
  const stem = labels
    .join('-')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 24);
  return `tabs-${stem || 'group'}-${groups}`;
}

/**
 * The key under which the reader's choice is remembered and groups switch together: the author's
 * `syncKey`, else the group's labels, so every "fastai v1 | PyTorch" group follows the last choice.
 * @example tabSyncKey(['fastai v1', 'PyTorch']) // 'fastai v1|PyTorch'
 */
export function tabSyncKey(labels: readonly string[], syncKey?: string): string {
  return syncKey?.trim() || labels.join('|');
}
