import type { Browser } from 'playwright-core';
import { median, probeSearch, type ProbeResult } from './search-probe';
import type { StaticServer } from '../lib/serve';

/**
 * A fixed list of queries a reader of these notes types: common words (的 and 学习 are on almost
 * every Chinese page), course terms, and English phrases. The first of each list is typed right
 * after the dialog opens.
 */
export const fixedQueries = {
  zh: [
    '梯度下降',
    '学习率',
    '的',
    '学习',
    '交叉熵',
    '反向传播',
    '权重衰减',
    '卷积',
    '数据增强',
    '批量归一化',
    '嵌入',
    'SGD优化器',
  ],
  en: [
    'gradient descent',
    'learning rate',
    'the',
    'dropout',
    'embedding',
    'softmax',
    'weight decay',
    'convolution',
    'fine-tuning',
    'batch norm',
    'attention',
    'loss',
  ],
};

export interface QueryTiming {
  lang: string;
  term: string;
  ms: number;
  requests: number;
  bytes: number;
  results: number;
}

export interface ScaleSearchFigures {
  queries: QueryTiming[];
  /** Median over the languages of the first query after the dialog opens. */
  firstMs: number;
  /** Median of every later query. */
  laterMedianMs: number;
  laterMaxRequests: number;
  laterMaxBytes: number;
  laterMedianRequests: number;
  laterMedianBytes: number;
}

/** Types the fixed queries into the search dialog of each language's home page. */
export async function timeFixedQueries(
  browser: Browser,
  server: StaticServer,
  base: string,
): Promise<ScaleSearchFigures> {
  const queries: QueryTiming[] = [];
  const firsts: number[] = [];
  for (const [lang, terms] of Object.entries(fixedQueries)) {
    const probed: ProbeResult[] = await probeSearch(
      browser,
      `${server.origin}${base}${lang}/`,
      terms.map((term) => ({ term, truth: [] })),
      { served: server.served, allResults: false },
    );
    probed.forEach((p, i) => {
      queries.push({
        lang,
        term: p.term,
        ms: p.ms,
        requests: p.requests ?? 0,
        bytes: p.bytes ?? 0,
        results: p.returned.length,
      });
      if (i === 0) firsts.push(p.ms);
    });
  }
  const later = queries.filter((q) => q.term !== fixedQueries.zh[0] && q.term !== fixedQueries.en[0]);
  return {
    queries,
    firstMs: median(firsts),
    laterMedianMs: median(later.map((q) => q.ms)),
    laterMaxRequests: Math.max(...later.map((q) => q.requests)),
    laterMaxBytes: Math.max(...later.map((q) => q.bytes)),
    laterMedianRequests: median(later.map((q) => q.requests)),
    laterMedianBytes: median(later.map((q) => q.bytes)),
  };
}
