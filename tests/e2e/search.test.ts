// Search (issue 3): the site built from seeds/ (global-setup.ts), served on 127.0.0.1 and
// driven with Debian's Chromium. Quotes taken from the two seeds must find their interview and
// paragraph in the top 3, in English (stemmed) and in Chinese (segmented); filters, the landing
// on the paragraph, the header box, the no-result message, no JS, and a /archive/ prefix build.
// The site's CSP (<meta> in base.njk) is in force throughout. No assertion on time.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { appendFile, copyFile, cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadArchive } from "../../src/ingest/load.ts";
import type { Transcript } from "../../src/model.ts";
import { sideText } from "../../src/search/tokens.ts";
import { launchBrowser } from "./support/chromium.ts";
import { openPage, screenshot, type OpenedPage } from "./support/page.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { buildSiteOrThrow, removeSite, REPO_ROOT, SEEDS_DIR } from "./support/site.ts";

const siteDir = inject("siteDir");
const transcripts: Transcript[] = loadArchive(SEEDS_DIR).transcripts;

/** The one transcript and pair whose text holds `phrase` (as the page shows it). */
function pairOf(phrase: string): { slug: string; id: string; title: string } {
  const needle = phrase.toLowerCase();
  const found: { slug: string; id: string; title: string }[] = [];
  for (const t of transcripts)
    for (const s of t.sections)
      for (const p of s.pairs) {
        const text = [p.en ? sideText(p.en) : "", p.zh ? sideText(p.zh) : ""].join("\n").toLowerCase();
        if (text.includes(needle)) found.push({ slug: t.slug, id: p.id, title: t.meta.title });
      }
  if (found.length !== 1) throw new Error(`"${phrase}" is in ${found.length} pairs of the seeds; pick a quote found once`);
  return found[0]!;
}

function transcriptWith(pred: (t: Transcript) => boolean): Transcript {
  const t = transcripts.find(pred);
  if (!t) throw new Error("no such seed transcript");
  return t;
}
const bilingual = transcriptWith((t) => t.languages.en > 0 && t.languages.zh > 0);
const chineseOnly = transcriptWith((t) => t.languages.en === 0 && t.languages.zh > 0);

/** Quotes a reader might remember; half English, half Chinese (both seeds). */
const ENGLISH_QUOTES = [
  "three scaling laws",
  "red glasses",
  "CNBC and Bloomberg",
  "motors replace labor",
  "good oldfashioned data processing",
  "first 10 trillion dollar company",
  "Nobody needs atomic bombs",
  "100 nuclear reactors",
  "staple a green card",
  "China hawks",
  "social contract",
];
const CHINESE_QUOTES = [
  "红色的眼镜",
  "主权AI",
  "原子弹",
  "对华鹰派",
  "马达取代劳动力",
  "首家10万亿美元的公司",
  "平均海拔高度",
  "防火长城",
  "研究时代",
  "五层栈",
  "光明节快乐",
];

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

/** Requests that are not the site's own (a static archive needs none), and errors. */
function problems(o: OpenedPage, origin: string): string[] {
  return [
    ...o.consoleErrors.map((e) => `console: ${e}`),
    ...o.failedRequests.map((e) => `failed: ${e}`),
    ...o.badResponses.filter((r) => !/\/favicon\.ico$/.test(r)).map((e) => `bad: ${e}`),
    ...o.requests.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob|about):/.test(u)).map((u) => `external: ${u}`),
  ];
}

interface Shown {
  href: string;
  title: string;
  meta: string;
  en: string | null;
  zh: string | null;
  marks: { en: string[]; zh: string[] };
}

/** Type a query into the search page's box and wait for its results (or the no-result message). */
async function searchFor(page: Page, query: string): Promise<Shown[]> {
  const before = Number((await page.getAttribute("[data-search-page]", "data-searched")) ?? 0);
  await page.fill("#search-q", query);
  // The results are read in the same turn as the check that they answer the query, so a
  // search started meanwhile (a filter just changed) cannot empty the list in between.
  const answered = await page.waitForFunction(
    ({ q, before }) => {
      const root = document.querySelector<HTMLElement>("[data-search-page]");
      if (!root || root.hasAttribute("aria-busy")) return false;
      // The filters chosen in the form, as the page records the ones its results answer.
      const form = root.querySelector("form.search-form") as HTMLFormElement;
      const chosen = new URLSearchParams();
      for (const key of ["interview", "speaker", "tag", "year", "language"]) {
        const field = form.elements.namedItem(key) as HTMLSelectElement | RadioNodeList | null;
        if (field?.value) chosen.set(key, field.value);
      }
      if (!(Number(root.dataset.searched ?? 0) > before && root.dataset.query === q && root.dataset.filters === chosen.toString())) return false;
      return [...root.querySelectorAll(".search-results > li")].map((li) => {
        const side = (lang: string) => li.querySelector(`.sr-pair [lang="${lang}"]`);
        const marks = (lang: string) => [...(side(lang)?.querySelectorAll("mark") ?? [])].map((m) => m.textContent ?? "");
        return {
          href: (li.querySelector("a.sr-link") as HTMLAnchorElement).href,
          title: li.querySelector(".sr-title")?.textContent ?? "",
          meta: li.querySelector(".sr-meta")?.textContent ?? "",
          en: side("en")?.textContent ?? null,
          zh: side("zh-CN")?.textContent ?? null,
          marks: { en: marks("en"), zh: marks("zh-CN") },
        };
      });
    },
    { q: query, before },
    { timeout: 30_000 },
  );
  return (await answered.jsonValue()) as Shown[];
}

async function openSearch(base: string, query = ""): Promise<OpenedPage> {
  const opened = await openPage(browser, `${base}search/${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  await opened.page.waitForSelector("[data-search-page].is-ready");
  return opened;
}

describe("quote search over the seeds", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openSearch(server.url);
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
    const passages = opened.requests.filter((u) => u.includes("/pagefind/passages/"));
    expect(passages.length).toBeGreaterThan(10);
    expect(passages.filter((u, i) => passages.indexOf(u) !== i)).toEqual([]);
  });
});

describe("languages", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openSearch(server.url);
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
    const raw = await opened.page.evaluate(`import(${JSON.stringify(`${server.url}pagefind/pagefind.js`)}).then(async (pf) => { await pf.init(); return (await pf.search("weishaupt")).results.length; })`);
    expect(raw).toBeGreaterThan(0);
    const shown = await searchFor(opened.page, "weishaupt");
    expect(shown).toEqual([]);
    expect(await opened.page.textContent(".sr-empty")).toContain("weishaupt");
    expect(await opened.page.textContent(".search-status")).toMatch(/No results/);
  });

  it("counts a matched word for a query word when it is the word, a longer word, or its stem", async () => {
    const cases: [string, string, boolean][] = [
      ["laws", "law", true],
      ["scaling", "scal", true],
      ["company", "companies", true],
      ["run", "running", true],
      ["general", "generalization", true],
      ["AI", "ai", true],
      ["投资", "投资", true],
      ["投资", "投资人", true],
      ["we", "weishaupt", false],
      ["Mo's", "monstrous", false],
      ["in", "installa", false],
      ["ar", "ark", false],
      // Words of one or two letters: Pagefind matches them as a prefix of every longer word.
      ["a", "a", true],
      ["and", "a", false],
      ["AI's", "ai", true],
      ["aim", "ai", false],
      ["10", "10", true],
      ["100", "10", false],
      ["投", "投资", false],
    ];
    const got = await opened.page.evaluate(
      `import(${JSON.stringify(`${server.url}assets/search.js`)}).then((m) => ${JSON.stringify(cases)}.map(([tok, term]) => m.termMatches(tok, [term]).size > 0))`,
    );
    expect(got).toEqual(cases.map((c) => c[2]));
  });

  it("reads first the passage with the longest run of matched positions, then the one with the most", async () => {
    const cases: [number[], number, number[]][] = [
      [[5, 3001, 3002, 3003, 10], 3000, [1, 0]],
      [[1, 2, 5000, 5100, 5200], 3000, [0, 1]],
      [[7000, 10, 20], 3000, [0, 2]],
      [[40, 41, 12, 13, 14, 2], 10, [1, 4, 0]],
    ];
    const got = await opened.page.evaluate(
      `import(${JSON.stringify(`${server.url}assets/search.js`)}).then((m) => ${JSON.stringify(cases)}.map(([words, size]) => m.passageOrder(words, size).map((p) => p.n)))`,
    );
    expect(got).toEqual(cases.map((c) => c[2]));
  });

  it("made no error", () => {
    expect(problems(opened, server.origin)).toEqual([]);
  });
});

describe("filters", () => {
  let opened: OpenedPage;
  beforeAll(async () => {
    opened = await openSearch(server.url);
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

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core violations on the page as it is now. */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const result = await run.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(", ")}`);
  });
}

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

describe("landing on the paragraph", () => {
  it("a click on a result opens /t/<slug>/#p-N, the pair in view and highlighted, the words marked", async () => {
    const want = pairOf("Nobody needs atomic bombs");
    const o = await openSearch(server.url);
    try {
      await searchFor(o.page, "atomic bombs");
      const link = o.page.locator(`a.sr-link[href$="/t/${want.slug}/#${want.id}"]`).first();
      await Promise.all([o.page.waitForURL(`**/t/${want.slug}/#${want.id}`), link.click()]);
      expect(new URL(o.page.url()).hash).toBe(`#${want.id}`);
      const state = await o.page.evaluate((id) => {
        const row = document.getElementById(id)!;
        const other = [...document.querySelectorAll("[data-pair]")].find((r) => r.id !== id)!;
        const box = row.getBoundingClientRect();
        return {
          target: row.matches(":target"),
          inView: box.top >= -1 && box.top < window.innerHeight && box.bottom > 0,
          highlighted: getComputedStyle(row).backgroundColor !== getComputedStyle(other).backgroundColor,
          marks: [...row.querySelectorAll("mark.search-mark")].map((m) => m.textContent),
        };
      }, want.id);
      expect(state.target).toBe(true);
      expect(state.inView).toBe(true);
      expect(state.highlighted).toBe(true);
      expect(state.marks.map((m) => m?.toLowerCase())).toEqual(expect.arrayContaining(["atomic", "bombs"]));
      await screenshot(o.page, "search-landing");
      expect(problems(o, server.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("marks whole words where it lands: a short word of the quote is not marked inside others", async () => {
    const want = pairOf("staple a green card");
    const o = await openSearch(server.url);
    try {
      await searchFor(o.page, "staple a green card");
      const link = o.page.locator(`a.sr-link[href$="/t/${want.slug}/#${want.id}"]`).first();
      await Promise.all([o.page.waitForURL(`**/t/${want.slug}/#${want.id}`), link.click()]);
      const marks = await o.page.$$eval(`[id="${want.id}"] mark.search-mark`, (ms) =>
        ms.map((m) => ({ text: m.textContent ?? "", before: m.previousSibling?.textContent?.slice(-1) ?? "", after: m.nextSibling?.textContent?.slice(0, 1) ?? "" })),
      );
      expect(marks.map((m) => m.text.toLowerCase())).toEqual(expect.arrayContaining(["staple", "a", "green", "card"]));
      for (const m of marks) {
        expect(m.before, `"${m.text}" marked inside a word`).not.toMatch(/[\p{L}\p{N}]/u);
        expect(m.after, `"${m.text}" marked inside a word`).not.toMatch(/[\p{L}\p{N}]/u);
      }
    } finally {
      await o.close();
    }
  });
});

describe("keyboard", () => {
  it("on the search page: results as you type, ↓ into them, Enter follows", async () => {
    const o = await openSearch(server.url);
    try {
      await o.page.focus("#search-q");
      await o.page.keyboard.type("China hawks");
      await o.page.waitForSelector('[data-search-page][data-query="China hawks"]:not([aria-busy])');
      await o.page.keyboard.press("ArrowDown");
      const focused = await o.page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? "");
      const want = pairOf("China hawks");
      expect(focused).toBe(`${server.url}t/${want.slug}/#${want.id}`);
      await o.page.keyboard.press("ArrowDown");
      await o.page.keyboard.press("ArrowUp");
      await o.page.keyboard.press("ArrowUp");
      expect(await o.page.evaluate(() => document.activeElement?.id)).toBe("search-q");
      await o.page.keyboard.press("ArrowDown");
      await Promise.all([o.page.waitForURL(`**/#${want.id}`), o.page.keyboard.press("Enter")]);
      expect(await o.page.evaluate(() => document.querySelector(":target")?.id)).toBe(want.id);
      await screenshot(o.page, "search-keyboard-landing");
      expect(problems(o, server.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

describe("header search box", () => {
  const transcriptUrl = () => `${server.url}t/${bilingual.slug}/`;
  const searchRequests = (urls: string[]) => urls.filter((u) => /\/pagefind\/|\/assets\/search\.(js|css)/.test(u));

  it("is on every page: a labelled GET form to /search/ with an input named q", async () => {
    for (const path of ["", `t/${bilingual.slug}/`, `t/${chineseOnly.slug}/`, "search/"]) {
      const o = await openPage(browser, server.url + path);
      try {
        const form = o.page.locator("header form.site-search");
        expect(await form.count(), path).toBe(1);
        expect(await form.getAttribute("method")).toBe("get");
        expect(await form.evaluate((f) => (f as HTMLFormElement).action)).toBe(`${server.url}search/`);
        const input = form.locator('input[name="q"]');
        const label = await input.evaluate((i) => (i as HTMLInputElement).labels?.[0]?.textContent ?? "");
        expect(label.trim().length, `${path}: label`).toBeGreaterThan(0);
      } finally {
        await o.close();
      }
    }
  });

  it("loads no search code on a transcript page until used; then shows results as you type", async () => {
    const o = await openPage(browser, transcriptUrl());
    try {
      await o.page.waitForLoadState("networkidle");
      expect(searchRequests(o.requests), "before use").toEqual([]);
      await o.page.focus("#site-search-q");
      await o.page.keyboard.type("扩展定律");
      await o.page.waitForSelector(".site-search-panel:not([hidden]) .search-results li", { timeout: 30_000 });
      expect(searchRequests(o.requests).length).toBeGreaterThan(0);
      const first = await o.page.$eval(".site-search-panel a.sr-link", (a) => (a as HTMLAnchorElement).href);
      expect(first).toMatch(/\/t\/[^/]+\/#p-\d+$/);
      expect(await o.page.getAttribute("#site-search-q", "aria-controls")).toBe("site-search-panel");
      expect(await o.page.isVisible(".site-search-panel")).toBe(true);
      await screenshot(o.page, "search-header-panel");

      await o.page.keyboard.press("ArrowDown");
      expect(await o.page.evaluate(() => (document.activeElement as HTMLAnchorElement).href)).toBe(first);
      await o.page.keyboard.press("Escape");
      expect(await o.page.evaluate(() => document.activeElement?.id)).toBe("site-search-q");
      expect(await o.page.isHidden(".site-search-panel")).toBe(true);

      // "All results" and Enter both lead to the search page with the query.
      await Promise.all([o.page.waitForURL("**/search/?q=*"), o.page.keyboard.press("Enter")]);
      await o.page.waitForSelector('[data-search-page][data-query="扩展定律"]:not([aria-busy])');
      expect(await o.page.locator(".search-results > li").count()).toBeGreaterThan(0);
      expect(problems(o, server.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("works without JavaScript: the form takes the query to the search page", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(transcriptUrl());
      await page.fill("#site-search-q", "red glasses");
      await Promise.all([page.waitForURL("**/search/?q=red+glasses"), page.press("#site-search-q", "Enter")]);
      expect(await page.locator("noscript").count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});

describe("built with PATH_PREFIX=/archive/", () => {
  const PREFIX = "/archive/";
  let dir: string | undefined;
  let prefixed: StaticServer;

  beforeAll(async () => {
    ({ siteDir: dir } = await buildSiteOrThrow({ pathPrefix: PREFIX }));
    prefixed = await serveStatic(dir, { prefix: PREFIX });
  });
  afterAll(async () => {
    await prefixed?.close();
    if (dir) await removeSite(dir);
  });

  it("searches, links and lands under the prefix, from the search page and the header box", async () => {
    const o = await openSearch(prefixed.url);
    try {
      const want = pairOf("red glasses");
      const shown = await searchFor(o.page, "red glasses");
      expect(shown[0]!.href).toBe(`${prefixed.url}t/${want.slug}/#${want.id}`);
      const zh = await searchFor(o.page, "主权AI");
      expect(zh.slice(0, 3).map((s) => s.href)).toContain(`${prefixed.url}t/${pairOf("主权AI").slug}/#${pairOf("主权AI").id}`);
      await Promise.all([o.page.waitForURL(`**${PREFIX}t/**`), o.page.click("a.sr-link")]);
      expect(o.page.url().startsWith(prefixed.url + "t/")).toBe(true);
      expect(await o.page.evaluate(() => document.querySelector(":target")?.id)).toMatch(/^p-\d+$/);

      await o.page.focus("#site-search-q");
      await o.page.keyboard.type("hyperscale");
      await o.page.waitForSelector(".site-search-panel:not([hidden]) .search-results li", { timeout: 30_000 });
      const href = await o.page.$eval(".site-search-panel a.sr-link", (a) => (a as HTMLAnchorElement).href);
      expect(href.startsWith(prefixed.url + "t/")).toBe(true);
      expect(await o.page.$eval("form.site-search", (f) => (f as HTMLFormElement).action)).toBe(`${prefixed.url}search/`);

      expect(problems(o, prefixed.origin)).toEqual([]);
      expect(prefixed.requests.filter((r) => !r.startsWith(PREFIX)), "requests outside the prefix").toEqual([]);
    } finally {
      await o.close();
    }
  });
});

describe("npm start, before its search index is made", () => {
  it("says the index is being built, then searches by itself once it is there", async () => {
    const dir = await mkdtemp(join(tmpdir(), "site-no-index-"));
    const index = join(siteDir, "pagefind");
    await cp(siteDir, dir, { recursive: true, filter: (src) => src !== index && !src.startsWith(index + sep) });
    // The search page as npm start serves it (the pages are written before the index).
    const page = join(dir, "search", "index.html");
    const html = await readFile(page, "utf8");
    expect(html).not.toContain("search-live");
    await writeFile(page, html.replace('<meta name="viewport"', '<meta name="search-live" content="pagefind-delta.json">\n<meta name="viewport"'));
    const live = await serveStatic(dir);
    const o = await openPage(browser, `${live.url}search/?q=scaling`);
    try {
      await o.page.waitForFunction(() => /being built/.test(document.querySelector(".search-status")?.textContent ?? ""), undefined, { timeout: 30_000 });
      expect(await o.page.textContent(".search-status")).not.toMatch(/failed/i);
      await cp(index, join(dir, "pagefind"), { recursive: true });
      await o.page.waitForSelector('[data-search-page][data-query="scaling"]:not([aria-busy])', { timeout: 30_000 });
      expect(await o.page.locator(".search-results > li").count()).toBeGreaterThan(0);
    } finally {
      await o.close();
      await live.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start", () => {
  let child: ChildProcess | undefined;
  let work: string;
  let output = "";

  async function freePort(): Promise<number> {
    return new Promise((ok, fail) => {
      const srv = createServer();
      srv.once("error", fail);
      srv.listen(0, "127.0.0.1", () => {
        const { port } = srv.address() as { port: number };
        srv.close(() => ok(port));
      });
    });
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > end) throw new Error(`npm start: timed out waiting for ${what}\n${output.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  afterAll(async () => {
    if (child?.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("indexes on start and re-indexes when a transcript changes", async () => {
    work = await mkdtemp(join(tmpdir(), "transcripts-serve-"));
    const seeds = join(work, "seeds");
    await mkdir(seeds, { recursive: true });
    for (const name of await readdir(SEEDS_DIR)) if (/\.(md|txt)$/i.test(name)) await copyFile(join(SEEDS_DIR, name), join(seeds, name));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, SEEDS_DIR: seeds, SITE_DIR: join(work, "site"), PORT: String(port) };
    delete env.VITEST;
    delete env.VITEST_POOL_ID;
    delete env.VITEST_WORKER_ID;
    delete env.NODE_OPTIONS;
    child = spawn("npx", ["tsx", "scripts/serve.ts"], { cwd: REPO_ROOT, env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.setEncoding("utf8").on("data", (d: string) => (output += d));
    child.stderr?.setEncoding("utf8").on("data", (d: string) => (output += d));
    const base = `http://127.0.0.1:${port}/`;
    await until("the search index", async () => ((await fetch(`${base}pagefind/pagefind-entry.json`)).ok ? true : undefined), 180_000);

    const WORD = "zanzibarquokka";
    const found = async (word: string): Promise<number> => {
      const o = await openPage(browser, `${base}search/?q=${word}`);
      try {
        await o.page.waitForSelector(`[data-search-page][data-query="${word}"]:not([aria-busy])`, { timeout: 30_000 });
        // The manifest of the edits' bundle is there from the first index on (no 404 per search).
        expect(o.badResponses.filter((r) => r.includes("pagefind-delta"))).toEqual([]);
        return await o.page.locator(".search-results > li").count();
      } finally {
        await o.close();
      }
    };
    expect(await found(WORD)).toBe(0);
    // A word only this transcript has, in the index made at start.
    expect(await found("monstrous")).toBeGreaterThan(0);

    const file = (await readdir(seeds)).find((n) => n.startsWith("000_"))!;
    await appendFile(join(seeds, file), `\n### 后来加上的一段\n\nThe ${WORD} remark was added while the server ran.\n\n服务器运行时加上了这段关于${WORD}的话。\n`);
    await until("the change in the index", async () => ((await found(WORD)) > 0 ? true : undefined), 180_000);
    // Indexed alone into a second bundle, not by Pagefind over the whole archive again.
    expect(output).toMatch(/\[search\] index refreshed in [\d.]+ s \(the 1 transcript\(s\) changed since start, in a second bundle\)/);

    // A second edit takes a word out: the records made at start that hold it are hidden.
    const path = join(seeds, file);
    await writeFile(path, (await readFile(path, "utf8")).replace("monstrous", "gigawombat"));
    await until("the word taken out", async () => ((await found("monstrous")) === 0 ? true : undefined), 180_000);
    expect(await found("gigawombat")).toBeGreaterThan(0);
    expect(await found(WORD)).toBeGreaterThan(0);
  });
});
