// The Pagefind index (`_site/pagefind/`), built from the Transcript model through the Pagefind
// Node API: one custom record per passage of consecutive aligned pairs, both languages, in one
// `en` index (see src/search-records.ts and README, "Search design").
// Run by the build after Eleventy (the `eleventy.after` hook, so `npm start` re-indexes on every
// rebuild); also runnable alone: `tsx scripts/search-index.ts [_site]`.
import * as pagefind from "pagefind";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { loadArchive } from "../src/load.ts";
import type { Transcript } from "../src/model.ts";
import { transcriptRecords, type RecordOptions, type SearchRecord } from "../src/search-records.ts";
import { buildSettings } from "./settings.ts";
import { stabilisePagefind, waitForBundle } from "./stable-pagefind.ts";

export interface SearchIndexOptions extends RecordOptions {
  /** Transcripts to index; default: the archive in SEEDS_DIR (as the build reads it). */
  transcripts?: readonly Transcript[];
  /** Log one summary line (default true). */
  log?: boolean;
}

export interface SearchIndexResult {
  /** Records (passages) written. */
  records: number;
  /** Transcripts indexed (those with a page in the site). */
  transcripts: number;
  /** Wall time of the indexing, in ms. */
  ms: number;
  /** Of which: making the records (tokenizing, segmenting Chinese), and Pagefind adding and writing them. */
  recordsMs: number;
  pagefindMs: number;
}

// Records per Transcript object. src/load.ts keeps a file's Transcript while the file is
// unchanged, so under `npm start` a rebuild tokenizes only the transcripts that changed
// (segmenting Chinese is most of the record-building time).
const cache = new WeakMap<Transcript, { maxTokens: number | undefined; records: SearchRecord[] }>();
function recordsOf(t: Transcript, options: RecordOptions): SearchRecord[] {
  const hit = cache.get(t);
  if (hit && hit.maxTokens === options.maxTokens) return hit.records;
  const records = transcriptRecords(t, options);
  cache.set(t, { maxTokens: options.maxTokens, records });
  return records;
}

/** Pagefind's `meta` is `Record<string, string>`: drop absent optional fields. */
function toCustomRecord(r: SearchRecord): pagefind.CustomRecord {
  const meta: Record<string, string> = {};
  for (const [key, value] of Object.entries(r.meta)) if (typeof value === "string") meta[key] = value;
  const filters: Record<string, string[]> = {};
  for (const [key, values] of Object.entries(r.filters)) if (values.length) filters[key] = [...values];
  return { url: r.url, content: r.content, language: r.language, meta, filters };
}

function fail(step: string, errors: readonly string[]): never {
  throw new Error(`search index: ${step} failed: ${errors.join("; ")}`);
}

/** Index the transcripts whose pages are in `siteDir` into `siteDir/pagefind/`. */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  const started = performance.now();
  const all = options.transcripts ?? loadArchive(buildSettings().seedsDir).transcripts;
  // Only transcripts that have a page (a record must never link to a missing page).
  const transcripts = all.filter((t) => existsSync(join(siteDir, "t", t.slug, "index.html")));
  const records = transcripts.flatMap((t) => recordsOf(t, options));
  const recordsDone = performance.now();

  const { index, errors } = await pagefind.createIndex({});
  if (!index) fail("createIndex", errors);
  try {
    // The service answers requests in order; keeping a window of them in flight hides the
    // round trip (about 3x faster than one at a time on 10k records).
    const WINDOW = 64;
    for (let i = 0; i < records.length; i += WINDOW) {
      const added = await Promise.all(records.slice(i, i + WINDOW).map((r) => index.addCustomRecord(toCustomRecord(r))));
      const problems = added.flatMap((a) => a.errors);
      if (problems.length) fail("addCustomRecord", problems);
    }
    const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
    if (written.errors.length) fail("writeFiles", written.errors);
    // Pagefind writes filter files in hash-map order: canonical order, for byte-identical rebuilds.
    await waitForBundle(join(siteDir, "pagefind"));
    stabilisePagefind(join(siteDir, "pagefind"));
  } finally {
    await pagefind.close();
  }
  const done = performance.now();
  const result = {
    records: records.length,
    transcripts: transcripts.length,
    ms: Math.round(done - started),
    recordsMs: Math.round(recordsDone - started),
    pagefindMs: Math.round(done - recordsDone),
  };
  if (options.log ?? true) {
    console.log(`search index: ${result.records} passages from ${result.transcripts} transcripts in ${(result.ms / 1000).toFixed(2)} s`);
  }
  return result;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = resolve(process.argv[2] ?? buildSettings().siteDir);
  buildSearchIndex(dir).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
