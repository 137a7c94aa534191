// A worker thread of the search job (job.ts, step 1): it reads its share of the transcripts
// itself (src/ingest/load.ts caches each file's ingest while the worker lives) and writes their
// record pages, so the thread that renders the pages hands over nothing but file names and slugs.
import { existsSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { loadSource } from "../ingest/load.ts";
import type { Transcript } from "../model.ts";
import type { RecordJob, RecordJobReply } from "./job.ts";
import { recordFolder, writeRecordPages } from "./record-pages.ts";

const port = parentPort;
if (!port) throw new Error("src/search/worker.ts runs as a worker thread (see src/search/job.ts)");

// Transcripts whose record pages are already in a folder (npm start keeps the folder between
// rebuilds; an unchanged file gives the same Transcript object back from the cache).
const written = new Map<string, WeakSet<Transcript>>();

port.on("message", (job: RecordJob) => {
  let reply: RecordJobReply;
  try {
    const done = written.get(job.recordsDir) ?? new WeakSet<Transcript>();
    if (job.keep) written.set(job.recordsDir, done);
    const todo: Transcript[] = [];
    for (const { file, slug } of job.items) {
      const loaded = loadSource(job.seedsDir, file);
      // The archive may have moved a duplicate URL to a free slug.
      const t = loaded.slug === slug ? loaded : { ...loaded, slug };
      // (Its folder may have gone meanwhile: a file moved out of the seeds and back keeps its cache entry.)
      if (!done.has(t) || !existsSync(recordFolder(job.recordsDir, t.slug))) todo.push(t);
    }
    const result = writeRecordPages(job.recordsDir, todo, job.options);
    if (job.keep) for (const t of todo) done.add(t);
    reply = { ok: true, result };
  } catch (err) {
    reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
