// `npm start`: build, serve with live reload, rebuild (search index included)
// when a transcript or template changes.
import Eleventy from "@11ty/eleventy";
import { relative } from "node:path";
import { loadArchive } from "../src/load.ts";
import { buildSettings } from "./settings.ts";
import { problemReport } from "./report.ts";

const settings = buildSettings();
for (const line of problemReport(loadArchive(settings.seedsDir), relative(process.cwd(), settings.seedsDir) || ".")) console.log(line);
const port = Number(process.env.PORT ?? 8080);
const eleventy = new Eleventy(".", settings.siteDir, { configPath: ".eleventy.ts", runMode: "serve", pathPrefix: settings.pathPrefix });
await eleventy.init();
await eleventy.watch();
await eleventy.serve(port);
