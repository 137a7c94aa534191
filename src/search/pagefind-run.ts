// Step 2 of the index: the Pagefind CLI over the record pages, writing a bundle. The CLI rather
// than the Node API's custom records: on 1,000 transcripts it indexed the same records in about
// half the time (it reads pages in parallel; the service takes records one at a time, then
// writes more slowly). docs/performance.md has the numbers.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as pagefind from "pagefind";

// The `pagefind` package's own command-line entry (it finds the binary for this platform), run
// through a guard that ends it should the build die (pagefind-guard.mjs).
const PAGEFIND_CLI = join(dirname(fileURLToPath(import.meta.resolve("pagefind"))), "runner", "bin.cjs");
const GUARD = fileURLToPath(new URL("./pagefind-guard.mjs", import.meta.url));

/**
 * Postings per word-index chunk (Pagefind's default: 20,000). A query downloads, per shard, the
 * chunk of each of its words, which holds its neighbours' postings too: with the default, about
 * 30–40 KB a word and shard whatever the word; with 2,500, "hyperscale company" on a shard of 250
 * transcripts took 27 KB instead of 67 KB, for 13 KB more of metadata per shard (read once).
 * Pagefind 1.5.2 reads this setting from its environment (it is not in its documented options;
 * the version is pinned). docs/performance.md has the numbers.
 */
export const INDEX_CHUNK_SIZE = 2500;

/**
 * Indexes the record pages of `slugs` under `recordsDir` (their folders hold record pages, the
 * caller has checked) into a fresh bundle at `outputPath`; returns how many pages Pagefind
 * indexed. No slugs: there is nothing to index, and an empty bundle is written instead (the CLI
 * refuses an empty folder).
 */
export async function runPagefind(recordsDir: string, outputPath: string, slugs: readonly string[]): Promise<number> {
  rmSync(outputPath, { recursive: true, force: true });
  if (!slugs.length) {
    await writeEmptyBundle(outputPath);
    return 0;
  }
  // Slugs are ASCII letters, digits, "-" and "_": safe inside a glob.
  const glob = slugs.length === 1 ? `t/${slugs[0]}/*.html` : `t/{${slugs.join(",")}}/*.html`;
  const { code, out } = await new Promise<{ code: number; out: string }>((done) => {
    const args = [GUARD, PAGEFIND_CLI, "--site", recordsDir, "--output-path", outputPath, "--glob", glob];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE) } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", (err) => done({ code: 1, out: err.message }));
    child.on("close", (c) => done({ code: c ?? 1, out }));
  });
  if (code !== 0) {
    const lines = out.split("\n").map((l) => l.trim()).filter(Boolean).slice(-12);
    throw new Error(`search index: Pagefind failed (exit code ${code}):\n  ${lines.join("\n  ")}`);
  }
  return Number(/Indexed (\d+) pages?/.exec(out)?.[1] ?? NaN);
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
