// `tsx scripts/search-index.ts [site]`: the search index alone, made as a build makes it (worker
// threads, shards by SEARCH_SHARD_SIZE, the shard cache), over the published transcripts of
// SEEDS_DIR whose page is in the site (a record never links to a missing page). Like the build,
// it holds each transcript's card, not its text.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { scanArchive } from "../src/ingest/load.ts";
import { failureMessage } from "../src/ingest/report.ts";
import { SearchIndexer, searchItem } from "../src/search/job.ts";
import { shardLimitsOf } from "../src/search/shards.ts";
import { cardOf } from "../src/site/card.ts";
import { publishedTranscripts } from "../src/site/publish.ts";
import { buildSettings } from "../src/site/settings.ts";

const settings = buildSettings();
const siteDir = resolve(process.argv[2] ?? settings.siteDir);
const cards = publishedTranscripts(scanArchive(settings.seedsDir, cardOf).transcripts, settings).filter((t) => existsSync(join(siteDir, "t", t.slug, "index.html")));
try {
  const result = await new SearchIndexer(false).run({
    siteDir,
    seedsDir: settings.seedsDir,
    items: cards.map(searchItem),
    cacheDir: settings.searchCacheDir,
    shardLimits: shardLimitsOf(settings.shardSize),
  });
  console.log(`search index: ${result.records} of ${result.transcripts} transcripts in ${(result.ms / 1000).toFixed(2)} s`);
} catch (err) {
  console.error(failureMessage(err));
  process.exit(1);
}
