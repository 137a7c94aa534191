// Eleventy wiring only. Each transcript file in the seeds folder is a template
// of its own (so `npm start` rebuilds only what an edit touches); its data is
// the Transcript that src/ made of it. Layouts live in _includes/, site
// settings in _data/, and the search index is made beside the pages.
import type UserConfig from "@11ty/eleventy/UserConfig";
import { HtmlBasePlugin } from "@11ty/eleventy";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, relative, resolve, sep } from "node:path";
import { detectLanguage } from "./src/ingest/language.ts";
import { loadSource, scanArchive, setIngestCache } from "./src/ingest/load.ts";
import { withArchiveSlug, type Archive } from "./src/ingest/archive.ts";
import { problemsOfFile, rebuildReport } from "./src/ingest/report.ts";
import { devBanner, scriptHashSource } from "./src/site/dev.ts";
import { renderBlock, renderInline } from "./src/site/markdown.ts";
import type { Chapter, CompanyNote, Listing, Transcript, TranscriptCard } from "./src/model.ts";
import { publishedTranscripts, siteUrl } from "./src/site/publish.ts";
import { jsonForScript, transcriptJsonLd } from "./src/site/structured-data.ts";
import { buildBrowse, type Browse } from "./src/site/browse.ts";
import { buildQuotes, type QuotesPage } from "./src/site/quotes.ts";
import { cardOf } from "./src/site/card.ts";
import { companyNames, shownName, termKey, type TaxonomyKind, type Term } from "./src/site/taxonomy.ts";
import { formatClock, videoAt } from "./src/ingest/timecode.ts";
import { searchFacets } from "./src/search/facets.ts";
import { chapterSection, starScale, starsOf } from "./src/site/summary-view.ts";
import { buildStats } from "./src/site/build-stats.ts";
import { SearchIndexer, searchItem, type SearchIndexResult } from "./src/search/job.ts";
import { assignShards, shardLimitsOf } from "./src/search/shards.ts";
import { DELTA_MANIFEST } from "./src/search/manifest.ts";
import { buildSettings } from "./src/site/settings.ts";
import { BROWSER_SOURCE, bundleBrowserCode } from "./src/site/browser-bundle.ts";
import { renderBatch } from "./src/site/render-batch.ts";

/** A build's search index, made beside the pages from the first Eleventy run of the build to its last (render-batch.ts). */
let building: { started: number; job: Promise<SearchIndexResult> } | undefined;

interface EleventyEvent {
  directories: { output: string };
  runMode: "build" | "watch" | "serve";
}

export default function (eleventyConfig: UserConfig) {
  const settings = buildSettings();
  const project = process.cwd();
  const fromSeeds = (dir: string) => relative(settings.seedsDir, resolve(project, dir)) || ".";

  // The archive is read once per build (under npm start, unchanged files come from the ingest
  // cache); what is published, and the browse pages, follow from it. The build holds each
  // transcript's card (no text); a transcript page reads its text when it is rendered.
  let archive: Archive<TranscriptCard>;
  let published: TranscriptCard[] = [];
  let byFile = new Map<string, TranscriptCard>();
  let browse: Browse;
  let quotes: QuotesPage;
  // Which shard of the search index holds each transcript (the search page's interview filter searches only it).
  const shardLimits = shardLimitsOf(settings.shardSize);
  let shardBySlug = new Map<string, string>();
  const refresh = () => {
    // One file at a time, each transcript kept as its card (its text let go at once).
    archive = scanArchive(settings.seedsDir, cardOf);
    published = publishedTranscripts(archive.transcripts, settings);
    quotes = Object.freeze(buildQuotes(published));
    byFile = new Map(published.map((t) => [t.file, t]));
    shardBySlug = new Map(assignShards(published.map(searchItem), shardLimits).flatMap((s) => s.slugs.map((slug) => [slug, s.id] as const)));
    // Frozen: Eleventy deep-copies plain global data into every page's data, but shares a frozen
    // object. Unfrozen, each of N pages held its own copy of the N transcripts' entries (quadratic:
    // 1.5 GB of copies at 1,000 transcripts).
    browse = Object.freeze(buildBrowse(published));
  };
  refresh();
  // Under `npm start` (which printed every problem before the first build), each rebuild prints
  // the problems of the files it was for; the build's own rules are not changed.
  const shownSeeds = relative(project, settings.seedsDir) || ".";
  eleventyConfig.on("eleventy.before", ({ runMode }: EleventyEvent) => {
    const before = archive;
    refresh();
    if (runMode !== "build") for (const line of rebuildReport(before, archive, shownSeeds)) console.log(line);
    // A build reads each transcript once more, for its page, and keeps none of them (npm start
    // keeps them: an edit re-reads one file).
    else setIngestCache(false);
  });
  eleventyConfig.addGlobalData("browse", () => browse);
  eleventyConfig.addGlobalData("quotes", () => quotes);
  // Under `npm start` pages name the manifest of the edits' search bundle (src/search/job.ts, manifest.ts).
  eleventyConfig.addGlobalData("searchDeltaManifest", DELTA_MANIFEST);
  // Under `npm start` only (templates check runMode): the development banner of a page's file
  // (its problems, counted); the CSP source of the dev server's inline reload script.
  eleventyConfig.addFilter("devBanner", (t: Listing | undefined) => (t ? devBanner(problemsOfFile(archive, t.file, shownSeeds)) : undefined));
  eleventyConfig.addGlobalData("devScriptSource", () => {
    try {
      return scriptHashSource(readFileSync(createRequire(import.meta.url).resolve("@11ty/eleventy-dev-server/client/reload-client.js"), "utf8"));
    } catch {
      return ""; // another version of the dev server: its 404 page's reload script is blocked, nothing else
    }
  });

  // The seeds folder holds transcripts only: a template or data file dropped
  // there must not run at build time (`npm run check` reports it as unsafe-file).
  eleventyConfig.setDataFileSuffixes([]);
  // Every transcript in the seeds folder is built, also when that folder is git-ignored.
  eleventyConfig.setUseGitIgnore(false);
  eleventyConfig.ignores.add("**/*.{njk,liquid,webc,html,11ty.js,11ty.cjs,11ty.mjs}");

  // The batch this Eleventy run renders (render-batch.ts), read once: the build sets it before it
  // makes each run's Eleventy, whose config runs once; npm start sets none (everything, one run).
  const batch = renderBatch();
  const firstRun = batch?.first ?? true;
  const lastRun = batch?.last ?? true;
  eleventyConfig.addExtension("txt", {
    outputFileExtension: "html",
    read: false,
    getData: (inputPath: string) => {
      const file = relative(settings.seedsDir, resolve(project, inputPath)).split(sep).join("/");
      const transcript = byFile.get(file);
      // Unpublished (a draft with EXCLUDE_DRAFTS=1), or rendered by another run of this build: no page here.
      if (!transcript || !(batch?.files.has(file) ?? true)) return { permalink: false, eleventyExcludeFromCollections: true };
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
  // The pages that are not transcripts, and the assets: in a build's first run only (render-batch.ts).
  // Styles and icons as they are; the browser code (src/browser/, TypeScript) bundled into assets/ by esbuild.
  if (firstRun) {
    eleventyConfig.addPassthroughCopy({ [resolve(project, "_includes/assets")]: "assets" });
    eleventyConfig.on("eleventy.before", ({ directories }: EleventyEvent) => bundleBrowserCode(join(resolve(directories.output), "assets")));
  }
  eleventyConfig.addWatchTarget(BROWSER_SOURCE);

  // A transcript page's text, read when the page is rendered (the card has none).
  eleventyConfig.addFilter("fullTranscript", (card: TranscriptCard) => {
    return withArchiveSlug(loadSource(settings.seedsDir, card.file), card.slug);
  });
  eleventyConfig.addFilter("md", (text: string) => renderInline(text ?? ""));
  eleventyConfig.addFilter("mdBlock", (text: string) => renderBlock(text ?? ""));
  eleventyConfig.addFilter("clock", (seconds: number) => formatClock(seconds));
  eleventyConfig.addFilter("videoAt", (source: string | undefined, seconds: number) => (source ? videoAt(source, seconds) : undefined));
  eleventyConfig.addFilter("langOf", (text: string) => (detectLanguage(text ?? "") === "en" ? "en" : "zh-CN"));
  eleventyConfig.addFilter("absoluteUrl", (path: string, origin?: string) => siteUrl(path, settings.pathPrefix, settings.siteUrl ?? (origin || undefined)));
  eleventyConfig.addFilter("jsonLd", (t: Listing, url: string) => jsonForScript(transcriptJsonLd(t, url)));
  const termOf = (name: string | undefined, kind: TaxonomyKind) => browse.termsByKey[kind].get(termKey(name ?? ""));
  eleventyConfig.addFilter("termUrl", (name: string, kind: TaxonomyKind) => {
    const term = termOf(name, kind);
    return term ? `/${kind}/${term.slug}/` : undefined;
  });
  // A name as written (in the archive's own case when written all in lower case: `openai` → `OpenAI`).
  eleventyConfig.addFilter("termName", (name: string, kind: TaxonomyKind) => shownName(name ?? "", termOf(name, kind)?.cased));
  eleventyConfig.addFilter("companyNames", (entries: string | string[] | undefined) => [entries ?? []].flat().flatMap(companyNames));
  eleventyConfig.addFilter("chapterSection", (c: Chapter, t: Transcript) => chapterSection(c, t.sections)?.id);
  eleventyConfig.addFilter("stars", (importance: string | undefined) => starsOf(importance));
  eleventyConfig.addFilter("starScale", (companies: CompanyNote[]) => starScale(companies ?? []));
  eleventyConfig.addFilter("termKeys", (names: string | string[] | undefined) => [names ?? []].flat().map(termKey).join("|"));
  eleventyConfig.addFilter("transcriptsOf", (term: Term) => term.transcripts.map((slug) => browse.bySlug[slug]));
  eleventyConfig.addFilter("shardOf", (slug: string) => shardBySlug.get(slug) ?? "");
  eleventyConfig.addFilter("searchFacets", (transcripts: TranscriptCard[]) => searchFacets(transcripts ?? []));

  // Pages that are not transcripts: the templates live in _includes/; these virtual entries place them.
  // Each declares the transcripts collection (eleventyImport) so that incremental rebuilds refresh it.
  if (firstRun) {
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
    // For what a browser opens without a page's <link rel="icon"> (the feed).
    eleventyConfig.addPassthroughCopy({ [resolve(project, "_includes/static/favicon.ico")]: "favicon.ico" });
  }

  // The search index is made in a worker thread (src/search/job.ts, manifest.ts). A
  // build starts it before the pages, so both run at once, and waits for it at
  // the end. Under `npm start` the pages are served as soon as they are written
  // and the index follows in the background (one run at a time; edits made
  // meanwhile are picked up by one more run; after the first, a run indexes
  // only the changed transcripts, into a second bundle the search page merges).
  let indexer: SearchIndexer | undefined;
  const searchJob = (output: string, runMode: EleventyEvent["runMode"]) => {
    indexer ??= new SearchIndexer(runMode !== "build");
    return indexer.run({
      siteDir: output,
      seedsDir: settings.seedsDir,
      items: published.map(searchItem),
      cacheDir: settings.searchCacheDir,
      shardLimits,
    });
  };
  eleventyConfig.on("eleventy.before", ({ directories, runMode }: EleventyEvent) => {
    // A build: the index is made beside the pages, from the first batch's run to the last's.
    if (!settings.searchIndex || runMode !== "build" || !firstRun) return;
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
    if (!building || !lastRun) return;
    const { started, job } = building;
    building = undefined;
    const pagesDone = performance.now();
    // A record must never link to a missing page. (The job ends its workers itself.)
    const missing = published.filter((t) => !existsSync(join(output, "t", t.slug, "index.html")));
    if (missing.length) throw new Error(`search index: no page was written for ${missing.map((t) => t.file).join(", ")}`);
    const result = await job;
    buildStats.recordsMs = result.recordsMs;
    buildStats.pagefindMs = result.pagefindMs;
    buildStats.shards = result.shards;
    buildStats.shardsIndexed = result.shardsIndexed;
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
