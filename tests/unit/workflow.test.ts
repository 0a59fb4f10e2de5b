import fs from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editUrl, repository } from '../../src/node/page-source';

interface Workflow {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string };
  jobs: Record<
    string,
    {
      needs?: string;
      permissions?: Record<string, string>;
      steps: {
        uses?: string;
        run?: string;
        with?: Record<string, string | number>;
        env?: Record<string, string>;
        id?: string;
      }[];
    }
  >;
}
const source = fs.readFileSync('.github/workflows/deploy.yml', 'utf8');
const workflow = parse(source) as Workflow;
const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
const uses = (action: string) => steps.find((s) => s.uses?.startsWith(`${action}@`));

describe('the GitHub Pages workflow', () => {
  it('is a valid workflow by the published schema', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
    // The validator does reject a broken workflow, so the check above means something.
    expect(validateWorkflow('on: push\njobs:\n  build:\n    steps: 3\n').errors.length).toBeGreaterThan(0);
  });

  it('runs on pushes to main and on demand, one deployment at a time', () => {
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
    expect(workflow.concurrency.group).toBeTruthy();
  });

  it('grants only read access by default and Pages rights only to the deploy job', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.jobs['build']?.permissions).toBeUndefined();
    expect(workflow.jobs['deploy']?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(workflow.jobs['deploy']?.needs).toBe('build');
  });

  it('sets up Node from .nvmrc, installs, checks the notes, then builds with the Pages base path', () => {
    expect(uses('actions/setup-node')?.with?.['node-version-file']).toBe('.nvmrc');
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm run check:content'));
    expect(runs.indexOf('npm run check:content')).toBeLessThan(runs.indexOf('npm run build'));
    expect(runs.indexOf('npm run build')).toBeLessThan(runs.indexOf('npm run check:dist dist'));
    // A pushed note does not wait for the engine's suite: that is test.yml's job.
    expect(runs).not.toMatch(/npm (run )?test\b/);
    const pagesId = uses('actions/configure-pages')?.id;
    const build = steps.find((s) => s.run?.includes('npm run build'));
    expect(build?.env?.['BASE_PATH']).toBe(`\${{ steps.${pagesId}.outputs.base_path }}`);
    expect(build?.env?.['SITE_URL']).toBe(`\${{ steps.${pagesId}.outputs.origin }}`);
  });

  it('builds with the full history and edit links to the repository it runs in', () => {
    expect(uses('actions/checkout')?.with?.['fetch-depth']).toBe(0);
    const build = steps.find((s) => s.run?.includes('npm run build'));
    expect(build?.env?.['REPO_URL']).toBe('${{ github.server_url }}/${{ github.repository }}');
    expect(build?.env?.['REPO_BRANCH']).toBe('${{ github.event.repository.default_branch }}');
    // What the workflow fills in is what the site accepts.
    const filled = repository({ REPO_URL: 'https://github.com/octo/fastai-notes', REPO_BRANCH: 'main' });
    expect(filled && editUrl(filled, 'content/lessons/en/lesson-1.md', process.cwd())).toBe(
      'https://github.com/octo/fastai-notes/edit/main/content/lessons/en/lesson-1.md',
    );
  });

  it('keeps Astro’s cache between deploys, restored after npm ci and before the build', () => {
    const cache = uses('actions/cache');
    expect(cache?.with?.['path']).toBe('node_modules/.astro');
    // A new key each deploy (a cache entry is never overwritten), the last one restored by prefix.
    expect(String(cache?.with?.['key'])).toMatch(/\$\{\{ github\.sha \}\}$/);
    expect(String(cache?.with?.['key']).startsWith(String(cache?.with?.['restore-keys']))).toBe(true);
    const at = (s: (typeof steps)[number] | undefined) => steps.indexOf(s!);
    expect(at(cache)).toBeGreaterThan(at(steps.find((s) => s.run === 'npm ci')));
    expect(at(cache)).toBeLessThan(at(steps.find((s) => s.run?.includes('npm run build'))));
  });

  it('uploads dist and deploys it with the official Pages actions', () => {
    expect(uses('actions/upload-pages-artifact')?.with?.['path']).toBe('dist');
    expect(uses('actions/deploy-pages')).toBeDefined();
  });
});

describe('the test workflow', () => {
  const testSource = fs.readFileSync('.github/workflows/test.yml', 'utf8');
  const tests = parse(testSource) as Workflow;
  const testSteps = Object.values(tests.jobs).flatMap((j) => j.steps);

  it('is a valid workflow by the published schema', () => {
    expect(validateWorkflow(testSource).errors).toEqual([]);
  });

  it('runs on pull requests and on pushes that change anything but the notes', () => {
    expect(tests.on).toHaveProperty('pull_request');
    expect(tests.on['push']).toEqual({ 'paths-ignore': ['content/**'] });
    expect(tests.permissions).toEqual({ contents: 'read' });
  });

  it('installs, then runs exactly the README’s test command, with the full history', () => {
    const runs = testSteps.map((s) => s.run ?? '');
    const readme = fs.readFileSync('README.md', 'utf8');
    const command = /Run the tests:\s*```bash\n([^\n]+)\n```/.exec(readme)?.[1];
    expect(command).toBe('npm test');
    expect(runs.indexOf('npm ci')).toBeGreaterThanOrEqual(0);
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf(command!));
    expect(testSteps.find((s) => s.uses?.startsWith('actions/checkout@'))?.with?.['fetch-depth']).toBe(0);
    expect(testSteps.find((s) => s.uses?.startsWith('actions/setup-node@'))?.with?.['node-version-file']).toBe(
      '.nvmrc',
    );
  });
});
