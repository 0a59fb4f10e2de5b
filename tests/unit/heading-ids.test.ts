import { describe, expect, it } from 'vitest';
import { headingIdOf, mdxIdMessage, mdxIdMistakes } from '../../src/lib/heading-ids';

describe('heading id syntax', () => {
  it('reads every written form of an explicit id', () => {
    expect(headingIdOf('Alerts {#alerts}')).toEqual({ text: 'Alerts', id: 'alerts' });
    expect(headingIdOf('Alerts {/* #alerts */}')).toEqual({ text: 'Alerts', id: 'alerts' });
    expect(headingIdOf('Alerts {/*#alerts*/}')).toEqual({ text: 'Alerts', id: 'alerts' });
    expect(headingIdOf('Alerts \\{#alerts\\}')).toEqual({ text: 'Alerts', id: 'alerts' });
    expect(headingIdOf('Alerts')).toEqual({ text: 'Alerts', id: undefined });
    expect(headingIdOf('Alerts {/* a comment */}').id).toBeUndefined();
  });

  it('finds {#id} headings an .mdx file cannot parse, outside code fences', () => {
    const source = [
      '---',
      'title: x',
      '---',
      '',
      '## Alerts {#alerts}',
      '',
      '```md',
      '## In code {#code}',
      '```',
      '### Fine {/* #fine */}',
      '### Escaped \\{#esc\\}',
      '#### Deep {#deep}',
    ].join('\n');
    expect(mdxIdMistakes(source)).toEqual([
      { line: 5, id: 'alerts', written: '## Alerts {#alerts}', suggested: '## Alerts {/* #alerts */}' },
      { line: 12, id: 'deep', written: '#### Deep {#deep}', suggested: '#### Deep {/* #deep */}' },
    ]);
  });

  it('says which file and line, and what to write instead', () => {
    const message = mdxIdMessage('content/lessons/en/lesson-3.mdx', mdxIdMistakes('intro\n\n## Alerts {#alerts}'));
    expect(message).toContain('content/lessons/en/lesson-3.mdx:3: ## Alerts {#alerts}');
    expect(message).toContain('write instead: ## Alerts {/* #alerts */}');
    expect(message).toContain('{/* #id */}');
  });
});
