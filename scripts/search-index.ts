// `tsx scripts/search-index.ts [site]`: the search index alone, in one thread, over the
// transcripts of SEEDS_DIR whose page is in the site (a record never links to a missing page).
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadArchive } from "../src/ingest/load.ts";
import { failureMessage } from "../src/ingest/report.ts";
import { indexTranscripts } from "../src/search/job.ts";
import { buildSettings } from "../src/site/settings.ts";

const settings = buildSettings();
const siteDir = resolve(process.argv[2] ?? settings.siteDir);
const transcripts = loadArchive(settings.seedsDir).transcripts.filter((t) => existsSync(join(siteDir, "t", t.slug, "index.html")));
try {
  const result = await indexTranscripts(siteDir, transcripts);
  console.log(`search index: ${result.records} of ${result.transcripts} transcripts in ${(result.ms / 1000).toFixed(2)} s`);
} catch (err) {
  console.error(failureMessage(err));
  process.exit(1);
}
