// Eleventy wiring only. Each transcript file in the seeds folder is a template
// of its own (so `npm start` rebuilds only what an edit touches); its data is
// the Transcript that src/ made of it. Layouts live in _includes/, site
// settings in _data/, and the search index is written after each build.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { relative, resolve, sep } from "node:path";
import type { Archive } from "./src/archive.ts";
import { detectLanguage } from "./src/language.ts";
import { loadArchive } from "./src/load.ts";
import { renderBlock, renderInline } from "./src/markdown.ts";
import { formatClock, videoAt } from "./src/timecode.ts";
import { buildSearchIndex } from "./scripts/search-index.ts";
import { buildSettings } from "./scripts/settings.ts";

export default function (eleventyConfig: UserConfig) {
  const settings = buildSettings();
  const project = process.cwd();
  const fromSeeds = (dir: string) => relative(settings.seedsDir, resolve(project, dir)) || ".";

  // The archive is read once per build; unchanged files come from the ingest cache.
  let archive: Archive = loadArchive(settings.seedsDir);
  let byFile = new Map(archive.transcripts.map((t) => [t.file, t]));
  eleventyConfig.on("eleventy.before", () => {
    archive = loadArchive(settings.seedsDir);
    byFile = new Map(archive.transcripts.map((t) => [t.file, t]));
  });
  eleventyConfig.addGlobalData("archive", () => archive);

  eleventyConfig.addExtension("txt", {
    outputFileExtension: "html",
    read: false,
    getData: (inputPath: string) => {
      const file = relative(settings.seedsDir, resolve(project, inputPath)).split(sep).join("/");
      const transcript = byFile.get(file);
      return transcript ? { transcript, layout: "post.njk", permalink: `/t/${transcript.slug}/` } : { permalink: false };
    },
    compile: () => () => "",
  });
  // Not an override of Eleventy's own `md` engine (its incremental rebuild then
  // fails with "missing extensionMap"): .md and .markdown are aliases of `txt`.
  eleventyConfig.addExtension(["md", "markdown"], { key: "txt" });

  // Lists of transcripts read this collection and declare it (`eleventyImport`),
  // so that an incremental rebuild re-renders them when any transcript changes.
  eleventyConfig.addCollection("transcripts", () => archive.transcripts);

  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.setWatchThrottleWaitTime(100);
  eleventyConfig.addPassthroughCopy({ [resolve(project, "_includes/assets")]: "assets" });

  eleventyConfig.addFilter("md", (text: string) => renderInline(text ?? ""));
  eleventyConfig.addFilter("mdBlock", (text: string) => renderBlock(text ?? ""));
  eleventyConfig.addFilter("clock", (seconds: number) => formatClock(seconds));
  eleventyConfig.addFilter("videoAt", (source: string | undefined, seconds: number) => (source ? videoAt(source, seconds) : undefined));
  eleventyConfig.addFilter("langOf", (text: string) => (detectLanguage(text ?? "") === "en" ? "en" : "zh-CN"));

  // Pages that are not transcripts: the templates live in _includes/; these virtual entries place them.
  eleventyConfig.addTemplate("index.njk", "", { layout: "archive.njk", permalink: "/", eleventyImport: { collections: ["transcripts"] } });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (settings.searchIndex) await buildSearchIndex(resolve(directories.output));
  });

  return {
    // The output folder and path prefix come from the caller (scripts/build.ts, scripts/serve.ts).
    dir: { input: relative(project, settings.seedsDir) || ".", includes: fromSeeds("_includes"), data: fromSeeds("_data") },
    templateFormats: ["njk", "txt", "md", "markdown"],
    htmlTemplateEngine: "njk",
  };
}
