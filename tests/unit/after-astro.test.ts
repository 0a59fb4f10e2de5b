import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AFTER_ASTRO_PLAN, afterAstro, runPlannedSteps } from '../../src/integrations/after-astro';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'after-astro-'));
const done = path.join(folder, 'done.txt');
/** A module of steps, as the search index and the offline reader are: each notes its call. */
const stepsModule = path.join(folder, 'steps.mjs');
fs.writeFileSync(
  stepsModule,
  `import fs from 'node:fs';\n` +
    `export async function first(o, log) { fs.appendFileSync(o.file, 'first ' + o.word + '\\n'); log.info('first'); }\n` +
    `export async function second(o) { fs.appendFileSync(o.file, 'second ' + o.word + '\\n'); }\n` +
    `export async function named(o) { fs.appendFileSync(o.file, 'named ' + o.buildName + '\\n'); }\n`,
);
const silent = { info: () => {}, warn: () => {} };

afterEach(() => {
  delete process.env[AFTER_ASTRO_PLAN];
  fs.rmSync(done, { force: true });
});

describe('steps after Astro (search index, offline reader)', () => {
  it('run in place when Astro was started directly', async () => {
    const first = async (o: { file: string; word: string }) => fs.appendFileSync(o.file, `here ${o.word}\n`);
    await afterAstro(pathToFileURL(stepsModule).href, first, { file: done, word: 'a' }, silent);
    expect(fs.readFileSync(done, 'utf8')).toBe('here a\n');
  });

  it('wait in the plan when the build script started Astro, and then run in the order they came', async () => {
    const plan = path.join(folder, 'plan.json');
    process.env[AFTER_ASTRO_PLAN] = plan;
    // Steps named as the module exports them; run here, they would fail.
    const ranHere = async () => {
      throw new Error('ran in Astro’s process');
    };
    const first: typeof ranHere = () => ranHere();
    const second: typeof ranHere = () => ranHere();
    const logged: string[] = [];
    const logger = { info: (m: string) => logged.push(m), warn: () => {} };
    await afterAstro(pathToFileURL(stepsModule).href, first, { file: done, word: 'x' }, logger);
    await afterAstro(stepsModule, second, { file: done, word: 'y' }, silent);
    expect(fs.existsSync(done)).toBe(false);
    expect(logged).toEqual(["first runs after Astro's process has ended"]);

    const names: string[] = [];
    const ran = await runPlannedSteps(plan, (name) => (names.push(name), silent));
    expect(ran).toBe(2);
    expect(names).toEqual(['first', 'second']);
    expect(fs.readFileSync(done, 'utf8')).toBe('first x\nsecond y\n');
  });

  it('hand each step what the build script found while Astro ran, with its own options', async () => {
    const plan = path.join(folder, 'found-plan.json');
    fs.writeFileSync(plan, JSON.stringify([{ module: stepsModule, name: 'named', options: { file: done } }]));
    expect(await runPlannedSteps(plan, () => silent, { buildName: 'abc123' })).toBe(1);
    expect(fs.readFileSync(done, 'utf8')).toBe('named abc123\n');
  });

  it('say which step a plan names that its module lacks', async () => {
    const plan = path.join(folder, 'bad-plan.json');
    fs.writeFileSync(plan, JSON.stringify([{ module: stepsModule, name: 'third', options: {} }]));
    await expect(runPlannedSteps(plan, () => silent)).rejects.toThrow(`${stepsModule} has no step third`);
  });
});
