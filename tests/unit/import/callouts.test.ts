import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/import/cli';

let tmp: string;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'import-callouts-'));
});
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

const note = `# Lesson 2

> [!NOTE]
> Save the model after each stage.

:::tip[学习率怎么选]
选陡峭下降的那一段，不要选最低点。
:::

这一课讲的是**《从数据到产品》**，也就是把模型放到网上去用，以及如何清理数据。

## Cleaning up [[23:42](https://youtu.be/abc?t=1422)]

> [!warning]
> Do not delete the validation images.
`;

describe('the importer and callouts', () => {
  it('keeps GitHub alerts and ::: callouts as written, and does not take a summary from them', () => {
    const src = path.join(tmp, 'src', 'english');
    fs.mkdirSync(src, { recursive: true });
    fs.writeFileSync(path.join(src, 'Lesson2.md'), note);
    const out = path.join(tmp, 'notes');
    runImport({ sources: [path.join(tmp, 'src')], out, dryRun: false, force: false });
    const written = fs.readFileSync(path.join(out, 'lessons/zh/lesson-2.md'), 'utf8');
    expect(written).toContain('> [!NOTE]\n> Save the model after each stage.');
    expect(written).toContain(':::tip[学习率怎么选]\n选陡峭下降的那一段，不要选最低点。\n:::');
    expect(written).toContain('> [!warning]\n> Do not delete the validation images.');
    const summary = /^summary: "(.*)"$/m.exec(written)?.[1];
    expect(summary).toBe('这一课讲的是《从数据到产品》，也就是把模型放到网上去用，以及如何清理数据。');
  });
});
