import type { Locale } from './locales';

/** The minimum a lesson needs for ordering and navigation, independent of Astro's entry type. */
export interface LessonRef {
  slug: string;
  locale: Locale;
  lesson: number;
  part: 1 | 2;
  title: string;
}

/** The course's two parts, with the lesson numbers that belong to each. */
export const courseParts = [
  { part: 1, first: 1, last: 7 },
  { part: 2, first: 8, last: 12 },
] as const;

/**
 * What each lesson of the 2019 course is about, in both languages, from the course's own lesson
 * list: the importer titles a note whose only heading is "Lesson 3" with it.
 */
export const courseLessonTitles: Record<number, Record<Locale, string>> = {
  1: { en: 'Image classification', zh: '图像分类' },
  2: { en: 'Data cleaning and production; SGD from scratch', zh: '数据清洗与上线；从零实现 SGD' },
  3: { en: 'Data blocks; multi-label classification; segmentation', zh: '数据块 API；多标签分类；图像分割' },
  4: { en: 'NLP; tabular data; collaborative filtering; embeddings', zh: '自然语言处理；表格数据；协同过滤；嵌入' },
  5: { en: 'Backpropagation; accelerated SGD; a neural net from scratch', zh: '反向传播；加速 SGD；从零实现神经网络' },
  6: { en: 'Regularization; convolutions; data ethics', zh: '正则化；卷积；数据伦理' },
  7: { en: 'ResNets from scratch; U-Net; generative adversarial networks', zh: '从零实现 ResNet；U-Net；生成对抗网络' },
  8: { en: 'Matrix multiplication; forward and backward passes', zh: '矩阵乘法；前向与反向传播' },
  9: { en: 'Loss functions, optimizers and the training loop', zh: '损失函数、优化器与训练循环' },
  10: { en: 'Looking inside the model', zh: '深入模型内部' },
  11: { en: 'Data block API and a generic optimizer', zh: '数据块 API 与通用优化器' },
  12: { en: 'Advanced training techniques; ULMFiT from scratch', zh: '高级训练技巧；从零实现 ULMFiT' },
};

/**
 * The course part a lesson belongs to.
 * @example partOf(9) // 2
 */
export function partOf(lesson: number): 1 | 2 | undefined {
  return courseParts.find((p) => lesson >= p.first && lesson <= p.last)?.part;
}

/** Course order: by lesson number, then slug so that two notes on one lesson stay stable. */
export function sortLessons<T extends LessonRef>(lessons: readonly T[]): T[] {
  return [...lessons].sort((a, b) => a.lesson - b.lesson || a.slug.localeCompare(b.slug));
}

/** The lessons of one locale grouped by part, in course order; parts without lessons are omitted. */
export function groupByPart<T extends LessonRef>(
  lessons: readonly T[],
  locale: Locale,
): { part: 1 | 2; lessons: T[] }[] {
  const mine = sortLessons(lessons.filter((l) => l.locale === locale));
  return courseParts
    .map(({ part }) => ({ part, lessons: mine.filter((l) => l.part === part) }))
    .filter((group) => group.lessons.length > 0);
}

/** Previous and next lesson of the same locale in course order. */
export function neighbours<T extends LessonRef>(lessons: readonly T[], current: LessonRef): { prev?: T; next?: T } {
  const mine = sortLessons(lessons.filter((l) => l.locale === current.locale));
  const i = mine.findIndex((l) => l.slug === current.slug);
  if (i === -1) return {};
  const result: { prev?: T; next?: T } = {};
  const prev = mine[i - 1];
  const next = mine[i + 1];
  if (prev) result.prev = prev;
  if (next) result.next = next;
  return result;
}

/** The same slug in another locale, if it was written. */
export function counterpart<T extends { slug: string; locale: Locale }>(
  entries: readonly T[],
  current: { slug: string },
  target: Locale,
): T | undefined {
  return entries.find((e) => e.locale === target && e.slug === current.slug);
}

/**
 * Checks that a lesson's number agrees with its part, so a typo in frontmatter is caught with
 * a clear reason instead of a lesson appearing under the wrong heading.
 * @example partMismatch(9, 1) // 'lesson 9 belongs to part 2, not part 1'
 */
export function partMismatch(lesson: number, part: number): string | undefined {
  const owner = courseParts.find((p) => lesson >= p.first && lesson <= p.last);
  if (!owner) return `lesson ${lesson} is outside the course (lessons 1–12)`;
  return owner.part === part ? undefined : `lesson ${lesson} belongs to part ${owner.part}, not part ${part}`;
}
