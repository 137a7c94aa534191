// The search index job, step by step:
//
//   1. records        record-pages.ts   each transcript's record page and passages (worker threads)
//   2. Pagefind run   pagefind-run.ts   the Pagefind CLI over the record pages → a bundle
//   3. filter files   canonical-filters.ts  in canonical order (byte-identical rebuilds)
//   4. bundle map     bundle-map.ts     Pagefind's page ids → slugs; Pagefind's fragments removed
//   5. passages       record-pages.ts   copied into the bundle
//   6. manifest       manifest.ts       npm start only: the edits' second bundle
//
// A build starts the job beside Eleventy: worker threads (worker.ts) tokenise the transcripts
// and write their record pages while the main thread renders the pages; then Pagefind indexes
// them. On two cores that turns a sequence into overlapping work. One job runs at a time;
// `npm start` keeps the workers and the record pages between rebuilds, so an edit re-tokenises
// only the transcripts that changed, and after the first full run an edit is indexed alone into
// a second bundle: Pagefind's time follows the words it indexes, so an edit costs seconds, not
// a full run. When more than `deltaLimit` transcripts have changed, the next run is a full one.
import { existsSync, readdirSync, rmSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Transcript } from "../model.ts";
import { writeBundleMap } from "./bundle-map.ts";
import { canonicaliseFilters } from "./canonical-filters.ts";
import { deltaFolder, removeDeltas, removeManifest, writeManifest } from "./manifest.ts";
import { runPagefind } from "./pagefind-run.ts";
import { DEFAULT_PASSAGE_SIZE } from "./passages.ts";
import { copyPassages, fieldPositionsOf, hasRecordPages, newRecordsDir, recordFolder, recordFolders, writeRecordPages, type RecordPagesResult } from "./record-pages.ts";
import type { RecordOptions } from "./records.ts";

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

export interface SearchIndexResult {
  /** Pagefind pages (transcripts with text) in the index. */
  records: number;
  /** Transcripts indexed. */
  transcripts: number;
  /** Wall time of the indexing, in ms: making the record pages, then Pagefind. */
  ms: number;
  /** Of which: making the record pages (tokenising, segmenting Chinese), and the bundle (Pagefind and what follows). */
  recordsMs: number;
  pagefindMs: number;
  /**
   * `npm start` after its first run: the transcripts changed since then were indexed alone into a
   * second, small bundle; `records` counts that bundle's pages.
   */
  delta?: { transcripts: number; hidden: number };
}

/**
 * Steps 2 to 5: the record pages in `recordsDir` (of `slugs` only, when given) as a bundle the
 * search page reads, at `bundle`. Returns the pages indexed and the time taken.
 */
export async function makeBundle(recordsDir: string, bundle: string, run: { slugs?: readonly string[]; passageSize?: number } = {}): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const empty = !run.slugs && !hasRecordPages(recordsDir);
  const pages = await runPagefind(recordsDir, bundle, { slugs: run.slugs, empty });
  await canonicaliseFilters(bundle);
  const slugs = writeBundleMap(bundle, run.passageSize ?? DEFAULT_PASSAGE_SIZE, (slug) => fieldPositionsOf(recordsDir, slug));
  copyPassages(recordsDir, bundle, slugs);
  return { pages, ms: Math.round(performance.now() - started) };
}

/** All steps in this thread, over transcripts already read: for tools and benchmarks (a build uses SearchIndexer). */
export async function indexTranscripts(siteDir: string, transcripts: readonly Transcript[], options: RecordOptions = {}): Promise<SearchIndexResult> {
  const recordsDir = newRecordsDir();
  try {
    const written = writeRecordPages(recordsDir, transcripts, options);
    const bundle = await makeBundle(recordsDir, join(siteDir, "pagefind"), { passageSize: options.passageSize });
    return { records: written.records, transcripts: written.slugs.length, ms: written.ms + bundle.ms, recordsMs: written.ms, pagefindMs: bundle.ms };
  } finally {
    rmSync(recordsDir, { recursive: true, force: true });
  }
}

/** A stable worker for a file, so that under `npm start` the worker that wrote its pages is asked again. */
function shareOf(file: string, workers: number): number {
  let h = 0;
  for (let i = 0; i < file.length; i++) h = (h * 31 + file.charCodeAt(i)) >>> 0;
  return h % workers;
}

export interface SearchIndexerOptions {
  /** Worker threads (default: up to 2). */
  workers?: number;
  /** npm start: beyond this many changed transcripts, a full run instead of a second bundle (default: 5% of the archive, at least 20). */
  deltaLimit?: (transcripts: number) => number;
}

export class SearchIndexer {
  private readonly workers: (Worker | undefined)[];
  private readonly deltaLimit: (transcripts: number) => number;
  private queue: Promise<unknown> = Promise.resolve();
  private recordsDir: string | undefined;
  /** npm start: has the full bundle been made, and which slugs changed since. */
  private full = false;
  private readonly changed = new Set<string>();
  private deltas = 0;

  /** `keep`: keep the workers and record pages between jobs, and index edits into a second bundle (npm start); else each job starts afresh. */
  constructor(private readonly keep: boolean, options: SearchIndexerOptions = {}) {
    const workers = options.workers ?? Math.max(1, Math.min(2, availableParallelism()));
    this.deltaLimit = options.deltaLimit ?? ((n) => Math.max(20, Math.ceil(n * 0.05)));
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
    const passageSize = job.options?.passageSize;
    try {
      // 1. Records, by the workers.
      const slugs = await this.writeRecords(recordsDir, job);
      const recordsMs = Math.round(performance.now() - started);
      const result = (pages: number, pagefindMs: number): SearchIndexResult => ({
        records: pages,
        transcripts: job.items.length,
        ms: Math.round(performance.now() - started),
        recordsMs,
        pagefindMs,
      });
      // npm start, after the first full run: 2–5 over the changed transcripts alone, into a second bundle, and 6.
      if (this.keep && this.full && this.changed.size <= this.deltaLimit(job.items.length)) {
        const live = [...this.changed].filter((slug) => slugs.has(slug) && hasRecordPages(recordFolder(recordsDir, slug))).sort();
        const name = deltaFolder(++this.deltas);
        const bundle = live.length ? await makeBundle(recordsDir, join(job.siteDir, name), { slugs: live, passageSize }) : { pages: 0, ms: 0 };
        writeManifest(job.siteDir, { bundle: live.length ? `${name}/` : null, stale: [...this.changed].sort() });
        removeDeltas(job.siteDir, live.length ? name : undefined);
        return { ...result(bundle.pages, bundle.ms), delta: { transcripts: live.length, hidden: this.changed.size } };
      }
      // 2–5 over every transcript.
      const bundle = await makeBundle(recordsDir, join(job.siteDir, "pagefind"), { passageSize });
      // 6. npm start: an empty manifest (the search page reads it before each search; a missing one is a 404 in its console).
      removeDeltas(job.siteDir);
      if (this.keep) writeManifest(job.siteDir, { bundle: null, stale: [] });
      else removeManifest(job.siteDir);
      this.full = this.keep;
      this.changed.clear();
      return result(bundle.pages, bundle.ms);
    } finally {
      if (!this.keep) await this.close();
    }
  }

  /** Step 1: the workers write the record pages of their share; pages of transcripts that are gone leave. Returns the job's slugs. */
  private async writeRecords(recordsDir: string, job: SearchJob): Promise<Set<string>> {
    const shares = this.workers.map(() => [] as SearchJob["items"]);
    for (const item of job.items) shares[shareOf(item.file, shares.length)]!.push(item);
    const written = await Promise.all(shares.map((items, i) => this.send(i, { recordsDir, seedsDir: job.seedsDir, items, keep: this.keep, options: job.options ?? {} })));
    for (const w of written) for (const slug of w.slugs) this.changed.add(slug);
    // Pages of transcripts that are gone (or moved to another slug) leave the index.
    const slugs = new Set(job.items.map((i) => i.slug));
    const folders = recordFolders(recordsDir);
    if (existsSync(folders)) {
      for (const name of readdirSync(folders)) {
        if (slugs.has(name)) continue;
        rmSync(join(folders, name), { recursive: true, force: true });
        this.changed.add(name);
      }
    }
    return slugs;
  }

  private send(i: number, job: RecordJob): Promise<RecordPagesResult> {
    const worker = (this.workers[i] ??= new Worker(new URL("./worker-boot.mjs", import.meta.url), {
      workerData: { entry: new URL("./worker.ts", import.meta.url).href },
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
