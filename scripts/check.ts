// `npm run check [-- --json]`: every problem in every file of the seeds folder,
// sorted, then a summary; exit code 1 when any is an error (2 when the check
// itself could not run, e.g. an unknown option).
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { scanArchive, setIngestCache } from "../src/ingest/load.ts";
import { cardOf } from "../src/site/card.ts";
import { buildSettings } from "../src/site/settings.ts";
import { failureMessage, hasErrors, problemJson, problemReport } from "../src/ingest/report.ts";

function main(): number {
  let json: boolean;
  try {
    ({ values: { json } } = parseArgs({ options: { json: { type: "boolean", default: false } } }));
  } catch (err) {
    console.error(`check: ${failureMessage(err)}\nusage: npm run check [-- --json]`);
    return 2;
  }
  const { seedsDir } = buildSettings();
  // One file at a time: the check holds each transcript's card, not the archive's text.
  setIngestCache(false);
  const archive = scanArchive(seedsDir, cardOf);
  const shown = relative(process.cwd(), seedsDir) || ".";
  if (json) console.log(JSON.stringify(problemJson(archive, shown), null, 2));
  else for (const line of problemReport(archive, shown)) console.log(line);
  return hasErrors(archive) ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error(`check failed: ${failureMessage(err)}`);
  process.exitCode = 2;
}
