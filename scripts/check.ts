// `npm run check [-- --json]`: every problem in every file of the seeds folder.
import { parseArgs } from "node:util";
import { relative } from "node:path";
import { loadArchive } from "../src/load.ts";
import { summariseProblems } from "../src/problems.ts";
import { buildSettings } from "./settings.ts";
import { hasErrors, problemReport } from "./report.ts";

const { values } = parseArgs({ options: { json: { type: "boolean", default: false } } });
const { seedsDir } = buildSettings();
const archive = loadArchive(seedsDir);
const shown = relative(process.cwd(), seedsDir) || ".";

if (values.json) {
  const problems = archive.problems.map((p) => ({ ...p, file: `${shown}/${p.file}` }));
  const summary = summariseProblems(archive.problems, archive.fileCount);
  console.log(JSON.stringify({ files: archive.fileCount, problems, summary }, null, 2));
} else {
  for (const line of problemReport(archive, shown)) console.log(line);
}
process.exitCode = hasErrors(archive) ? 1 : 0;
