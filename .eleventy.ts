// Eleventy wiring only. Each transcript file in the seeds folder is a template
// of its own (so `npm start` rebuilds only what an edit touches); its data is
// the Transcript that src/ made of it. Layouts live in _includes/, site
// settings in _data/, and the search index is made beside the pages.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { existsSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { detectLanguage } from "./src/ingest/language.ts";
import { loadArchive } from "./src/ingest/load.ts";
import { renderBlock, renderInline } from "./src/site/markdown.ts";
import type { Transcript } from "./src/model.ts";
import { publishedTranscripts, siteUrl } from "./src/site/publish.ts";
import { jsonForScript, transcriptJsonLd } from "./src/site/structured-data.ts";
import { buildBrowse, type Browse } from "./src/site/browse.ts";
import { buildQuotes, type QuotesPage } from "./src/site/quotes.ts";
import { termKey, type TaxonomyKind, type Term } from "./src/site/taxonomy.ts";
import { formatClock, videoAt } from "./src/ingest/timecode.ts";
import { searchFacets } from "./src/search/facets.ts";
import { buildStats } from "./src/site/build-stats.ts";
import { SearchIndexer, type SearchIndexResult } from "./src/search/job.ts";
import { DELTA_MANIFEST } from "./src/search/manifest.ts";
import { buildSettings } from "./src/site/settings.ts";
import { BROWSER_SOURCE, bundleBrowserCode } from "./src/site/browser-bundle.ts";

interface EleventyEvent {
  directories: { output: string };
  runMode: "build" | "watch" | "serve";
}

export default function (eleventyConfig: UserConfig) {
  const settings = buildSettings();
  const project = process.cwd();
  const fromSeeds = (dir: string) => relative(settings.seedsDir, resolve(project, dir)) || ".";

  // The archive is read once per build (unchanged files come from the ingest
  // cache); what is published, and the browse pages, follow from it.
  let published: Transcript[] = [];
  let byFile = new Map<string, Transcript>();
  let browse: Browse;
  let quotes: QuotesPage;
  const refresh = () => {
    published = publishedTranscripts(loadArchive(settings.seedsDir).transcripts, settings);
    byFile = new Map(published.map((t) => [t.file, t]));
    // Frozen: Eleventy deep-copies plain global data into every page's data, but shares a frozen
    // object. Unfrozen, each of N pages held its own copy of the N transcripts' entries (quadratic:
    // 1.5 GB of copies at 1,000 transcripts).
    browse = Object.freeze(buildBrowse(published));
    quotes = Object.freeze(buildQuotes(published));
  };
  refresh();
  eleventyConfig.on("eleventy.before", refresh);
  eleventyConfig.addGlobalData("browse", () => browse);
  eleventyConfig.addGlobalData("quotes", () => quotes);
  // Under `npm start` pages name the manifest of the edits' search bundle (src/search/job.ts, manifest.ts).
  eleventyConfig.addGlobalData("searchDeltaManifest", DELTA_MANIFEST);

  // The seeds folder holds transcripts only: a template or data file dropped
  // there must not run at build time (`npm run check` reports it as unsafe-file).
  eleventyConfig.setDataFileSuffixes([]);
  // Every transcript in the seeds folder is built, also when that folder is git-ignored.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add("**/*.{njk,liquid,webc,html,11ty.js,11ty.cjs,11ty.mjs}");

  eleventyConfig.addExtension("txt", {
    outputFileExtension: "html",
    read: false,
    getData: (inputPath: string) => {
      const file = relative(settings.seedsDir, resolve(project, inputPath)).split(sep).join("/");
      const transcript = byFile.get(file);
      // Unpublished (a draft with EXCLUDE_DRAFTS=1): no page, in no list.
      if (!transcript) return { permalink: false, eleventyExcludeFromCollections: true };
      // Plain data, printed once (escaped) by the layout.
      return { transcript, layout: "post.njk", permalink: `/t/${transcript.slug}/`, pageTitle: transcript.meta.title, pageDescription: transcript.meta.summary };
    },
    compile: () => () => "",
  });
  // Not an override of Eleventy's own `md` engine (its incremental rebuild then
  // fails with "missing extensionMap"): .md and .markdown are aliases of `txt`.
  eleventyConfig.addExtension(["md", "markdown"], { key: "txt" });

  // Lists of transcripts read this collection and declare it (`eleventyImport`),
  // so that an incremental rebuild re-renders them when any transcript changes.
  eleventyConfig.addCollection("transcripts", () => published);

  eleventyConfig.addPlugin(HtmlBasePlugin);
  eleventyConfig.setWatchThrottleWaitTime(100);
  // Styles and icons as they are; the browser code (src/browser/, TypeScript) bundled into assets/ by esbuild.
  eleventyConfig.addPassthroughCopy({ [resolve(project, "_includes/assets")]: "assets" });
  eleventyConfig.on("eleventy.before", ({ directories }: EleventyEvent) => bundleBrowserCode(join(resolve(directories.output), "assets")));
  eleventyConfig.addWatchTarget(BROWSER_SOURCE);

  eleventyConfig.addFilter("md", (text: string) => renderInline(text ?? ""));
  eleventyConfig.addFilter("mdBlock", (text: string) => renderBlock(text ?? ""));
  eleventyConfig.addFilter("clock", (seconds: number) => formatClock(seconds));
  eleventyConfig.addFilter("videoAt", (source: string | undefined, seconds: number) => (source ? videoAt(source, seconds) : undefined));
  eleventyConfig.addFilter("langOf", (text: string) => (detectLanguage(text ?? "") === "en" ? "en" : "zh-CN"));
  eleventyConfig.addFilter("absoluteUrl", (path: string, origin?: string) => siteUrl(path, settings.pathPrefix, settings.siteUrl ?? (origin || undefined)));
  eleventyConfig.addFilter("jsonLd", (t: Transcript, url: string) => jsonForScript(transcriptJsonLd(t, url)));
  eleventyConfig.addFilter("termUrl", (name: string, kind: TaxonomyKind) => {
    const slug = browse.slugs[kind].get(termKey(name ?? ""));
    return slug ? `/${kind}/${slug}/` : undefined;
  });
  eleventyConfig.addFilter("termKeys", (names: string | string[] | undefined) => [names ?? []].flat().map(termKey).join("|"));
  eleventyConfig.addFilter("transcriptsOf", (term: Term) => term.transcripts.map((slug) => browse.bySlug[slug]));
  eleventyConfig.addFilter("searchFacets", (transcripts: Transcript[]) => searchFacets(transcripts ?? []));

  // Pages that are not transcripts: the templates live in _includes/; these virtual entries place them.
  // Each declares the transcripts collection (eleventyImport) so that incremental rebuilds refresh it.
  const lists = { eleventyImport: { collections: ["transcripts"] } };
  eleventyConfig.addTemplate("index.njk", "", { ...lists, layout: "archive.njk", permalink: "/" });
  eleventyConfig.addTemplate("terms.njk", "", {
    ...lists,
    layout: "terms.njk",
    pagination: { data: "browse.taxonomy", size: 1, alias: "kind" },
    permalink: (data: { kind: string }) => `/${data.kind}/`,
  });
  eleventyConfig.addTemplate("term.njk", "", {
    ...lists,
    layout: "term.njk",
    pagination: { data: "browse.terms", size: 1, alias: "term" },
    permalink: (data: { term: Term }) => `/${data.term.kind}/${data.term.slug}/`,
  });
  eleventyConfig.addTemplate("feed.njk", "", { ...lists, layout: "feed.njk", permalink: "/feed.xml" });
  eleventyConfig.addTemplate("sitemap.njk", "", { ...lists, layout: "sitemap.njk", permalink: "/sitemap.xml" });
  eleventyConfig.addTemplate("robots.njk", "", { layout: "robots.njk", permalink: "/robots.txt" });
  eleventyConfig.addTemplate("404.njk", "", { layout: "404.njk", permalink: "/404.html" });
  eleventyConfig.addTemplate("search.njk", "", { ...lists, layout: "search.njk", permalink: "/search/" });
  eleventyConfig.addTemplate("quotes.njk", "", { ...lists, layout: "quotes.njk", permalink: "/quotes/", pageTitle: "金句 Quotes" });
  eleventyConfig.addPassthroughCopy({ [resolve(project, "_includes/static/.nojekyll")]: ".nojekyll" });

  // The search index is made in a worker thread (src/search/job.ts, manifest.ts). A
  // build starts it before the pages, so both run at once, and waits for it at
  // the end. Under `npm start` the pages are served as soon as they are written
  // and the index follows in the background (one run at a time; edits made
  // meanwhile are picked up by one more run; after the first, a run indexes
  // only the changed transcripts, into a second bundle the search page merges).
  let indexer: SearchIndexer | undefined;
  const searchJob = (output: string, runMode: EleventyEvent["runMode"]) => {
    indexer ??= new SearchIndexer(runMode !== "build");
    return indexer.run({ siteDir: output, seedsDir: settings.seedsDir, items: published.map((t) => ({ file: t.file, slug: t.slug })) });
  };
  let building: { started: number; job: Promise<SearchIndexResult> } | undefined;
  eleventyConfig.on("eleventy.before", ({ directories, runMode }: EleventyEvent) => {
    if (!settings.searchIndex || runMode !== "build") return;
    const job = searchJob(resolve(directories.output), runMode);
    job.catch(() => undefined); // awaited (and reported) after the pages
    building = { started: performance.now(), job };
  });
  let indexing: Promise<void> | undefined;
  let again = false;
  const refreshIndex = (output: string) => {
    if (indexing) {
      again = true;
      return;
    }
    const started = performance.now();
    indexing = searchJob(output, "serve")
      .then((r) => {
        const what = r.delta ? ` (the ${r.delta.hidden} transcript(s) changed since start, in a second bundle)` : "";
        console.log(`[search] index refreshed in ${((performance.now() - started) / 1000).toFixed(2)} s${what}`);
      })
      .catch((err: unknown) => console.error(`[search] index failed: ${err instanceof Error ? err.message : String(err)}`))
      .finally(() => {
        indexing = undefined;
        if (again) {
          again = false;
          refreshIndex(output);
        }
      });
  };
  eleventyConfig.on("eleventy.after", async ({ directories, runMode }: EleventyEvent) => {
    if (!settings.searchIndex) return;
    const output = resolve(directories.output);
    if (runMode !== "build") return refreshIndex(output);
    if (!building) return;
    const { started, job } = building;
    building = undefined;
    const pagesDone = performance.now();
    // A record must never link to a missing page. (The job ends its workers itself.)
    const missing = published.filter((t) => !existsSync(join(output, "t", t.slug, "index.html")));
    if (missing.length) throw new Error(`search index: no page was written for ${missing.map((t) => t.file).join(", ")}`);
    const result = await job;
    buildStats.recordsMs = result.recordsMs;
    buildStats.pagefindMs = result.pagefindMs;
    buildStats.searchMs = performance.now() - started;
    buildStats.searchWaitMs = performance.now() - pagesDone;
  });

  return {
    // The output folder and path prefix come from the caller (scripts/build.ts, scripts/serve.ts).
    dir: { input: relative(project, settings.seedsDir) || ".", includes: fromSeeds("_includes"), data: fromSeeds("_data") },
    templateFormats: ["njk", "txt", "md", "markdown"],
    htmlTemplateEngine: "njk",
  };
}
