// A worker thread of the search job (job.ts, step 1): it reads its share of the transcripts
// itself (src/ingest/load.ts caches each file's ingest while the worker lives) and writes their
// record pages, so the thread that renders the pages hands over nothing but file names and slugs.
import { parentPort } from "node:worker_threads";
import { withArchiveSlug } from "../ingest/archive.ts";
import { loadSource, setIngestCache } from "../ingest/load.ts";
import type { Transcript } from "../model.ts";
import type { RecordJob, RecordJobReply } from "./job.ts";
import { writeRecordPages } from "./record-pages.ts";

const port = parentPort;
if (!port) throw new Error("src/search/worker.ts runs as a worker thread (see src/search/job.ts)");

// npm start: the transcript each slug had when its record pages were written (an unchanged file
// gives the same Transcript object back from the ingest cache), by records folder. A build keeps
// nothing: it neither caches the ingest nor remembers, so that its memory does not grow with the archive.
const written = new Map<string, Map<string, Transcript>>();

port.on("message", (job: RecordJob) => {
  let reply: RecordJobReply;
  try {
    setIngestCache(job.keep);
    const done = written.get(job.recordsDir) ?? new Map<string, Transcript>();
    if (job.keep) written.set(job.recordsDir, done);
    for (const slug of job.forget) done.delete(slug);
    const todo: Transcript[] = [];
    for (const { file, slug } of job.items) {
      const loaded = loadSource(job.seedsDir, file);
      const t = withArchiveSlug(loaded, slug);
      if (done.get(slug) !== loaded) todo.push(t);
      if (job.keep) done.set(slug, loaded);
    }
    const result = job.write ? writeRecordPages(job.recordsDir, todo, job.options) : { records: 0, slugs: [], ms: 0 };
    reply = { ok: true, result };
  } catch (err) {
    reply = { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
