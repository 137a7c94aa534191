// Step 1 of the index: each transcript's record as an HTML page for the Pagefind CLI, and its
// passages as gzip'd JSON, in a folder of its own under a temporary records folder
// (`<records>/t/<slug>/`, as its page's URL). Done in worker threads beside Eleventy (job.ts,
// worker.ts). Also step 5: the passages copied into the bundle.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Transcript } from "../model.ts";
import { passageFile } from "./passages.ts";
import { recordHtml, transcriptSearch, type RecordOptions } from "./records.ts";

export interface RecordPagesResult {
  /** Pagefind pages written (one per transcript with text). */
  records: number;
  /** Slugs of the transcripts whose records were (re)written. */
  slugs: string[];
  /** Wall time, in ms. */
  ms: number;
}

/** A fresh temporary folder for record pages, named for this process (leftovers.ts removes those of dead ones). */
export const newRecordsDir = () => mkdtempSync(join(tmpdir(), `${RECORDS_PREFIX}${process.pid}-`));

export const RECORDS_PREFIX = "search-records-";

/** The folder holding one folder of record pages per transcript, named by slug. */
export const recordFolders = (recordsDir: string) => join(recordsDir, "t");

/** The folder of one transcript's record page and passages (its slug is unique and ASCII): `t/<slug>/`, as its page. */
export const recordFolder = (recordsDir: string, slug: string) => join(recordFolders(recordsDir), slug);

/** The file beside a record page that says how many word positions its interview fields take. */
const FIELD_POSITIONS = "fields.txt";

/** How many word positions a transcript's interview fields take at the start of its record (search/fields.ts). */
export const fieldPositionsOf = (recordsDir: string, slug: string) => Number(readFileSync(join(recordFolder(recordsDir, slug), FIELD_POSITIONS), "utf8"));

/** A transcript's record page in its folder (a transcript without text has none). */
const RECORD_PAGE = "index.html";

/** Has this transcript a record page (writeRecordPages writes none for a transcript without text)? */
export const hasRecordPage = (recordsDir: string, slug: string) => existsSync(join(recordFolder(recordsDir, slug), RECORD_PAGE));

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
    writeFileSync(join(folder, RECORD_PAGE), recordHtml(search.record));
    writeFileSync(join(folder, FIELD_POSITIONS), String(search.fieldPositions));
    search.passages.forEach((passage, n) => writeFileSync(join(folder, passageFile(n)), gzipSync(JSON.stringify(passage), { level: 4 })));
    records++;
  }
  return { records, slugs: transcripts.map((t) => t.slug), ms: Math.round(performance.now() - started) };
}

/** The folder of passages in a bundle: `<bundle>/passages/<slug>/<N>.json.gz`. */
export const PASSAGES = "passages";

/** Copies the passages of `slugs` (the transcripts a bundle holds) from the records folder into the bundle. */
export function copyPassages(recordsDir: string, bundle: string, slugs: readonly string[]): void {
  for (const slug of slugs) {
    cpSync(recordFolder(recordsDir, slug), join(bundle, PASSAGES, slug), { recursive: true, filter: (from) => !from.endsWith(".html") && !from.endsWith(FIELD_POSITIONS) });
  }
}
