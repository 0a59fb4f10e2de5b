import { describe, expect, it } from 'vitest';
import {
  clockSeconds,
  findVideoTimes,
  formatClock,
  videoAt,
  videoTime,
  trailingClock,
  withoutVideoTimes,
} from '../../src/lib/video-time';

const url = 'https://youtu.be/abcDEF12345?t=327';

describe('clock times', () => {
  it('reads m:ss, mm:ss and h:mm:ss', () => {
    expect(clockSeconds('5:27')).toBe(327);
    expect(clockSeconds('05:27')).toBe(327);
    expect(clockSeconds('1:02:03')).toBe(3723);
    expect(clockSeconds(' 0:07 ')).toBe(7);
  });

  it('refuses what is not a clock', () => {
    for (const text of ['5', '5:7', '5:60', '1:60:00', 'a:bc', '5:27pm', '', '123:45'])
      expect(clockSeconds(text)).toBeUndefined();
  });

  it('writes seconds back as notes do', () => {
    expect(formatClock(327)).toBe('5:27');
    expect(formatClock(7)).toBe('0:07');
    expect(formatClock(3723)).toBe('1:02:03');
    expect(formatClock(clockSeconds('59:59') ?? -1)).toBe('59:59');
  });

  it('builds the video address at a time, replacing an older t', () => {
    expect(videoAt('https://youtu.be/abc', 327)).toBe('https://youtu.be/abc?t=327');
    expect(videoAt('https://www.youtube.com/watch?v=abc&t=5', 60)).toBe('https://www.youtube.com/watch?v=abc&t=60');
  });
});

describe('timestamp marks', () => {
  it('reads a link as a timestamp only when its text is a clock and it leads to the web', () => {
    expect(videoTime('5:27', url)).toEqual({ clock: '5:27', seconds: 327, href: url });
    expect(videoTime('Lesson 5', url)).toBeUndefined();
    expect(videoTime('5:27', './lesson-5.md')).toBeUndefined();
  });

  it('finds bracketed, escaped and bare marks with their extent', () => {
    const text = `## Cross-entropy [[5:27](${url})] and \\[[1:02:03](https://youtu.be/x?t=3723)\\] or [0:09](https://youtu.be/x?t=9).`;
    const marks = findVideoTimes(text);
    expect(marks.map((m) => m.seconds)).toEqual([327, 3723, 9]);
    expect(marks.map((m) => text.slice(m.index, m.index + m.length))).toEqual([
      `[[5:27](${url})]`,
      '\\[[1:02:03](https://youtu.be/x?t=3723)\\]',
      '[0:09](https://youtu.be/x?t=9)',
    ]);
  });

  it('leaves an unpaired bracket to the author', () => {
    const text = `see [[5:27](${url}) here`;
    const [mark] = findVideoTimes(text);
    expect(mark && text.slice(mark.index, mark.index + mark.length)).toBe(`[5:27](${url})`);
  });

  it('ignores links that are not times', () => {
    expect(findVideoTimes('[lesson 5](https://course.fast.ai) [5:27](./local.md)')).toEqual([]);
  });

  it('finds the form with the brackets inside the link, [[0:17]](url)', () => {
    const text = `### Forum tips and tricks [[0:17]](https://youtu.be/Egp4Zajhzog?t=17)`;
    const [mark] = findVideoTimes(text);
    expect(mark).toMatchObject({ clock: '0:17', seconds: 17, href: 'https://youtu.be/Egp4Zajhzog?t=17' });
    expect(mark && text.slice(mark.index, mark.index + mark.length)).toBe(
      '[[0:17]](https://youtu.be/Egp4Zajhzog?t=17)',
    );
    expect(videoTime('[0:17]', url)).toEqual({ clock: '0:17', seconds: 17, href: url });
    expect(withoutVideoTimes(text)).toBe('### Forum tips and tricks');
  });

  it('reads a clock in parentheses at the end of a heading as a time in the lesson video', () => {
    expect(trailingClock('Forum tips and tricks (0:17)')).toEqual({ clock: '0:17', seconds: 17, index: 21 });
    expect(trailingClock('论坛使用技巧（1:02:03）')).toMatchObject({ seconds: 3723 });
    expect(trailingClock('(0:17)')).toBeUndefined(); // a heading that is only a time keeps it
    expect(trailingClock('Python (3.7) and the ratio (16:9)')).toBeUndefined();
    expect(trailingClock('Steps (0:17) to follow')).toBeUndefined();
    expect(withoutVideoTimes('Forum tips and tricks (0:17)')).toBe('Forum tips and tricks');
  });

  it('gives a heading its clean title', () => {
    expect(withoutVideoTimes(`Cross-entropy [[5:27](${url})]`)).toBe('Cross-entropy');
    expect(withoutVideoTimes(`交叉熵 \\[[5:27](${url})\\] 损失`)).toBe('交叉熵 损失');
    expect(withoutVideoTimes('No marks here')).toBe('No marks here');
  });
});
