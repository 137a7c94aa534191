// The search index (`_site/pagefind/`), built from the Transcript model: one Pagefind page per
// transcript, both languages, in one `en` index, and the passage files the search page shows
// matches from (see src/search-records.ts and README, "Search design"). Two steps:
//
// 1. `writeRecordPages`: each transcript's record as an HTML page, and its passages as JSON, in
//    a folder of its own (pure work, done in worker threads beside Eleventy by
//    scripts/search-job.ts);
// 2. `runPagefind`: the Pagefind CLI over those pages, writing the bundle into the site; then
//    the bundle is made what the search page reads: the passages copied in, a map from
//    Pagefind's page ids to slugs (`transcripts.json`), Pagefind's fragments removed (each is a
//    whole transcript, and the search page never loads one), the filter files in canonical
//    order (scripts/stable-pagefind.ts).
//
// Why the CLI over files and not the Node API's custom records: on 1,000 transcripts the CLI
// indexed the same records in about half the time (it reads pages in parallel; the service
// takes records one at a time, then writes more slowly). README has the numbers.
//
// Also runnable alone: `tsx scripts/search-index.ts [_site]`.
import { spawn } from "node:child_process";
import * as pagefind from "pagefind";
import { cpSync, existsSync, mkdirSync, readdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { gzipSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { loadArchive } from "../src/load.ts";
import type { Transcript } from "../src/model.ts";
import { DEFAULT_PASSAGE_SIZE, recordHtml, transcriptSearch, type RecordOptions } from "../src/search-records.ts";
import { buildSettings } from "./settings.ts";
import { fragmentUrls, stabilisePagefind, waitForBundle } from "./stable-pagefind.ts";

export interface RecordPagesResult {
  /** Pagefind pages written (one per transcript with text). */
  records: number;
  /** Slugs of the transcripts whose records were (re)written. */
  slugs: string[];
  /** Wall time, in ms. */
  ms: number;
}

/** A fresh temporary folder for record pages. */
export const newRecordsDir = () => mkdtempSync(join(tmpdir(), "search-records-"));

/** The folder holding one folder of record pages per transcript, named by slug. */
export const recordFolders = (recordsDir: string) => join(recordsDir, "t");

/** The folder of one transcript's record page and passages (its slug is unique and ASCII): `t/<slug>/`, as its page. */
export const recordFolder = (recordsDir: string, slug: string) => join(recordFolders(recordsDir), slug);

/** Does a folder (or one inside it) hold at least one record page? */
export const hasRecordPages = (dir: string) => existsSync(dir) && readdirSync(dir, { recursive: true }).some((name) => String(name).endsWith(".html"));

/** The map the search page reads from a bundle: Pagefind's page ids → slugs, and the passage size. */
export interface BundleMap {
  passageSize: number;
  pages: Record<string, string>;
}

export const BUNDLE_MAP = "transcripts.json";
export const PASSAGES = "passages";
/**
 * Passage N's file: its JSON, gzip'd (a third of the size on disk; GitHub Pages sends it as it
 * is, and the search page inflates it with DecompressionStream, as Pagefind does its own files).
 */
export const passageFile = (n: number) => `${n}.json.gz`;

/**
 * Writes the record page of each of `transcripts` into `recordsDir/t/<slug>/index.html` and its
 * passages into `recordsDir/t/<slug>/<N>.json.gz`, replacing what was there for them.
 */
export function writeRecordPages(recordsDir: string, transcripts: readonly Transcript[], options: RecordOptions = {}): RecordPagesResult {
  const started = performance.now();
  let records = 0;
  for (const t of transcripts) {
    const folder = recordFolder(recordsDir, t.slug);
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const search = transcriptSearch(t, options);
    if (!search) continue;
    writeFileSync(join(folder, "index.html"), recordHtml(search.record));
    search.passages.forEach((passage, n) => writeFileSync(join(folder, passageFile(n)), gzipSync(JSON.stringify(passage), { level: 4 })));
    records++;
  }
  return { records, slugs: transcripts.map((t) => t.slug), ms: Math.round(performance.now() - started) };
}

// The `pagefind` package's own command-line entry (it finds the binary for this platform).
const PAGEFIND_CLI = join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner", "bin.cjs");

export interface PagefindRun extends RecordOptions {
  /** Index these transcripts only (their folders hold record pages: the caller has checked); default all. */
  slugs?: readonly string[];
}

/**
 * The Pagefind CLI over the record pages in `recordsDir`, writing the bundle to `outputPath`,
 * then the bundle made what the search page reads (see the top of this file).
 */
export async function runPagefind(recordsDir: string, outputPath: string, run: PagefindRun = {}): Promise<{ ms: number; pages: number }> {
  const started = performance.now();
  rmSync(outputPath, { recursive: true, force: true });
  const passageSize = run.passageSize ?? DEFAULT_PASSAGE_SIZE;
  if (!run.slugs && !hasRecordPages(recordsDir)) {
    // Nothing to index (no transcript has text): the CLI refuses an empty folder, the API writes an empty bundle.
    await writeEmptyBundle(outputPath);
    await waitForBundle(outputPath);
    writeBundleMap(outputPath, passageSize);
    return { ms: Math.round(performance.now() - started), pages: 0 };
  }
  // Slugs are ASCII letters, digits, "-" and "_": safe inside a glob.
  const glob = run.slugs && (run.slugs.length === 1 ? `t/${run.slugs[0]}/*.html` : `t/{${run.slugs.join(",")}}/*.html`);
  const { code, out } = await new Promise<{ code: number; out: string }>((done) => {
    const args = [PAGEFIND_CLI, "--site", recordsDir, "--output-path", outputPath, ...(glob ? ["--glob", glob] : [])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (err) => done({ code: 1, out: err.message }));
    child.on("close", (c) => done({ code: c ?? 1, out }));
  });
  const pages = Number(/Indexed (\d+) pages?/.exec(out)?.[1] ?? NaN);
  if (code !== 0) {
    const lines = out.split("\n").map((l) => l.trim()).filter(Boolean).slice(-12);
    throw new Error(`search index: Pagefind failed (exit code ${code}):\n  ${lines.join("\n  ")}`);
  }
  // Pagefind writes filter files in hash-map order: canonical order, for byte-identical rebuilds.
  await waitForBundle(outputPath);
  stabilisePagefind(outputPath);
  // The passages of the transcripts the bundle holds (those the map names).
  for (const slug of writeBundleMap(outputPath, passageSize)) {
    cpSync(recordFolder(recordsDir, slug), join(outputPath, PASSAGES, slug), { recursive: true, filter: (from) => !from.endsWith(".html") });
  }
  return { ms: Math.round(performance.now() - started), pages };
}

/**
 * `transcripts.json` from Pagefind's fragments (each names its page's URL, `/t/<slug>/`), which
 * then go; returns the slugs it names.
 */
function writeBundleMap(bundle: string, passageSize: number): string[] {
  const pages: Record<string, string> = {};
  const urls = fragmentUrls(bundle);
  for (const id of [...urls.keys()].sort()) {
    const slug = /^\/t\/([^/]+)\/$/.exec(urls.get(id)!)?.[1];
    if (!slug) throw new Error(`search index: Pagefind page ${id} has an unexpected URL, ${urls.get(id)}`);
    pages[id] = slug;
  }
  rmSync(join(bundle, "fragment"), { recursive: true, force: true });
  const map: BundleMap = { passageSize, pages };
  writeFileSync(join(bundle, BUNDLE_MAP), JSON.stringify(map));
  return Object.values(pages);
}

async function writeEmptyBundle(outputPath: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({});
  try {
    if (!index) throw new Error(`search index: Pagefind failed: ${errors.join("; ")}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length) throw new Error(`search index: Pagefind failed: ${written.errors.join("; ")}`);
  } finally {
    await pagefind.close();
  }
}

export interface SearchIndexOptions extends RecordOptions {
  /** Transcripts to index; default: the archive in SEEDS_DIR (as the build reads it). */
  transcripts?: readonly Transcript[];
  /** Log one summary line (default true). */
  log?: boolean;
}

export interface SearchIndexResult {
  /** Pagefind pages (transcripts with text) in the index. */
  records: number;
  /** Transcripts indexed. */
  transcripts: number;
  /** Wall time of the indexing, in ms: making the record pages, then Pagefind. */
  ms: number;
  /** Of which: making the record pages (tokenising, segmenting Chinese), and Pagefind. */
  recordsMs: number;
  pagefindMs: number;
  /**
   * `npm start` after its first run: the transcripts changed since then were indexed alone into a
   * second, small bundle (scripts/search-job.ts); `records` counts that bundle's pages.
   */
  delta?: { transcripts: number; hidden: number };
}

/** Everything in one thread: record pages into a temporary folder, then Pagefind into `siteDir/pagefind/`. */
export async function buildSearchIndex(siteDir: string, options: SearchIndexOptions = {}): Promise<SearchIndexResult> {
  // Run alone, it indexes the transcripts whose page is in the site (a record must never link to a missing page).
  const transcripts = options.transcripts ?? loadArchive(buildSettings().seedsDir).transcripts.filter((t) => existsSync(join(siteDir, "t", t.slug, "index.html")));
  const recordsDir = newRecordsDir();
  try {
    const written = writeRecordPages(recordsDir, transcripts, options);
    const indexed = await runPagefind(recordsDir, join(siteDir, "pagefind"), { passageSize: options.passageSize });
    const result = { records: written.records, transcripts: written.slugs.length, ms: written.ms + indexed.ms, recordsMs: written.ms, pagefindMs: indexed.ms };
    if (options.log ?? true) {
      console.log(`search index: ${result.records} of ${result.transcripts} transcripts in ${(result.ms / 1000).toFixed(2)} s`);
    }
    return result;
  } finally {
    rmSync(recordsDir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = resolve(process.argv[2] ?? buildSettings().siteDir);
  buildSearchIndex(dir).catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(1);
  });
}
