// The search index as a job beside Eleventy. Worker threads
// (scripts/search-worker.ts) tokenise the transcripts and write their record
// pages while this thread renders the site; then the Pagefind CLI indexes
// them (scripts/search-index.ts). On two cores that turns a sequence (pages,
// then records, then Pagefind) into overlapping work. One job runs at a time;
// `npm start` keeps the workers and the record pages between rebuilds, so an
// edit re-tokenises only the transcripts that changed.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { RecordOptions } from "../src/search-records.ts";
import { newRecordsDir, runPagefind, type RecordPagesResult, type SearchIndexResult } from "./search-index.ts";

/** What one worker is asked to do. */
export interface RecordJob {
  recordsDir: string;
  seedsDir: string;
  /** Transcripts by file (relative to seedsDir) and the slug the archive gave them. */
  items: { file: string; slug: string }[];
  /** Skip transcripts whose pages this worker already wrote into recordsDir (npm start). */
  keep: boolean;
  options: RecordOptions;
}

export type RecordJobReply = { ok: true; result: RecordPagesResult } | { ok: false; message: string };

export interface SearchJob {
  /** The site folder; the bundle goes to `<siteDir>/pagefind/`. */
  siteDir: string;
  seedsDir: string;
  items: { file: string; slug: string }[];
  options?: RecordOptions;
}

/** A stable worker for a file, so that under `npm start` the worker that wrote its pages is asked again. */
function shareOf(file: string, workers: number): number {
  let h = 0;
  for (let i = 0; i < file.length; i++) h = (h * 31 + file.charCodeAt(i)) >>> 0;
  return h % workers;
}

export class SearchIndexer {
  private readonly workers: (Worker | undefined)[];
  private queue: Promise<unknown> = Promise.resolve();
  private recordsDir: string | undefined;

  /** `keep`: keep the workers and record pages between jobs (npm start); else each job starts afresh. */
  constructor(private readonly keep: boolean, workers = Math.max(1, Math.min(2, availableParallelism()))) {
    this.workers = Array.from({ length: workers }, () => undefined);
    // The record pages kept for `npm start` go when the process does.
    if (keep) process.once("exit", () => this.recordsDir && rmSync(this.recordsDir, { recursive: true, force: true }));
  }

  /** Index `items` into `siteDir/pagefind/`; resolves when the bundle is on disk. Jobs run one after another. */
  run(job: SearchJob): Promise<SearchIndexResult> {
    const next = this.queue.then(() => this.index(job));
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Ends the workers and removes the record pages (a build's process can then exit). */
  async close(): Promise<void> {
    const workers = [...this.workers];
    this.workers.fill(undefined);
    await Promise.all(workers.map((w) => w?.terminate()));
    if (this.recordsDir) rmSync(this.recordsDir, { recursive: true, force: true });
    this.recordsDir = undefined;
  }

  private async index(job: SearchJob): Promise<SearchIndexResult> {
    const started = performance.now();
    // Without `keep`, close() after each job has removed the last folder.
    const recordsDir = (this.recordsDir ??= newRecordsDir());
    try {
      const shares = this.workers.map(() => [] as SearchJob["items"]);
      for (const item of job.items) shares[shareOf(item.file, shares.length)]!.push(item);
      await Promise.all(
        shares.map((items, i) => this.send(i, { recordsDir, seedsDir: job.seedsDir, items, keep: this.keep, options: job.options ?? {} })),
      );
      // Pages of transcripts that are gone (or moved to another slug) leave the index.
      const slugs = new Set(job.items.map((i) => i.slug));
      const folders = join(recordsDir, "t");
      if (existsSync(folders)) for (const name of readdirSync(folders)) if (!slugs.has(name)) rmSync(join(folders, name), { recursive: true, force: true });
      const recordsMs = performance.now() - started;
      const indexed = await runPagefind(recordsDir, join(job.siteDir, "pagefind"));
      return {
        records: indexed.pages,
        transcripts: job.items.length,
        ms: Math.round(performance.now() - started),
        recordsMs: Math.round(recordsMs),
        pagefindMs: indexed.ms,
      };
    } finally {
      if (!this.keep) await this.close();
    }
  }

  private send(i: number, job: RecordJob): Promise<RecordPagesResult> {
    const worker = (this.workers[i] ??= new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("./search-worker.ts", import.meta.url).href },
    }));
    return new Promise((resolve, reject) => {
      const stop = () => {
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
      };
      const onMessage = (reply: RecordJobReply) => {
        stop();
        if (reply.ok) resolve(reply.result);
        else reject(new Error(`search index: ${reply.message}`));
      };
      const lost = (err: Error) => {
        stop();
        if (this.workers[i] === worker) this.workers[i] = undefined;
        reject(err);
      };
      const onError = (err: Error) => lost(err);
      const onExit = (code: number) => lost(new Error(`search index: a worker stopped (exit code ${code})`));
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.on("exit", onExit);
      worker.postMessage(job);
    });
  }
}
