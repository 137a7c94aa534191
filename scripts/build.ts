// `npm run build`: check the seeds, then Eleventy and the search index into a
// fresh folder that replaces the site only when everything succeeded.
import Eleventy from "@11ty/eleventy";
import { existsSync, renameSync, rmSync } from "node:fs";
import { relative, resolve } from "node:path";
import { loadArchive } from "../src/load.ts";
import { buildSettings } from "./settings.ts";
import { hasErrors, problemReport } from "./report.ts";

const started = performance.now();
const settings = buildSettings();
const archive = loadArchive(settings.seedsDir);
const report = problemReport(archive, relative(process.cwd(), settings.seedsDir) || ".");
for (const line of report) console.log(line);
if (hasErrors(archive)) {
  console.error(`build stopped: fix the errors above (the site in ${settings.siteDir} was left as it was)`);
  process.exit(1);
}

const target = resolve(settings.siteDir);
const staging = `${target}.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
try {
  const eleventy = new Eleventy(".", staging, { configPath: ".eleventy.ts", quietMode: true, pathPrefix: settings.pathPrefix });
  await eleventy.write();
} catch (err) {
  rmSync(staging, { recursive: true, force: true });
  const message = err instanceof Error ? `${err.message}${err.cause instanceof Error ? `\n  caused by: ${err.cause.message}` : ""}` : String(err);
  console.error(`build failed: ${message}`);
  process.exit(1);
}
if (existsSync(target)) rmSync(target, { recursive: true, force: true });
renameSync(staging, target);
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`built ${archive.transcripts.length} transcripts into ${relative(process.cwd(), target) || target} in ${seconds} s`);
