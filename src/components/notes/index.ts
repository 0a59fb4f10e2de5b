/**
 * Components a note written in `.mdx` can use, imported from one place:
 * `import { Aside, Answer, Figure, TabItem, Tabs, VideoTime } from '@notes/components';`
 * (the alias is set in astro.config.ts and tsconfig.json). README "Writing notes" shows each.
 */
export { default as Answer } from './Answer.astro';
export { default as Aside } from './Aside.astro';
export { default as Figure } from './Figure.astro';
export { default as TabItem } from './TabItem.astro';
export { default as Tabs } from './Tabs.astro';
export { default as VideoTime } from './VideoTime.astro';
