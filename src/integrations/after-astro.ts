import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { AstroIntegrationLogger } from 'astro';

/**
 * Steps that run once Astro has written the site: the search index, then the offline reader. In
 * Astro's own process at `astro:build:done` they ran beside everything Astro still held (at 1,000
 * notes a language, about 1.1 GB while Pagefind's binary took 1.4 GB more). `npm run build`
 * (scripts/build.ts) therefore starts Astro with a plan file named in `AFTER_ASTRO_PLAN`: the
 * steps are written there, in the order they came, and run in the process that started Astro
 * once Astro's has ended. Without the variable (`astro build` run directly) they run in place.
 */
export const AFTER_ASTRO_PLAN = 'AFTER_ASTRO_PLAN';

/** What a step writes in its log: Astro's integration logger, or the build script's. */
export type StepLogger = Pick<AstroIntegrationLogger, 'info' | 'warn'>;

/** A step as the plan holds it: the module and export that run it, and its options (plain data). */
export interface PlannedStep {
  module: string;
  name: string;
  options: unknown;
}

/** A step: an exported function of a module, called with plain data and a logger. */
export type Step<O> = (options: O, logger: StepLogger) => Promise<void>;

/**
 * Runs `step` now, or, when Astro was started by the build script, adds it to the plan.
 * @param module the module (`import.meta.url`) that exports `step` under the step's own name.
 */
export async function afterAstro<O>(module: string, step: Step<O>, options: O, logger: StepLogger): Promise<void> {
  const plan = process.env[AFTER_ASTRO_PLAN];
  if (!plan) return step(options, logger);
  const steps = fs.existsSync(plan) ? (JSON.parse(fs.readFileSync(plan, 'utf8')) as PlannedStep[]) : [];
  steps.push({ module, name: step.name, options });
  fs.writeFileSync(plan, JSON.stringify(steps));
  logger.info(`${step.name} runs after Astro's process has ended`);
}

/**
 * What the build script works out while Astro runs, on the core Astro's process leaves it, and
 * hands to every step with the step's own options.
 */
export interface FoundWhileAstroRan {
  /** The build's name (offline/build-id.ts), of the notes and code as the build began. */
  buildName?: string;
}

/** Runs the steps a build planned, in order, each with its options and what the script `found`. */
export async function runPlannedSteps(
  plan: string,
  logger: (name: string) => StepLogger,
  found: FoundWhileAstroRan = {},
): Promise<number> {
  if (!fs.existsSync(plan)) return 0;
  const steps = JSON.parse(fs.readFileSync(plan, 'utf8')) as PlannedStep[];
  for (const { module, name, options } of steps) {
    const loaded = (await import(
      /* @vite-ignore */ module.startsWith('file:') ? module : pathToFileURL(module).href
    )) as Record<string, unknown>;
    const step = loaded[name];
    if (typeof step !== 'function') throw new Error(`${module} has no step ${name}`);
    await (step as Step<unknown>)({ ...(options as object), ...found }, logger(name));
  }
  return steps.length;
}
