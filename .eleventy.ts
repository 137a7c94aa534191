// Eleventy wiring only: the archive comes from src/, pages from _includes/,
// the search index from scripts/search-index.ts after each build.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { resolve } from "node:path";
import { loadArchive } from "./src/load.ts";
import { renderBlock, renderInline } from "./src/markdown.ts";
import { formatClock, videoAt } from "./src/timecode.ts";
import { detectLanguage } from "./src/language.ts";
import { buildSearchIndex } from "./scripts/search-index.ts";
import { buildSettings } from "./scripts/settings.ts";

export default function (eleventyConfig: UserConfig) {
  const settings = buildSettings();

  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.addWatchTarget(settings.seedsDir);
  eleventyConfig.setWatchThrottleWaitTime(100);
  eleventyConfig.addPassthroughCopy({ "_includes/assets": "assets" });

  eleventyConfig.addGlobalData("archive", () => loadArchive(settings.seedsDir));

  eleventyConfig.addFilter("md", (text: string) => renderInline(text ?? ""));
  eleventyConfig.addFilter("mdBlock", (text: string) => renderBlock(text ?? ""));
  eleventyConfig.addFilter("clock", (seconds: number) => formatClock(seconds));
  eleventyConfig.addFilter("videoAt", (source: string | undefined, seconds: number) => (source ? videoAt(source, seconds) : undefined));
  eleventyConfig.addFilter("langOf", (text: string) => (detectLanguage(text ?? "") === "en" ? "en" : "zh-CN"));

  // Pages: the templates live in _includes/; these virtual entries place them.
  eleventyConfig.addTemplate("index.njk", "", { layout: "archive.njk", permalink: "/" });
  eleventyConfig.addTemplate("transcript.njk", "", {
    layout: "post.njk",
    pagination: { data: "archive.transcripts", size: 1, alias: "transcript", addAllPagesToCollections: false },
    permalink: (data: { transcript: { slug: string } }) => `/t/${data.transcript.slug}/`,
  });

  eleventyConfig.on("eleventy.after", async ({ directories }: { directories: { output: string } }) => {
    if (settings.searchIndex) await buildSearchIndex(resolve(directories.output));
  });

  return {
    // Output folder and path prefix come from the caller (scripts/build.ts, scripts/serve.ts).
    dir: { input: ".", includes: "_includes", data: "_data" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
