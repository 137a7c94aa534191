// Reading the seeds folder. The only file-system access of the library, and
// only reads. Ingest results are kept per file (by size and mtime) so that a
// rebuild under `npm start` and the check before a build parse each file once.
// Nothing here throws for a bad folder or file: a folder that is missing or
// cannot be listed, and a file that cannot be read, are problems like any other.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { assembleArchive, SOURCE_EXTENSIONS, ingestFile, unreadableTranscript, type Archive, type Archived } from "./archive.ts";
import type { Problem, Transcript } from "../model.ts";

const cache = new Map<string, { key: string; transcript: Transcript }>();
let caching = true;

/**
 * Keep each file's ingest (npm start: an edit re-reads one file) or not (a build's search workers
 * read each file once, and keep nothing, so that their memory does not grow with the archive).
 */
export function setIngestCache(on: boolean): void {
  caching = on;
  if (!on) cache.clear();
}

function reason(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  if (e?.code === "EACCES" || e?.code === "EPERM") return "permission denied";
  if (e?.code === "ENOENT") return "it does not exist";
  if (e?.code === "EISDIR") return "it is a folder";
  if (e?.code === "ELOOP") return "too many levels of links";
  return e?.code ?? (err instanceof Error ? err.message : String(err));
}

export interface SourceListing {
  /** Absolute paths of the source files, sorted. */
  files: string[];
  /** Folders that could not be listed (paths relative to `dir`; `""` for `dir` itself). */
  problems: Problem[];
}

/**
 * Files that Eleventy, which builds the site from the seeds folder, would run
 * as templates or data (code, at build time, and markup straight into the
 * site). A seeds folder holds transcripts only: these are errors, so that
 * `npm run build` refuses to run them.
 */
export const UNSAFE_FILES = /\.(?:njk|liquid|webc|11ty\.[cm]?js|11ty\.tsx?|11tydata\.[\w]+)$|^(?:eleventy\.config|\.eleventy)\.[cm]?[jt]s$/i;

/** Every source file under `dir` (links followed, hidden entries skipped), and what could not be listed. */
export function listSources(dir: string): SourceListing {
  const files: string[] = [];
  const problems: Problem[] = [];
  const rel = (path: string) => relative(dir, path).split(sep).join("/");
  const seen = new Set<string>();
  /** `hidden`: inside a folder whose name starts with `.`: no transcripts there, but Eleventy still reads it. */
  const walk = (d: string, hidden: boolean) => {
    let real: string;
    let entries;
    try {
      real = realpathSync(d);
      entries = readdirSync(d, { withFileTypes: true });
    } catch (err) {
      const where = d === dir ? "" : rel(d);
      const what = d === dir ? "the seeds folder" : "this folder";
      problems.push({ file: where, line: 0, severity: "error", code: "unreadable-file", message: `cannot read ${what}: ${reason(err)}` });
      return;
    }
    if (seen.has(real)) return; // a link back into a folder already read
    seen.add(real);
    for (const entry of entries) {
      if (entry.name === ".git" || entry.name === "node_modules") continue;
      const path = join(d, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDir = target.isDirectory();
          isFile = target.isFile();
        } catch {
          // A link that leads nowhere: listed, so that reading it reports why.
          isFile = true;
        }
      }
      const inHidden = hidden || entry.name.startsWith(".");
      if (isDir) walk(path, inHidden);
      else if (isFile && UNSAFE_FILES.test(entry.name)) {
        problems.push({
          file: rel(path), line: 0, severity: "error", code: "unsafe-file",
          message: "not a transcript: the site builder would run this file as a template or data file; remove it from the seeds folder",
        });
      } else if (isFile && !inHidden && SOURCE_EXTENSIONS.test(entry.name)) files.push(path);
    }
  };
  walk(dir, false);
  return { files: files.sort(), problems };
}

/** Paths of the source files under `dir`, sorted (what cannot be listed is left out; see `listSources`). */
export function listSourceFiles(dir: string): string[] {
  return listSources(dir).files;
}

/** What the caches compare a file by: its size and time (throws as `statSync` does). */
function fileKey(path: string): string {
  const stat = statSync(path);
  return `${stat.size}:${stat.mtimeMs}`;
}

/** One file through the ingest cache; `known` is its `fileKey` when the caller has just taken it. */
function loadFile(dir: string, path: string, known?: string): Transcript {
  const file = relative(dir, path).split(sep).join("/");
  let key: string;
  let bytes: Uint8Array;
  try {
    key = known ?? fileKey(path);
    const hit = cache.get(path);
    if (hit?.key === key) return hit.transcript;
    bytes = readFileSync(path);
  } catch (err) {
    cache.delete(path);
    const link = (() => {
      try {
        return lstatSync(path).isSymbolicLink();
      } catch {
        return false;
      }
    })();
    return unreadableTranscript(file, link && (err as NodeJS.ErrnoException)?.code === "ENOENT"
      ? "cannot read the file: it is a link to a file that does not exist"
      : `cannot read the file: ${reason(err)}`);
  }
  const transcript = ingestFile({ file, bytes });
  if (caching) cache.set(path, { key, transcript });
  return transcript;
}

/** One source file of the folder `dir` (`file` relative to it), through the same cache. */
export function loadSource(dir: string, file: string): Transcript {
  return loadFile(dir, join(dir, file));
}

export function loadArchive(dir: string): Archive {
  const listing = listSources(dir);
  const transcripts = listing.files.map((path) => loadFile(dir, path));
  return assembleArchive(transcripts, listing.problems);
}

// What scanArchive kept of each file, by the function that made it, and the file's size and time.
const scanned = new WeakMap<(t: Transcript) => Archived, Map<string, { key: string; value: Archived }>>();

/**
 * The archive with each transcript as `keep` makes of it (a build keeps its card), read one file
 * at a time: a transcript's text is let go as soon as `keep` has made its value, so that what the
 * caller holds does not grow with the text of the archive. A file unchanged since the last scan
 * with the same `keep` is not read again (its value is kept: values are small).
 */
export function scanArchive<T extends Archived>(dir: string, keep: (t: Transcript) => T): Archive<T> {
  const listing = listSources(dir);
  let kept = scanned.get(keep) as Map<string, { key: string; value: T }> | undefined;
  if (!kept) scanned.set(keep, (kept = new Map()));
  const seen = new Set<string>();
  const values = listing.files.map((path) => {
    seen.add(path);
    let key: string | undefined;
    try {
      key = fileKey(path);
    } catch {
      key = undefined;
    }
    const hit = key && kept.get(path);
    if (hit && hit.key === key) return hit.value;
    const value = keep(loadFile(dir, path, key));
    if (key) kept.set(path, { key, value });
    else kept.delete(path);
    return value;
  });
  for (const path of kept.keys()) if (!seen.has(path)) kept.delete(path);
  return assembleArchive(values, listing.problems);
}

