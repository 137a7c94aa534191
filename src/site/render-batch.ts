// Which pages an Eleventy run renders, when a build renders the archive in batches. Eleventy
// keeps every page it renders until its run ends (the rendered HTML of 4,000 transcripts is
// about 3 GB), so a build runs Eleventy once per batch of transcripts, each run afresh
// (scripts/build.ts), and the build's memory follows the batch, not the archive. The first run
// also renders the other pages (index, browse pages, feed…) and copies the assets; the last one
// waits for the search index. Set by the build before each run, read by .eleventy.ts.

export interface RenderBatch {
  /** The transcript files (relative to the seeds folder) this run renders. */
  files: ReadonlySet<string>;
  first: boolean;
  last: boolean;
}

/** Transcripts a run renders at most (about 1 MB of HTML each held until the run ends). */
export const BATCH_SIZE = 400;

let current: RenderBatch | null = null;

/** The batch of the run about to start (null: render everything, as `npm start` does). */
export function setRenderBatch(batch: RenderBatch | null): void {
  current = batch;
}

export function renderBatch(): RenderBatch | null {
  return current;
}

/** The files, cut into batches of at most `size`, in order. */
export function batchesOf(files: readonly string[], size = BATCH_SIZE): RenderBatch[] {
  const out: RenderBatch[] = [];
  for (let i = 0; i < files.length || i === 0; i += size) out.push({ files: new Set(files.slice(i, i + size)), first: i === 0, last: i + size >= files.length });
  return out;
}
