// `npm start`: build, serve with live reload, and rebuild incrementally when a
// transcript or template changes: only the pages that depend on the change
// (the transcript's own page and the lists that show it), then the search index.
import Eleventy from "@11ty/eleventy";
import { relative } from "node:path";
import { loadArchive } from "../src/ingest/load.ts";
import { buildSettings } from "../src/site/settings.ts";
import { problemReport } from "../src/ingest/report.ts";

const settings = buildSettings();
const input = relative(process.cwd(), settings.seedsDir) || ".";
const archive = loadArchive(settings.seedsDir);
for (const line of problemReport(archive, input)) console.log(line);
// Other problems are shown on the pages being served; a file that would run as code is not served at all.
if (archive.problems.some((p) => p.code === "unsafe-file")) {
  console.error("npm start refused: remove the unsafe files listed above from the seeds folder");
  process.exit(1);
}
const port = Number(process.env.PORT ?? 8080);
const eleventy = new Eleventy(input, settings.siteDir, { configPath: ".eleventy.ts", runMode: "serve", pathPrefix: settings.pathPrefix, quietMode: true });
// Eleventy matches the changed file to its template by path: that works for a
// seeds folder inside the project; one outside it is rebuilt in full on a change.
eleventy.setIncrementalBuild(true);
await eleventy.init();
await eleventy.watch();
await eleventy.serve(port);
