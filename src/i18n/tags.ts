import type { Locale } from '../lib/locales';

/** Names of models, metrics and libraries: written the same in both languages. */
const properNames: Readonly<Record<string, string>> = {
  map: 'mAP',
  ssd: 'SSD',
  yolo: 'YOLO',
  retinanet: 'RetinaNet',
  icevision: 'IceVision',
  keras: 'Keras',
  pytorch: 'PyTorch',
  pycocotools: 'pycocotools',
  'fastai-v2': 'fastai v2',
};

/**
 * Tag names are shared by both languages (they are the URL); a language may show a tag under a
 * translated label. Tags without a label here show their name.
 */
const tagLabels: Record<Locale, Readonly<Record<string, string>>> = {
  en: properNames,
  zh: {
    'object-detection': '目标检测',
    'class-imbalance': '类别不平衡',
    'focal-loss': 'Focal Loss',
    'learning-resources': '学习资源',
    'meta-learning': '学习方法',
    anchors: '锚框',
    dataset: '数据集',
    debugging: '调试',
    hooks: '钩子',
    planning: '计划',
    reflection: '反思',
    visualization: '可视化',
    pets: '宠物数据集',
    ...properNames,
  },
};

/**
 * The label a reader of `locale` sees for a tag.
 * @example tagLabel('zh', 'object-detection') // '目标检测'
 */
export function tagLabel(locale: Locale, tag: string): string {
  return tagLabels[locale][tag] ?? tag;
}
