// Search, from a result to the page: the landing on the paragraph, the keyboard, the header box
// on every page, a /archive/ prefix build, and npm start (its index made after the pages, then
// kept up to date). The site built from seeds/ (global-setup.ts), served on 127.0.0.1 and driven
// with Debian's Chromium, under its CSP. No assertion on time.
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, sep } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/chromium.ts";
import { startDevServer, type DevServer } from "./support/dev-server.ts";
import { openPage, screenshot } from "./support/page.ts";
import { bilingual, chineseOnly, openSearch, pairOf, problems, searchFor } from "./support/search.ts";
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

describe("landing on the paragraph", () => {
  it("a click on a result opens /t/<slug>/#p-N, the pair in view and highlighted, the words marked", async () => {
    const want = pairOf("Nobody needs atomic bombs");
    const o = await openSearch(browser, server.url);
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
    const o = await openSearch(browser, server.url);
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
    const o = await openSearch(browser, server.url);
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
    dir = inject("prefixedSiteDir");
    prefixed = await serveStatic(dir, { prefix: PREFIX });
  });
  afterAll(async () => {
    await prefixed?.close();
  });

  it("searches, links and lands under the prefix, from the search page and the header box", async () => {
    const o = await openSearch(browser, prefixed.url);
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
  let dev: DevServer | undefined;
  afterAll(async () => dev?.stop());

  it("indexes on start and re-indexes when a transcript changes", async () => {
    dev = await startDevServer();
    const { base, seeds, until } = dev;
    await until("the search index", async () => ((await fetch(`${base}pagefind/shards.json`)).ok ? true : undefined));

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
    await until("the change in the index", async () => ((await found(WORD)) > 0 ? true : undefined));
    // Indexed alone into a second bundle, not by Pagefind over the whole archive again.
    expect(dev.output()).toMatch(/\[search\] index refreshed in [\d.]+ s \(the 1 transcript\(s\) changed since start, in a second bundle\)/);

    // A second edit takes a word out: the records made at start that hold it are hidden.
    const path = join(seeds, file);
    await writeFile(path, (await readFile(path, "utf8")).replace("monstrous", "gigawombat"));
    await until("the word taken out", async () => ((await found("monstrous")) === 0 ? true : undefined));
    expect(await found("gigawombat")).toBeGreaterThan(0);
    expect(await found(WORD)).toBeGreaterThan(0);
  });
});
