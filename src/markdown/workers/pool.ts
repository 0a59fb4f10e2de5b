import os from 'node:os';
import { Worker } from 'node:worker_threads';

/** A note to render, as the content layer hands it over. */
export interface RenderJob {
  body: string;
  frontmatter: Record<string, unknown>;
  filePath: string | undefined;
}

/** What Astro stores for a rendered entry (`rendered` of a content-layer entry); the threads keep its HTML aside (../note-html.ts). */
export interface Rendered {
  html: string;
  metadata: Record<string, unknown>;
}

type Reply = { id: number; rendered: Rendered } | { id: number; error: string };

interface Thread {
  worker: Worker;
  pending: Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>;
}

/** The worker could not start or died: the caller renders on the main thread instead. */
export class PoolUnavailable extends Error {}

/** Notes a thread holds (rendering one, the rest waiting) before the main thread takes the next. */
const QUEUED_PER_THREAD = 2;

/**
 * How long the threads stay after their last note, when their owner does not close them first (a
 * build's loader does, as soon as its last load ends: notes-glob.ts).
 */
const IDLE_MS = 1000;

/**
 * Renders notes on worker threads, each with its own copy of the Markdown pipeline, so a build
 * uses every core for what costs most (Shiki, KaTeX, remark and rehype run per note); the main
 * thread, otherwise idle while notes render, takes a note whenever the threads are busy. A job
 * goes to the thread with the fewest waiting. The threads start with the first note and stop a moment
 * after the last (each holds its own Shiki and KaTeX, which the rest of the build does not need);
 * a thread keeps the process alive only while it has work.
 */
export class RenderPool {
  readonly #threads: Thread[] = [];
  #nextId = 0;
  #broken: Error | undefined;
  #idle: NodeJS.Timeout | undefined;
  /** The environment the threads read their setup from (NOTES_DIR, BASE_PATH…), as it was when the pool was made. */
  readonly #env = { ...process.env };

  /** The pipeline's module, once made for the first thread. */
  #pipeline: string | undefined;

  /**
   * @param pipeline Makes the Markdown pipeline, src/markdown/config.ts bundled as JavaScript
   *   (pipeline-bundle.ts), from which each thread builds its plugins and code highlighting; called
   *   when the first thread starts.
   * @param markdownOptions Astro's Markdown options (data only).
   * @param htmlDir Where the threads write each note's HTML (../note-html.ts).
   */
  constructor(
    private readonly workerFile: URL,
    private readonly pipeline: () => URL,
    private readonly markdownOptions: object,
    private readonly size: number,
    private readonly htmlDir: string,
  ) {}

  render(job: RenderJob): Promise<Rendered> {
    if (this.#broken) return Promise.reject(this.#broken);
    clearTimeout(this.#idle);
    if (!this.#threads.length) this.#start();
    if (this.#broken) return Promise.reject(this.#broken);
    const thread = this.#threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      if (thread.pending.size === 0) thread.worker.ref();
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, ...job });
    });
  }

  /**
   * Whether every thread has work queued behind the note it is rendering: a note given now would
   * wait, and the main thread, idle while the threads render, may as well take it.
   */
  busy(): boolean {
    return this.#threads.length > 0 && this.#threads.every((t) => t.pending.size >= QUEUED_PER_THREAD);
  }

  /** Stops the threads now and for good. */
  async close(): Promise<void> {
    this.#broken ??= new PoolUnavailable('the render threads were closed');
    clearTimeout(this.#idle);
    await this.#stop();
  }

  #start(): void {
    try {
      this.#pipeline ??= this.pipeline().href;
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      this.#broken = new PoolUnavailable(
        `the Markdown pipeline could not be bundled for the render threads (${reason})`,
      );
      return;
    }
    for (let i = 0; i < this.size; i++) {
      // A thread holds one note's trees at a time besides Shiki and KaTeX; one that runs out of
      // memory on a huge note stops, and the notes left render on the main thread.
      const worker = new Worker(this.workerFile, {
        workerData: { pipeline: this.#pipeline, markdownOptions: this.markdownOptions, htmlDir: this.htmlDir },
        env: this.#env,
        execArgv: threadExecArgv(process.execArgv),
        resourceLimits: { maxOldGenerationSizeMb: 256 },
      });
      const thread: Thread = { worker, pending: new Map() };
      worker.unref();
      worker.on('message', (reply: Reply) => this.#settle(thread, reply));
      const fail = (error: Error) => {
        if (!this.#threads.includes(thread)) return; // stopped on purpose
        this.#broken ??= new PoolUnavailable(`Markdown render thread stopped: ${error.message}`);
        for (const job of thread.pending.values()) job.reject(this.#broken);
        thread.pending.clear();
      };
      worker.on('error', fail);
      worker.on('exit', (code) => fail(new Error(`exit code ${code}`)));
      this.#threads.push(thread);
    }
  }

  async #stop(): Promise<void> {
    const stopping = this.#threads.splice(0);
    await Promise.all(stopping.map((t) => t.worker.terminate()));
  }

  #settle(thread: Thread, reply: Reply): void {
    const job = thread.pending.get(reply.id);
    if (!job) return;
    thread.pending.delete(reply.id);
    if (thread.pending.size === 0) thread.worker.unref();
    if ('error' in reply) job.reject(new Error(reply.error));
    else job.resolve(reply.rendered);
    if (this.#threads.every((t) => t.pending.size === 0)) {
      this.#idle = setTimeout(() => void this.#stop(), IDLE_MS);
      this.#idle.unref();
    }
  }
}

/**
 * The process's Node flags a thread may take. A thread started from a file refuses
 * `--input-type` (a build started as `node --input-type=module -e …`, as the bench's are) and the
 * heap flags, which `resourceLimits` sets for threads instead; nor does it take `--expose-gc`
 * (`node --expose-gc`: the build's collections run on the main thread).
 * @example threadExecArgv(['--input-type=module', '--max-old-space-size=1024', '--no-warnings']) // ['--no-warnings']
 */
export function threadExecArgv(flags: readonly string[]): string[] {
  return flags.filter((flag) => !/^--(input-type|max-old-space-size|max-semi-space-size|expose[-_]gc)\b/.test(flag));
}

/**
 * How many render threads to start: one per core beside the main thread's, which renders too
 * (RenderPool.busy), at most three. None on a single core, where the main thread renders alone.
 */
export function renderThreads(cores = os.availableParallelism()): number {
  return Math.min(cores - 1, 3);
}
