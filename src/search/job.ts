// The search index job. The index is cut into shards (shards.ts), each a Pagefind bundle of its
// own under `_site/pagefind/<shard>/`, listed newest first in `_site/pagefind/shards.json`. For
// each shard, step by step:
//
//   1. records        record-pages.ts       each transcript's record page and passages (worker threads)
//   2. Pagefind run   pagefind-run.ts       the Pagefind CLI over the shard's record pages → a bundle
//   3. filter files   canonical-filters.ts  in canonical order (byte-identical rebuilds)
//   4. bundle map     bundle-map.ts         Pagefind's page ids → slugs; Pagefind's fragments removed
//   5. passages       record-pages.ts       copied into the bundle
//   then the bundle is kept in the shard cache (shard-cache.ts), whose copy replaces steps 1–5
//   when the shard's transcripts and the code are unchanged; and, under npm start only,
//   6. manifest       manifest.ts           the edits' second bundle
//
// A build starts the job beside Eleventy: worker threads (worker.ts) write a shard's record pages
// while the main thread renders the pages, and Pagefind indexes a shard while the workers write
// the next. One job runs at a time; `npm start` keeps the workers and the record pages between
// rebuilds, so an edit re-tokenises only the transcripts that changed, and after the first full
// run an edit is indexed alone into a second bundle: Pagefind's time follows the words it
// indexes, so an edit costs seconds, not a shard. When more than `deltaLimit` transcripts have
// changed, the next run is a full one (the cache makes unchanged shards cost a copy).
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import type { Transcript, TranscriptCard } from "../model.ts";
import { writeBundleMap } from "./bundle-map.ts";
import { canonicaliseFilters } from "./canonical-filters.ts";
import { deltaFolder, removeDeltas, removeManifest, writeManifest } from "./manifest.ts";
import { runPagefind } from "./pagefind-run.ts";
import { DEFAULT_PASSAGE_SIZE } from "./passages.ts";
import { copyPassages, fieldPositionsOf, hasRecordPage, newRecordsDir, recordFolder, recordFolders, writeRecordPages, type RecordPagesResult } from "./record-pages.ts";
import type { RecordOptions } from "./records.ts";
import { ShardCache, shardKey } from "./shard-cache.ts";
import { assignShards, DEFAULT_SHARD_LIMITS, textBytes, type Shard, type ShardItem, type ShardLimits } from "./shards.ts";

/** A transcript as the job sees it: what its shard follows (its slug, the one the archive gave it; date; size), and where it is. */
export type SearchItem = ShardItem & {
  /** Relative to the seeds folder. */
  file: string;
};

/** A transcript (or its card) as a search item. */
export const searchItem = (t: Transcript | TranscriptCard): SearchItem => ({ file: t.file, slug: t.slug, date: t.meta.date, bytes: "bytes" in t ? t.bytes : textBytes(t) });

/** What one worker is asked to do. */
export interface RecordJob {
  recordsDir: string;
  seedsDir: string;
  /** Transcripts by file (relative to seedsDir) and the slug the archive gave them. */
  items: { file: string; slug: string }[];
  /** Skip transcripts whose pages this worker already wrote into recordsDir (npm start). */
  keep: boolean;
  /** False: only remember the transcripts as written (their shard came from the cache; npm start). */
  write: boolean;
  /** Slugs that left the archive since the last job: forget them (should one come back, it is written again). */
  forget: string[];
  options: RecordOptions;
}

export type RecordJobReply = { ok: true; result: RecordPagesResult } | { ok: false; message: string };

export interface SearchJob {
  /** The site folder; the shards go to `<siteDir>/pagefind/`. */
  siteDir: string;
  seedsDir: string;
  items: SearchItem[];
  options?: RecordOptions;
  /** Finished shards kept between builds (null: none). */
  cacheDir?: string | null;
  shardLimits?: ShardLimits;
}

export interface SearchIndexResult {
  /** Pagefind pages (transcripts with text) indexed by this run (cached shards not counted). */
  records: number;
  /** Transcripts in the index. */
  transcripts: number;
  /** Wall time of the indexing, in ms. */
  ms: number;
  /** Of which: making the record pages (tokenising, segmenting Chinese), and the bundles (Pagefind and what follows; they overlap). */
  recordsMs: number;
  pagefindMs: number;
  /** Shards in the index, and how many of them this run indexed (the others came from the cache). */
  shards: number;
  shardsIndexed: number;
  /**
   * `npm start` after its first run: the transcripts changed since then were indexed alone into a
   * second, small bundle; `records` counts that bundle's pages.
   */
  delta?: { transcripts: number; hidden: number };
}

/** The list of shards the search page reads, newest first (`<site>/pagefind/shards.json`). */
export interface ShardsManifest {
  passageSize: number;
  shards: { id: string; from?: string; to?: string; transcripts: number }[];
}

export const SHARDS_MANIFEST = "shards.json";

// Pagefind's own search interfaces, which the search page does not load.
const PAGEFIND_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\./;

/**
 * Steps 2 to 5: the record pages in `recordsDir` of `slugs` (transcripts that have one) as a
 * bundle the search page reads, at `bundle`. Returns the pages indexed and the time taken.
 */
async function makeBundle(recordsDir: string, bundle: string, run: { slugs: readonly string[]; passageSize: number }): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const pages = await runPagefind(recordsDir, bundle, run.slugs);
  await canonicaliseFilters(bundle);
  const named = writeBundleMap(bundle, run.passageSize, (slug) => fieldPositionsOf(recordsDir, slug));
  copyPassages(recordsDir, bundle, named);
  for (const name of readdirSync(bundle)) if (PAGEFIND_UI.test(name)) rmSync(join(bundle, name));
  return { pages, ms: Math.round(performance.now() - started) };
}

/** Runs tasks at most `width` at a time. */
class Lanes {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly width: number) {}
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.width) await new Promise<void>((go) => this.waiting.push(go));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

interface ShardRun {
  recordsDir: string;
  job: SearchJob;
  /** Step 1 for a shard's transcripts. */
  writeRecords(items: SearchItem[]): Promise<void>;
  /** A shard came from the cache (npm start remembers its transcripts as indexed). */
  onCached?(items: SearchItem[]): Promise<void>;
}

/** Pagefind runs at once: two on two cores or more (one parses on all cores while another writes on one), else one. */
const defaultLanes = () => (availableParallelism() >= 2 ? 2 : 1);

/** Every shard: from the cache, or steps 1–5 (a shard's Pagefind run beside the next shard's records); then the shards' list. */
async function indexShards(run: ShardRun): Promise<{ shards: number; indexed: number; pages: number; recordsMs: number; pagefindMs: number }> {
  const { job, recordsDir } = run;
  const passageSize = job.options?.passageSize ?? DEFAULT_PASSAGE_SIZE;
  const shards = assignShards(job.items, job.shardLimits ?? DEFAULT_SHARD_LIMITS);
  const root = join(job.siteDir, "pagefind");
  mkdirSync(root, { recursive: true });
  // What is not a shard of this index (an older layout, shards that are gone) leaves.
  const ids = new Set(shards.map((s) => s.id));
  for (const name of readdirSync(root)) if (!ids.has(name)) rmSync(join(root, name), { recursive: true, force: true });
  const cache = job.cacheDir ? new ShardCache(job.cacheDir) : null;
  const bySlug = new Map(job.items.map((i) => [i.slug, i]));
  const lanes = new Lanes(defaultLanes());
  const bundles: Promise<void>[] = [];
  let indexed = 0;
  let pages = 0;
  let recordsMs = 0;
  let pagefindMs = 0;
  for (const shard of shards) {
    const items = shard.slugs.map((slug) => bySlug.get(slug)!);
    const out = join(root, shard.id);
    const key = cache ? shardKey(job.seedsDir, items, passageSize) : undefined;
    const hit = key ? cache!.get(key) : undefined;
    if (hit) {
      rmSync(out, { recursive: true, force: true });
      cpSync(hit, out, { recursive: true });
      await run.onCached?.(items);
      continue;
    }
    const started = performance.now();
    await run.writeRecords(items);
    recordsMs += performance.now() - started;
    indexed++;
    bundles.push(
      lanes.run(async () => {
        const made = await makeBundle(recordsDir, out, { slugs: shard.slugs.filter((slug) => hasRecordPage(recordsDir, slug)), passageSize });
        pages += made.pages;
        pagefindMs += made.ms;
        if (key) cache!.put(key, out);
      }),
    );
  }
  await Promise.all(bundles);
  cache?.prune();
  writeShardsManifest(root, shards, passageSize);
  return { shards: shards.length, indexed, pages, recordsMs: Math.round(recordsMs), pagefindMs: Math.round(pagefindMs) };
}

function writeShardsManifest(root: string, shards: Shard[], passageSize: number): void {
  const manifest: ShardsManifest = { passageSize, shards: shards.map((s) => ({ id: s.id, ...(s.from ? { from: s.from, to: s.to } : {}), transcripts: s.slugs.length })) };
  writeFileSync(join(root, SHARDS_MANIFEST), JSON.stringify(manifest));
}

/**
 * All steps in this thread, over transcripts already read, with the default shard limits and no
 * shard cache (so no seeds folder is read): for benchmarks and tests (a build, and
 * scripts/search-index.ts, use SearchIndexer).
 */
export async function indexTranscripts(siteDir: string, transcripts: readonly Transcript[], options: RecordOptions = {}): Promise<SearchIndexResult> {
  const started = performance.now();
  const recordsDir = newRecordsDir();
  const byslug = new Map(transcripts.map((t) => [t.slug, t]));
  try {
    const job: SearchJob = { siteDir, seedsDir: "", items: transcripts.map(searchItem), options, cacheDir: null };
    const made = await indexShards({
      recordsDir,
      job,
      writeRecords: async (items) => void writeRecordPages(recordsDir, items.map((i) => byslug.get(i.slug)!), options),
    });
    removeManifest(siteDir);
    return { records: made.pages, transcripts: transcripts.length, ms: Math.round(performance.now() - started), recordsMs: made.recordsMs, pagefindMs: made.pagefindMs, shards: made.shards, shardsIndexed: made.indexed };
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
  /** npm start: beyond this many changed transcripts, a full run instead of a second bundle (default: 5% of the archive, at least 20). */
  deltaLimit?: (transcripts: number) => number;
}

export class SearchIndexer {
  private readonly workers: (Worker | undefined)[];
  private readonly deltaLimit: (transcripts: number) => number;
  private queue: Promise<unknown> = Promise.resolve();
  private recordsDir: string | undefined;
  /** npm start: has the full index been made, and which slugs changed since. */
  private full = false;
  private readonly changed = new Set<string>();
  /** npm start: the slugs of the last job, and those that left since (the workers forget them). */
  private known = new Set<string>();
  private gone: string[] = [];
  private deltas = 0;

  /** `keep`: keep the workers and record pages between jobs, and index edits into a second bundle (npm start); else each job starts afresh. */
  constructor(private readonly keep: boolean, options: SearchIndexerOptions = {}) {
    this.deltaLimit = options.deltaLimit ?? ((n) => Math.max(20, Math.ceil(n * 0.05)));
    // Worker threads: up to 2.
    this.workers = Array.from({ length: Math.max(1, Math.min(2, availableParallelism())) }, () => undefined);
    // The record pages kept for `npm start` go when the process does.
    if (keep) process.once("exit", () => this.recordsDir && rmSync(this.recordsDir, { recursive: true, force: true }));
  }

  /** Index `items` into `siteDir/pagefind/`; resolves when the shards are on disk. Jobs run one after another. */
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
    const passageSize = job.options?.passageSize ?? DEFAULT_PASSAGE_SIZE;
    const result = (r: Omit<SearchIndexResult, "transcripts" | "ms">): SearchIndexResult => ({ ...r, transcripts: job.items.length, ms: Math.round(performance.now() - started) });
    try {
      const slugs = new Set(job.items.map((i) => i.slug));
      this.dropGone(recordsDir, slugs);
      // npm start, after the first full run: step 1 for what changed, 2–5 over it alone into a second bundle, and 6.
      if (this.keep && this.full) {
        const recordsStarted = performance.now();
        await this.writeRecords(recordsDir, job, job.items);
        const recordsMs = Math.round(performance.now() - recordsStarted);
        if (this.changed.size <= this.deltaLimit(job.items.length)) {
          const live = [...this.changed].filter((slug) => slugs.has(slug) && hasRecordPage(recordsDir, slug)).sort();
          const name = deltaFolder(++this.deltas);
          const bundle = live.length ? await makeBundle(recordsDir, join(job.siteDir, name), { slugs: live, passageSize }) : { pages: 0, ms: 0 };
          writeManifest(job.siteDir, { bundle: live.length ? `${name}/` : null, stale: [...this.changed].sort() });
          removeDeltas(job.siteDir, live.length ? name : undefined);
          return result({ records: bundle.pages, recordsMs, pagefindMs: bundle.ms, shards: 0, shardsIndexed: 0, delta: { transcripts: live.length, hidden: this.changed.size } });
        }
      }
      // Every shard (unchanged ones from the cache).
      const made = await indexShards({
        recordsDir,
        job,
        writeRecords: (items) => this.writeRecords(recordsDir, job, items),
        onCached: this.keep ? (items) => this.writeRecords(recordsDir, job, items, false) : undefined,
      });
      // 6. npm start: an empty manifest (the search page reads it before each search; a missing one is a 404 in its console).
      removeDeltas(job.siteDir);
      if (this.keep) writeManifest(job.siteDir, { bundle: null, stale: [] });
      else removeManifest(job.siteDir);
      this.full = this.keep;
      this.changed.clear();
      return result({ records: made.pages, recordsMs: made.recordsMs, pagefindMs: made.pagefindMs, shards: made.shards, shardsIndexed: made.indexed });
    } finally {
      if (!this.keep) await this.close();
    }
  }

  /** Step 1 by the workers for these items (`write` false: only remember them as written). */
  private async writeRecords(recordsDir: string, job: SearchJob, items: readonly SearchItem[], write = true): Promise<void> {
    const shares = this.workers.map(() => [] as { file: string; slug: string }[]);
    for (const { file, slug } of items) shares[shareOf(file, shares.length)]!.push({ file, slug });
    const forget = this.gone;
    this.gone = [];
    const written = await Promise.all(
      shares.map((share, i) => (share.length || forget.length ? this.send(i, { recordsDir, seedsDir: job.seedsDir, items: share, keep: this.keep, write, forget, options: job.options ?? {} }) : null)),
    );
    for (const w of written) for (const slug of w?.slugs ?? []) this.changed.add(slug);
  }

  /** Transcripts that are gone (or moved to another slug) since the last job leave the index, and their record pages go. */
  private dropGone(recordsDir: string, slugs: ReadonlySet<string>): void {
    const folders = recordFolders(recordsDir);
    const gone = new Set([...this.known].filter((slug) => !slugs.has(slug)));
    if (existsSync(folders)) for (const name of readdirSync(folders)) if (!slugs.has(name)) gone.add(name);
    for (const slug of gone) {
      rmSync(recordFolder(recordsDir, slug), { recursive: true, force: true });
      this.changed.add(slug);
    }
    this.gone.push(...gone);
    this.known = new Set(slugs);
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
