// The search index as a job beside Eleventy. Worker threads
// (scripts/search-worker.ts) tokenise the transcripts and write their record
// pages while this thread renders the site; then the Pagefind CLI indexes
// them (scripts/search-index.ts). On two cores that turns a sequence (pages,
// then records, then Pagefind) into overlapping work. One job runs at a time;
// `npm start` keeps the workers and the record pages between rebuilds, so an
// edit re-tokenises only the transcripts that changed.
//
// Under `npm start`, Pagefind over the whole archive runs once, at start. After
// that an edit indexes only the transcripts changed since then, into a second
// bundle (`pagefind-delta-N/`), and `pagefind-delta.json` names it and the
// transcripts whose records in the first bundle are out of date; the search
// page (assets/search.js) searches both and hides those. Pagefind's time follows
// the words it indexes, so an edit costs seconds, not a full run. When more
// than `deltaLimit` transcripts have changed, the next run is a full one again.
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { RecordOptions } from "../src/search-records.ts";
import { hasRecordPages, newRecordsDir, recordFolder, recordFolders, runPagefind, type RecordPagesResult, type SearchIndexResult } from "./search-index.ts";

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

/** What the search page reads under `npm start` (`<site>/pagefind-delta.json`). */
export interface DeltaManifest {
  /** The second bundle's folder under the site (`pagefind-delta-N/`), or null when no changed transcript has text. */
  bundle: string | null;
  /** Slugs whose records in the full bundle are out of date (changed, added or removed since it was made). */
  stale: string[];
}

export const DELTA_MANIFEST = "pagefind-delta.json";
const DELTA_FOLDER = /^pagefind-delta-\d+$/;

/** Written whole, then renamed: a search never reads half a manifest. */
function writeManifest(siteDir: string, manifest: DeltaManifest): void {
  const path = join(siteDir, DELTA_MANIFEST);
  writeFileSync(`${path}.tmp`, JSON.stringify(manifest));
  renameSync(`${path}.tmp`, path);
}

/** Removes the second bundles (all but `keep`). */
function removeDeltas(siteDir: string, keep?: string): void {
  if (!existsSync(siteDir)) return;
  for (const name of readdirSync(siteDir)) {
    if (name !== keep && DELTA_FOLDER.test(name)) rmSync(join(siteDir, name), { recursive: true, force: true });
  }
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
    try {
      const shares = this.workers.map(() => [] as SearchJob["items"]);
      for (const item of job.items) shares[shareOf(item.file, shares.length)]!.push(item);
      const written = await Promise.all(
        shares.map((items, i) => this.send(i, { recordsDir, seedsDir: job.seedsDir, items, keep: this.keep, options: job.options ?? {} })),
      );
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
      const recordsMs = performance.now() - started;
      const result = (pages: number, pagefindMs: number) => ({
        records: pages,
        transcripts: job.items.length,
        ms: Math.round(performance.now() - started),
        recordsMs: Math.round(recordsMs),
        pagefindMs,
      });
      if (this.keep && this.full && this.changed.size <= this.deltaLimit(job.items.length)) {
        const delta = await this.indexDelta(recordsDir, job.siteDir, slugs, job.options ?? {});
        return { ...result(delta.pages, delta.ms), delta: { transcripts: delta.transcripts, hidden: this.changed.size } };
      }
      const indexed = await runPagefind(recordsDir, join(job.siteDir, "pagefind"), { passageSize: job.options?.passageSize });
      removeDeltas(job.siteDir);
      // npm start: an empty manifest (the search page reads it before each search; a missing one is a 404 in its console).
      if (this.keep) writeManifest(job.siteDir, { bundle: null, stale: [] });
      else rmSync(join(job.siteDir, DELTA_MANIFEST), { force: true });
      this.full = this.keep;
      this.changed.clear();
      return result(indexed.pages, indexed.ms);
    } finally {
      if (!this.keep) await this.close();
    }
  }

  /** The transcripts changed since the full run, alone in a second bundle, and the manifest naming it. */
  private async indexDelta(recordsDir: string, siteDir: string, slugs: Set<string>, options: RecordOptions): Promise<{ pages: number; ms: number; transcripts: number }> {
    const live = [...this.changed].filter((slug) => slugs.has(slug) && hasRecordPages(recordFolder(recordsDir, slug))).sort();
    const name = `pagefind-delta-${++this.deltas}`;
    let indexed = { pages: 0, ms: 0 };
    if (live.length) indexed = await runPagefind(recordsDir, join(siteDir, name), { slugs: live, passageSize: options.passageSize });
    writeManifest(siteDir, { bundle: live.length ? `${name}/` : null, stale: [...this.changed].sort() });
    removeDeltas(siteDir, live.length ? name : undefined);
    return { ...indexed, transcripts: live.length };
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
