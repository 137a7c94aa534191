// Search on the search page: the site built from seeds/ (global-setup.ts), served on 127.0.0.1
// and driven with Debian's Chromium. Quotes taken from the two seeds must find their interview
// and paragraph in the top 3, in English (stemmed) and in Chinese (segmented); the languages,
// the filters, the no-result message, and axe-core over the results. The site's CSP (<meta> in
// base.njk) is in force throughout. No assertion on time. (From a result to the page:
// search-navigation.test.ts.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { sideText } from "../../src/search/tokens.ts";
import { axe } from "./support/axe.ts";
import { launchBrowser } from "./support/chromium.ts";
import { openPage, type OpenedPage } from "./support/page.ts";
import { pairOf, transcripts, bilingual, chineseOnly, ENGLISH_QUOTES, CHINESE_QUOTES, problems, searchFor, openSearch, type Shown } from "./support/search.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";

const siteDir = inject("siteDir");

let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("quote search over the seeds", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openSearch(browser, server.url);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("uses quotes found once in the seeds, half English and half Chinese, from both seeds", () => {
    expect(ENGLISH_QUOTES.length + CHINESE_QUOTES.length).toBeGreaterThanOrEqual(20);
    expect(Math.abs(ENGLISH_QUOTES.length - CHINESE_QUOTES.length)).toBeLessThanOrEqual(1);
    const slugs = new Set([...ENGLISH_QUOTES, ...CHINESE_QUOTES].map((q) => pairOf(q).slug));
    expect(slugs).toEqual(new Set(transcripts.map((t) => t.slug)));
  });

  for (const [lang, quotes] of [
    ["English", ENGLISH_QUOTES],
    ["Chinese", CHINESE_QUOTES],
  ] as const) {
    for (const quote of quotes) {
      it(`${lang}: "${quote}" finds its interview and paragraph in the top 3`, async () => {
        const want = pairOf(quote);
        const shown = await searchFor(opened.page, quote);
        const top = shown.slice(0, 3).map((s) => s.href);
        expect(top, `top 3 for "${quote}"`).toContain(`${server.url}t/${want.slug}/#${want.id}`);
        const hit = shown.find((s) => s.href.endsWith(`/t/${want.slug}/#${want.id}`))!;
        expect(hit.title).toBe(want.title);
        // The excerpt shows the quote itself, marked as one run of words.
        const marks = [...hit.marks.en, ...hit.marks.zh].map((m) => m.toLowerCase());
        expect(marks, `marks for "${quote}"`).toContain(quote.toLowerCase());
      });
    }
  }

  it("made no error, no failed or outside request, and read no passage twice", () => {
    expect(problems(opened, server.origin)).toEqual([]);
    const passages = opened.requests.filter((u) => /\/pagefind\/[^/]+\/passages\//.test(u));
    expect(passages.length).toBeGreaterThan(10);
    expect(passages.filter((u, i) => passages.indexOf(u) !== i)).toEqual([]);
  });
});

describe("languages", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openSearch(browser, server.url);
  });
  afterAll(async () => {
    await opened?.close();
  });

  it("stems English: 'scaling law' finds 'scaling laws', 'hyperscaled' (in no seed) finds 'hyperscale' and its kin", async () => {
    const laws = await searchFor(opened.page, "scaling law");
    const want = pairOf("three scaling laws");
    expect(laws.slice(0, 3).map((s) => s.href)).toContain(`${server.url}t/${want.slug}/#${want.id}`);
    expect(laws.flatMap((s) => s.marks.en).map((m) => m.toLowerCase())).toContain("scaling laws");
    expect(transcripts.some((t) => JSON.stringify(t).toLowerCase().includes("hyperscaled"))).toBe(false);
    const hyper = await searchFor(opened.page, "hyperscaled");
    expect(hyper.length).toBeGreaterThan(0);
    const marked = hyper[0]!.marks.en.map((m) => m.toLowerCase());
    expect(marked.length).toBeGreaterThan(0);
    for (const m of marked) expect(["hyperscale", "hyperscaler", "hyperscalers", "hyperscales", "hyperscaling"]).toContain(m);
  });

  it("segments Chinese: 扩展定律 finds paragraphs in both interviews, the words highlighted", async () => {
    const shown = await searchFor(opened.page, "扩展定律");
    const slugs = new Set(shown.map((s) => new URL(s.href).pathname.split("/")[2]));
    expect(slugs).toEqual(new Set([bilingual.slug, chineseOnly.slug]));
    expect(shown[0]!.marks.zh.join("")).toContain("扩展定律");
  });

  it("a mixed query ('OpenAI 投资') puts paragraphs holding both words first", async () => {
    const shown = await searchFor(opened.page, "OpenAI 投资");
    expect(shown.length).toBeGreaterThan(0);
    const first = shown[0]!;
    const text = `${first.en ?? ""}\n${first.zh ?? ""}`;
    expect(text).toContain("OpenAI");
    expect(text).toContain("投资");
  });

  it("each result names the interview (title, date, speaker) and shows the pair, both languages, with lang", async () => {
    const shown = await searchFor(opened.page, "red glasses");
    const want = pairOf("red glasses");
    const t = transcripts.find((x) => x.slug === want.slug)!;
    const first = shown[0]!;
    expect(first.href).toBe(`${server.url}t/${want.slug}/#${want.id}`);
    expect(first.title).toBe(t.meta.title);
    expect(first.meta).toContain(t.meta.date!);
    expect(first.meta).toContain(t.meta.speaker ?? t.meta.channel ?? "");
    expect(first.marks.en.map((m) => m.toLowerCase())).toContain("red glasses");
    const pair = t.sections.flatMap((s) => s.pairs).find((p) => p.id === want.id)!;
    // The translation beside it: the paired Chinese paragraph (it may be clamped by CSS, not cut).
    expect(first.zh).toBe(sideText(pair.zh!));
  });

  it("a Chinese-only transcript's results show its Chinese alone", async () => {
    const shown = await searchFor(opened.page, "平均海拔高度");
    const first = shown[0]!;
    expect(first.href).toContain(`/t/${chineseOnly.slug}/#`);
    expect(first.en).toBeNull();
    expect(first.zh).toContain("平均海拔高度");
  });

  it("a query with no result says so, and how to search instead", async () => {
    const shown = await searchFor(opened.page, "zqxjv quokkaplex");
    expect(shown).toEqual([]);
    const empty = await opened.page.textContent(".sr-empty");
    expect(empty).toContain("zqxjv quokkaplex");
    expect(empty).toMatch(/No passage matches/);
    expect(empty).toMatch(/other language/);
    expect(await opened.page.textContent(".search-status")).toMatch(/No results/);
  });

  it("a word in no transcript shows no result, not what Pagefind's prefix fallback finds", async () => {
    // No indexed word starts with "weishaupt": Pagefind then matches its longest indexed prefix ("we").
    const shards = (JSON.parse(readFileSync(join(siteDir, "pagefind", "shards.json"), "utf8")) as { shards: { id: string }[] }).shards;
    const raw = await opened.page.evaluate(
      `import(${JSON.stringify(`${server.url}pagefind/${shards[0]!.id}/pagefind.js`)}).then(async (pf) => { await pf.init(); for (const s of ${JSON.stringify(shards.slice(1).map((s) => `/pagefind/${s.id}/`))}) await pf.mergeIndex(s); return (await pf.search("weishaupt")).results.length; })`,
    );
    expect(raw).toBeGreaterThan(0);
    const shown = await searchFor(opened.page, "weishaupt");
    expect(shown).toEqual([]);
    expect(await opened.page.textContent(".sr-empty")).toContain("weishaupt");
    expect(await opened.page.textContent(".search-status")).toMatch(/No results/);
  });

  it("made no error", () => {
    expect(problems(opened, server.origin)).toEqual([]);
  });
});

describe("filters", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openSearch(browser, server.url);
  });
  afterAll(async () => {
    await opened?.close();
  });

  async function withFilter(name: string, value: string, query: string): Promise<Shown[]> {
    const page = opened.page;
    // The box is emptied first, so choosing the filter starts no search of the last query.
    await page.fill("#search-q", "");
    if (name === "language") await page.check(`input[name="language"][value="${value}"]`);
    else await page.selectOption(`select[name="${name}"]`, value);
    const shown = await searchFor(page, query);
    // The results on screen answer this filter (searchFor waited for the form's filters).
    const answered = new URLSearchParams((await page.getAttribute("[data-search-page]", "data-filters")) ?? "");
    expect(answered.get(name)).toBe(value);
    return shown;
  }

  async function reset(): Promise<void> {
    const page = opened.page;
    for (const name of ["interview", "speaker", "tag", "year"]) await page.selectOption(`select[name="${name}"]`, "");
    await page.check('input[name="language"][value=""]');
  }

  const pathOf = (href: string) => new URL(href).pathname;

  it("offers every interview, speaker/channel, tag and year of the archive", async () => {
    const options = (name: string) => opened.page.$$eval(`select[name="${name}"] option`, (os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
    expect(new Set(await options("interview"))).toEqual(new Set(transcripts.map((t) => t.slug)));
    expect(await options("speaker")).toEqual(expect.arrayContaining(["Bg2 Pod"]));
    expect(await options("tag")).toEqual(expect.arrayContaining(bilingual.meta.tags));
    expect(new Set(await options("year"))).toEqual(new Set(transcripts.map((t) => t.meta.date!.slice(0, 4))));
  });

  it("interview: only that interview's paragraphs, one result per passage that holds the word", async () => {
    await reset();
    await searchFor(opened.page, "AI");
    // Without it, one result per interview.
    expect(await opened.page.textContent(".search-status")).toMatch(/^2 篇访谈 · 2 interviews for “AI”$/);
    for (const t of [bilingual, chineseOnly]) {
      await reset();
      const shown = await withFilter("interview", t.slug, "AI");
      expect(shown.length).toBeGreaterThan(1);
      for (const s of shown) expect(pathOf(s.href)).toBe(`/t/${t.slug}/`);
      expect(new Set(shown.map((s) => s.href)).size, "each passage shows a pair of its own").toBe(shown.length);
      expect(await opened.page.textContent(".search-status")).toMatch(/ passages for “AI”$/);
    }
  });

  it("an interview's result links to every match in that interview", async () => {
    await reset();
    const shown = await searchFor(opened.page, "AI");
    const link = opened.page.locator(`.search-results > li:has(a.sr-link[href*="/t/${bilingual.slug}/"]) .sr-every a`);
    expect(shown.length).toBe(2);
    const href = new URL((await link.getAttribute("href"))!);
    expect(href.pathname).toBe("/search/");
    expect(Object.fromEntries(href.searchParams)).toEqual({ q: "AI", interview: bilingual.slug });
    await link.click();
    await opened.page.waitForURL(href.href);
    await opened.page.waitForSelector("[data-search-page][data-searched]");
    expect(await opened.page.inputValue('select[name="interview"]')).toBe(bilingual.slug);
    const hrefs = await opened.page.$$eval(".search-results a.sr-link", (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    expect(hrefs.length).toBeGreaterThan(1);
    expect(new Set(hrefs)).toEqual(new Set([`/t/${bilingual.slug}/`]));
    expect(await opened.page.textContent(".search-status")).toMatch(/ passages for “AI”$/);
    await opened.page.goto(`${server.url}search/`);
    await opened.page.waitForSelector("[data-search-page].is-ready");
  });

  it("speaker/channel, tag and year narrow the same way", async () => {
    await reset();
    let shown = await withFilter("speaker", bilingual.meta.speaker!, "AI");
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(pathOf(s.href)).toBe(`/t/${bilingual.slug}/`);

    await reset();
    shown = await withFilter("tag", bilingual.meta.tags[0]!, "AI");
    expect(shown.length).toBeGreaterThan(0);
    for (const s of shown) expect(pathOf(s.href)).toBe(`/t/${bilingual.slug}/`);

    await reset();
    shown = await withFilter("year", chineseOnly.meta.date!.slice(0, 4), "AI");
    expect(shown.length, `${opened.page.url()} ${await opened.page.textContent(".search-status")}`).toBeGreaterThan(0);
    for (const s of shown) expect(pathOf(s.href)).toBe(`/t/${chineseOnly.slug}/`);
  });

  it("language: matches only in the English, or only in the Chinese", async () => {
    await reset();
    const en = await withFilter("language", "en", "OpenAI");
    expect(en.length).toBeGreaterThan(0);
    for (const s of en) {
      expect(s.marks.en.length, s.href).toBeGreaterThan(0);
      expect(s.marks.zh, s.href).toEqual([]);
      expect(pathOf(s.href)).not.toBe(`/t/${chineseOnly.slug}/`);
    }
    await reset();
    const zh = await withFilter("language", "zh", "OpenAI");
    expect(zh.length).toBeGreaterThan(0);
    for (const s of zh) {
      expect(s.marks.zh.length, s.href).toBeGreaterThan(0);
      expect(s.marks.en, s.href).toEqual([]);
    }
    await reset();
    expect(await withFilter("language", "en", "扩展定律")).toEqual([]);
    expect(await opened.page.textContent(".sr-empty")).toMatch(/Clear the filters/);
  });

  it("filters come back from the URL, and 'Clear filters' clears them", async () => {
    const year = chineseOnly.meta.date!.slice(0, 4);
    const o = await openPage(browser, `${server.url}search/?q=AI&year=${year}`);
    try {
      await o.page.waitForSelector('[data-search-page][data-query="AI"]:not([aria-busy])');
      expect(await o.page.inputValue('select[name="year"]')).toBe(year);
      const hrefs = await o.page.$$eval("a.sr-link", (as) => as.map((a) => (a as HTMLAnchorElement).pathname));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const h of hrefs) expect(h).toBe(`/t/${chineseOnly.slug}/`);
      await o.page.click(".search-clear");
      await o.page.waitForFunction(() => !new URL(location.href).searchParams.has("year"));
      await o.page.waitForSelector('[data-search-page][data-searched="2"]:not([aria-busy])');
      expect(await o.page.inputValue('select[name="year"]')).toBe("");
      expect(problems(o, server.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("made no error", () => {
    expect(problems(opened, server.origin)).toEqual([]);
  });
});



describe("accessibility of results (axe-core)", () => {
  for (const colorScheme of ["light", "dark"] as const) {
    it(`search page with results, filters open, and with no result (${colorScheme})`, async () => {
      const o = await openPage(browser, `${server.url}search/`, { colorScheme });
      try {
        await o.page.waitForSelector("[data-search-page].is-ready");
        await o.page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        await searchFor(o.page, "OpenAI 投资");
        expect(await axe(o.page)).toEqual([]);
        await searchFor(o.page, "zqxjv quokkaplex");
        expect(await axe(o.page)).toEqual([]);
      } finally {
        await o.close();
      }
    });
  }

  it("the header box's results panel on a transcript page", async () => {
    const o = await openPage(browser, `${server.url}t/${bilingual.slug}/`);
    try {
      await o.page.focus("#site-search-q");
      await o.page.keyboard.type("scaling laws");
      await o.page.waitForSelector(".site-search-panel:not([hidden]) .search-results li", { timeout: 30_000 });
      expect(await axe(o.page)).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

