// The search index in shards, as the search page uses it: the newest shard first, older ones
// merged only while a screen is not full or when the reader asks for older interviews, and a
// filter that points at one shard (the interview, the year) searches only that one. A synthetic
// archive of 24 short transcripts over several years, built with at most 3 transcripts a shard.
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { iterateArchive } from "../../scripts/bench/synthetic.ts";
import { loadArchive } from "../../src/ingest/load.ts";
import { searchItem, type ShardsManifest } from "../../src/search/job.ts";
import { assignShards, DEFAULT_SHARD_LIMITS } from "../../src/search/shards.ts";
import { launchBrowser } from "./support/chromium.ts";
import { openSearch, problems, searchFor } from "./support/search.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { buildSiteOrThrow, removeSite, REPO_ROOT } from "./support/site.ts";

let browser: Browser;
let server: StaticServer;
let siteDir: string;
let seeds: string;
let manifest: ShardsManifest;
let rareSlug = "";
const RARE = "quokkazephyrine";

beforeAll(async () => {
  seeds = mkdtempSync(join(tmpdir(), "shard-seeds-"));
  const seedTexts = readdirSync(join(REPO_ROOT, "seeds")).filter((n) => /\.(md|txt)$/.test(n)).map((name) => ({ name, text: readFileSync(join(REPO_ROOT, "seeds", name), "utf8") }));
  for (const item of iterateArchive({ count: 24, seedTexts, avgBytes: 12_000 })) writeFileSync(join(seeds, item.name), item.text);
  // A word in one transcript of the oldest dated shard only.
  const archive = loadArchive(seeds).transcripts;
  const oldest = assignShards(archive.map(searchItem), { ...DEFAULT_SHARD_LIMITS, count: 3 }).filter((s) => s.to).at(-1)!;
  const rare = archive.find((t) => t.slug === oldest.slugs[0])!;
  rareSlug = rare.slug;
  appendFileSync(join(seeds, rare.file), `\n\nOnly here is the word ${RARE}.\n\n只有这里有 ${RARE} 这个词。\n`);
  ({ siteDir } = await buildSiteOrThrow({ seedsDir: seeds, extraEnv: { SEARCH_SHARD_SIZE: "3" } }));
  manifest = JSON.parse(readFileSync(join(siteDir, "pagefind", "shards.json"), "utf8")) as ShardsManifest;
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (siteDir) await removeSite(siteDir);
  if (seeds) rmSync(seeds, { recursive: true, force: true });
});

/** The shards whose files a page asked for. */
const shardsRead = (requests: string[]) => [...new Set(requests.map((u) => /\/pagefind\/([^/]+)\//.exec(u)?.[1]).filter((id): id is string => Boolean(id)))];

describe("a search over shards", () => {
  it("reads the newest shards until a screen is full, then older ones when asked, without showing one twice", async () => {
    expect(manifest.shards.length).toBeGreaterThan(6);
    const o = await openSearch(browser, server.url);
    try {
      // A word of every transcript: the first screen comes from the newest shards alone.
      const first = await searchFor(o.page, "scaling");
      expect(first.length).toBeGreaterThanOrEqual(6);
      const read = shardsRead(o.requests);
      expect(read.length).toBeLessThan(manifest.shards.length);
      expect(read).toEqual(manifest.shards.slice(0, read.length).map((s) => s.id));
      expect(await o.page.textContent(".search-status")).toMatch(/newest \d+ of 24 interviews/);
      // More results, then older interviews, on request, until every shard is read.
      const more = o.page.locator("button.sr-show-more");
      let askedOlder = false;
      for (let i = 0; i < 100 && (await more.count()); i++) {
        askedOlder ||= /Search older interviews/.test((await more.textContent()) ?? "");
        const before = await o.page.locator(".search-results > li").count();
        await more.click();
        await o.page.waitForFunction((n) => !document.querySelector("[data-search-page][aria-busy]") && (document.querySelectorAll(".search-results > li").length > n || !document.querySelector("button.sr-show-more")), before);
      }
      expect(askedOlder, "a 'Search older interviews' button").toBe(true);
      expect(shardsRead(o.requests).sort()).toEqual(manifest.shards.map((s) => s.id).sort());
      const links = await o.page.$$eval(".search-results a.sr-link", (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
      expect(new Set(links).size, "no interview twice").toBe(links.length);
      expect(await o.page.textContent(".search-status")).toMatch(/interviews? for/);
      expect(await o.page.textContent(".search-status")).not.toMatch(/newest/);
      expect(problems(o, server.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("finds a word that only the oldest transcript holds, reading the older shards by itself", async () => {
    const o = await openSearch(browser, server.url);
    try {
      const shown = await searchFor(o.page, RARE);
      expect(shown.map((s) => new URL(s.href).pathname)).toEqual([`/t/${rareSlug}/`]);
      expect(shardsRead(o.requests)).toContain(manifest.shards.filter((s) => s.to).at(-1)!.id);
      expect(await o.page.textContent(".search-status")).toMatch(/^1 篇访谈 · 1 interview for/);
    } finally {
      await o.close();
    }
  });

  it("with the year filter, reads only the shards of that year", async () => {
    const year = manifest.shards.find((s) => s.to)!.to!.slice(0, 4);
    const o = await openSearch(browser, server.url);
    try {
      await o.page.evaluate(() => ((document.querySelector("details.search-filters") as HTMLDetailsElement).open = true));
      await o.page.selectOption('select[name="year"]', year);
      const shown = await searchFor(o.page, "scaling");
      const ofYear = manifest.shards.filter((s) => s.from && s.from.slice(0, 4) <= year && s.to!.slice(0, 4) >= year).map((s) => s.id);
      const read = shardsRead(o.requests);
      // The newest shard is read when the page opens; beyond it, only shards of the year.
      expect(read.filter((id) => id !== manifest.shards[0]!.id).every((id) => ofYear.includes(id))).toBe(true);
      for (const s of shown) expect(s.meta).toContain(year);
    } finally {
      await o.close();
    }
  });

  it("with an interview chosen, reads only its shard, and shows each of its matching passages", async () => {
    const oldest = manifest.shards.at(-1)!;
    const o = await openSearch(browser, server.url);
    try {
      await o.page.evaluate(() => ((document.querySelector("details.search-filters") as HTMLDetailsElement).open = true));
      const slug = await o.page.$eval(`select[name="interview"] option[data-shard="${oldest.id}"]`, (opt) => (opt as HTMLOptionElement).value);
      await o.page.selectOption('select[name="interview"]', slug);
      const shown = await searchFor(o.page, "scaling");
      expect(shown.length).toBeGreaterThan(0);
      for (const s of shown) expect(s.href).toContain(`/t/${slug}/`);
      const read = shardsRead(o.requests);
      expect(read.filter((id) => id !== manifest.shards[0]!.id)).toEqual([oldest.id]);
    } finally {
      await o.close();
    }
  });
});
