import fs from 'node:fs';
import { validateWorkflow } from '@action-validator/core';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { editUrl, repository } from '../../src/lib/page-source';

const source = fs.readFileSync('.github/workflows/deploy.yml', 'utf8');
const workflow = parse(source) as {
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
};
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

  it('sets up Node from .nvmrc, installs, tests, then builds with the Pages base path', () => {
    expect(uses('actions/setup-node')?.with?.['node-version-file']).toBe('.nvmrc');
    const runs = steps.map((s) => s.run ?? '').join('\n');
    expect(runs.indexOf('npm ci')).toBeLessThan(runs.indexOf('npm test'));
    expect(runs.indexOf('npm test')).toBeLessThan(runs.indexOf('npm run build'));
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

  it('uploads dist and deploys it with the official Pages actions', () => {
    expect(uses('actions/upload-pages-artifact')?.with?.['path']).toBe('dist');
    expect(uses('actions/deploy-pages')).toBeDefined();
  });
});
