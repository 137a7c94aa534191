// `npm run build`: check the seeds, then Eleventy and the search index into a
// fresh staging folder that replaces the site only when everything succeeded.
// Whatever goes wrong, the output is the list of problems or one clear
// message (never a bare stack trace), the exit code is 1, and the site that
// was there before is left as it was.
import Eleventy from "@11ty/eleventy";
import { existsSync, renameSync, rmSync } from "node:fs";
import { relative, resolve } from "node:path";
import { scanArchive, setIngestCache } from "../src/ingest/load.ts";
import { cardOf } from "../src/site/card.ts";
import { buildStats } from "../src/site/build-stats.ts";
import { printable } from "../src/ingest/problems.ts";
import { removeLeftovers } from "../src/site/leftovers.ts";
import { folderBytes, pagesLimitWarning } from "../src/site/site-size.ts";
import { batchesOf, setRenderBatch } from "../src/site/render-batch.ts";
import { buildSettings } from "../src/site/settings.ts";
import { failureMessage, hasErrors, problemReport } from "../src/ingest/report.ts";

const started = performance.now();
const settings = buildSettings();
const target = resolve(settings.siteDir);
const staging = `${target}.building-${process.pid}`;
const shownSite = relative(process.cwd(), target) || target;

function removeStaging(): void {
  try {
    rmSync(staging, { recursive: true, force: true });
  } catch {
    // nothing more to do
  }
}

function fail(message: string): never {
  removeStaging();
  console.error(`build failed: ${message}`);
  console.error(`(the site in ${shownSite} was left as it was)`);
  process.exit(1);
}

// Anything thrown later, even from inside Eleventy's own callbacks, ends the same way.
process.on("uncaughtException", (err) => fail(failureMessage(err)));
process.on("unhandledRejection", (err) => fail(failureMessage(err)));
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    removeStaging();
    console.error(`build interrupted (the site in ${shownSite} was left as it was)`);
    process.exit(130);
  });
}

/** Eleventy logs its own errors with stack traces; keep the messages, drop the traces. */
function quietErrors(eleventy: Eleventy): string[] {
  const lines: string[] = [];
  const handler = (eleventy as unknown as { errorHandler?: { logger?: unknown } }).errorHandler;
  if (handler) {
    handler.logger = {
      isVerbose: false,
      message(text: string) {
        const message = String(text ?? "");
        if (/^\s*Original error stack trace:/.test(message)) return;
        lines.push(message.trim());
      },
    };
  }
  return lines;
}

/**
 * Every problem of the seeds folder, printed; the transcripts' files (in the archive's order), and
 * whether any problem is an error. The archive is read as cards, one file at a time (the pages are
 * made from the same cards; a build never holds the archive's text), and the ingest keeps no cache.
 */
function check(): { errors: boolean; files: string[] } {
  setIngestCache(false);
  const archive = scanArchive(settings.seedsDir, cardOf);
  for (const line of problemReport(archive, relative(process.cwd(), settings.seedsDir) || ".")) console.log(line);
  return { errors: hasErrors(archive), files: archive.transcripts.map((t) => t.file) };
}

async function main(): Promise<void> {
  const ingestStarted = performance.now();
  // The check, in a function of its own: the archive it reads is not held while the pages are made.
  const { errors, files } = check();
  const ingestMs = performance.now() - ingestStarted;
  if (errors) {
    if (!settings.allowErrors) {
      console.error(`build stopped: fix the errors above (the site in ${shownSite} was left as it was)`);
      process.exit(1);
    }
    console.error("ALLOW_ERRORS=1: building despite the errors above");
  }

  removeStaging();
  // Leftovers of builds that died (killed while they ran) go now.
  for (const path of removeLeftovers(target)) console.log(`removed ${relative(process.cwd(), path) || path}, left by a build that did not finish`);
  // Eleventy once per batch of transcripts, each run afresh: a run keeps every page it renders
  // until it ends, so the build's memory follows the batch, not the archive (src/site/render-batch.ts).
  const eleventyStarted = performance.now();
  for (const batch of batchesOf(files, settings.renderBatchSize)) {
    setRenderBatch(batch);
    const eleventy = new Eleventy(relative(process.cwd(), settings.seedsDir) || ".", staging, { configPath: ".eleventy.ts", quietMode: true, pathPrefix: settings.pathPrefix });
    const eleventyErrors = quietErrors(eleventy);
    try {
      await eleventy.write();
    } catch (err) {
      // Eleventy's chain of messages (template, line, cause) says more than the error it throws.
      const detail = eleventyErrors.filter((l) => l && !/^Problem writing Eleventy templates:?$/.test(l));
      const lines = (detail.length ? detail : [failureMessage(err)]).flatMap((l) => l.split("\n")).map((l) => printable(l.trim())).filter(Boolean);
      fail(lines.join("\n  "));
    }
  }
  setRenderBatch(null);
  const eleventyMs = performance.now() - eleventyStarted;
  if (!existsSync(staging)) fail("Eleventy wrote nothing");

  // Swap: the old site is moved aside, then the new one moved in, then the old one removed.
  const old = `${target}.old-${process.pid}`;
  try {
    if (existsSync(target)) renameSync(target, old);
    try {
      renameSync(staging, target);
    } catch (err) {
      if (existsSync(old)) renameSync(old, target);
      throw err;
    }
    rmSync(old, { recursive: true, force: true });
  } catch (err) {
    fail(`could not move the new site into ${shownSite}: ${failureMessage(err)}`);
  }
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const totalMs = performance.now() - started;
  console.log(`built ${files.length} transcripts into ${shownSite} in ${s(totalMs)}`);
  const tooLarge = pagesLimitWarning(folderBytes(target));
  if (tooLarge) console.warn(tooLarge);
  // One line for the benchmark (scripts/bench.ts reads it).
  const peak = Math.round((process.resourceUsage().maxRSS * 1024) / 1e6);
  // The search index runs beside the pages: its whole time, and the wait for it after them.
  const shards = `${buildStats.shards} shard${buildStats.shards === 1 ? "" : "s"}, ${buildStats.shardsIndexed} indexed, ${buildStats.shards - buildStats.shardsIndexed} from the cache`;
  console.log(`timings: ingest ${s(ingestMs)}, pages ${s(eleventyMs - buildStats.searchWaitMs)}, search ${s(buildStats.searchMs)} (${shards}; record pages ${s(buildStats.recordsMs)}, Pagefind ${s(buildStats.pagefindMs)}; waited ${s(buildStats.searchWaitMs)} after the pages), total ${s(totalMs)}; peak RSS ${peak} MB`);
}

main().catch((err: unknown) => fail(failureMessage(err)));
