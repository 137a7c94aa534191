// Search reaches the whole interview (issue 14): its title, people, summary and other fields, in
// 繁體 or 简体, in full-width or half-width letters, with curly or straight quotes; and what the
// search page does with a query that has nothing to search for. The site built from seeds/
// (global-setup.ts) and one built from tests/fixtures/search/ (a transcript in 繁體, a person
// named only in a people block and mentioned in another interview's text, full-width text).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/chromium.ts";
import { MOBILE, openPage, screenshot, type OpenedPage } from "./support/page.ts";
import { openSearch, problems, searchFor, type Shown } from "./support/search.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { buildSiteOrThrow, removeSite } from "./support/site.ts";

const siteDir = inject("siteDir");
const NO_PRIORS = "003-2b149ca5e6d99755";
const BG2 = "000-3b6afdfa3ea1ef5a";

let browser: Browser;
let seeds: StaticServer;
let fixtures: StaticServer;
let fixturesDir: string;

beforeAll(async () => {
  browser = await launchBrowser();
  seeds = await serveStatic(siteDir);
  ({ siteDir: fixturesDir } = await buildSiteOrThrow({ seedsDir: "tests/fixtures/search" }));
  fixtures = await serveStatic(fixturesDir);
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
  await fixtures?.close();
  if (fixturesDir) await removeSite(fixturesDir);
});

const slugOf = (s: Shown) => /\/t\/([^/]+)\//.exec(s.href)?.[1];
const hashOf = (s: Shown) => new URL(s.href).hash;
const marks = (s: Shown) => [...s.marks.en, ...s.marks.zh];

/** The field a result shows ("人物 People: …"), or null for a paragraph. */
async function fieldsShown(page: Page): Promise<({ label: string; marks: string[] } | null)[]> {
  return page.$$eval(".search-results > li", (lis) =>
    lis.map((li) => {
      const f = li.querySelector(".sr-field");
      return f ? { label: f.querySelector(".sr-field-name")?.textContent?.trim() ?? "", marks: [...f.querySelectorAll("mark")].map((m) => m.textContent ?? "") } : null;
    }),
  );
}

/** Follows the first result to its page and returns the words marked where it lands. */
async function land(o: OpenedPage, href: string): Promise<string[]> {
  await Promise.all([o.page.waitForURL(href), o.page.click(`a.sr-link[href="${href}"]`)]);
  const id = decodeURIComponent(new URL(href).hash.slice(1));
  return o.page.$$eval(`[id="${id}"] mark.search-mark`, (ms) => ms.map((m) => m.textContent ?? ""));
}

describe("繁體 and 简体 are one script", () => {
  it("a 繁體 query finds the 简体 paragraph and lands on it, the words marked as written", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      const shown = await searchFor(o.page, "訓練");
      expect(shown.length).toBe(2);
      expect(marks(shown[0]!)).toContain("训练");
      expect(await land(o, shown[0]!.href)).toContain("训练");
      for (const q of ["經濟", "機器人"]) {
        await o.page.goto(`${seeds.url}search/`);
        await o.page.waitForSelector("[data-search-page].is-ready");
        const found = await searchFor(o.page, q);
        expect(found.length, q).toBeGreaterThan(0);
        expect(marks(found[0]!).join(""), q).toContain(q === "經濟" ? "经济" : "机器人");
      }
      expect(problems(o, seeds.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("a 简体 query finds a transcript written in 繁體, and the marks land on its characters as written", async () => {
    const o = await openSearch(browser, fixtures.url);
    try {
      const shown = await searchFor(o.page, "训练资料");
      expect(shown.map(slugOf)).toEqual(["traditional"]);
      expect(shown[0]!.zh).toContain("我們把大部分預算花在訓練資料上");
      expect(shown[0]!.marks.zh.join("")).toContain("訓練資料");
      await screenshot(o.page, "search-traditional");
      expect((await land(o, shown[0]!.href)).join("")).toContain("訓練資料");
      expect(problems(o, fixtures.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });
});

describe("the interview around the transcript", () => {
  it("finds 黄仁勋 in both interviews: the one about him by its people block and summary", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      const shown = await searchFor(o.page, "黄仁勋");
      expect(shown.map(slugOf).sort()).toEqual([BG2, NO_PRIORS].sort());
    } finally {
      await o.close();
    }
  });

  it("finds a person named only in a people block, shows the field with the name marked, and links to the summary", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      const shown = await searchFor(o.page, "Sarah Guo");
      expect(shown.map(slugOf)).toEqual([NO_PRIORS]);
      expect(hashOf(shown[0]!)).toBe("#summary");
      const [field] = await fieldsShown(o.page);
      expect(field?.label).toMatch(/人物\s*People/);
      expect(field?.marks).toEqual(["Sarah Guo"]);
      await screenshot(o.page, "search-people-field");
      await Promise.all([o.page.waitForURL(shown[0]!.href), o.page.click("a.sr-link")]);
      expect(await o.page.$eval("#summary", (d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await o.page.$$eval("#summary mark.search-mark", (ms) => ms.map((m) => m.textContent))).toEqual(expect.arrayContaining(["Sarah", "Guo"]));
    } finally {
      await o.close();
    }
  });

  it("puts the interview whose people block names someone before one whose text mentions them", async () => {
    const o = await openSearch(browser, fixtures.url);
    try {
      const shown = await searchFor(o.page, "哈萨比斯");
      expect(shown.map(slugOf)).toEqual(["people-block", "mention"]);
      const fields = await fieldsShown(o.page);
      expect(fields[0]?.label).toMatch(/人物/);
      expect(fields[1]).toBeNull();
      expect(shown[1]!.marks.zh).toContain("哈萨比斯");
    } finally {
      await o.close();
    }
  });

  it("finds a word that only a title holds, and links to the interview", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      const shown = await searchFor(o.page, "Refuting");
      expect(shown.map(slugOf)).toEqual([NO_PRIORS]);
      expect(hashOf(shown[0]!)).toBe("");
      const [field] = await fieldsShown(o.page);
      expect(field?.label).toMatch(/标题\s*Title/);
      expect(field?.marks).toEqual(["Refuting"]);
    } finally {
      await o.close();
    }
  });

  it("finds a chapter by its title and links to that chapter", async () => {
    const o = await openSearch(browser, fixtures.url);
    try {
      // "设计" is only in the first chapter's heading, not in its text.
      const shown = await searchFor(o.page, "设计");
      expect(shown.map(slugOf)).toEqual(["people-block"]);
      expect(hashOf(shown[0]!)).toBe("#s-1");
      const [field] = await fieldsShown(o.page);
      expect(field?.label).toMatch(/章节\s*Chapter/);
      expect(field?.marks).toEqual(["设计"]);
    } finally {
      await o.close();
    }
  });
});

describe("width and punctuation", () => {
  it("a full-width query finds half-width text, and a half-width one full-width text", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      const shown = await searchFor(o.page, "ＯｐｅｎＥｖｉｄｅｎｃｅ");
      expect(shown.map(slugOf)).toEqual([NO_PRIORS]);
      expect(marks(shown[0]!)).toContain("OpenEvidence");
    } finally {
      await o.close();
    }
    const f = await openSearch(browser, fixtures.url);
    try {
      for (const [q, mark] of [["GPU", "ＧＰＵ"], ["２０２６", "２０２６"], ["robot's hand", "robot’s hand"], ["2020-2024", "2020–2024"]] as const) {
        const shown = await searchFor(f.page, q);
        expect(shown.map(slugOf), q).toEqual(["width"]);
        expect(marks(shown[0]!), q).toContain(mark);
      }
      expect(problems(f, fixtures.origin)).toEqual([]);
    } finally {
      await f.close();
    }
  });
});

describe("the search page", () => {
  it("says there is nothing to search for a query of punctuation or spaces, and takes a very long one, without an error", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      await searchFor(o.page, "!!! ？？ …");
      expect(await o.page.textContent(".search-status")).toMatch(/Nothing to search/);
      await o.page.fill("#search-q", "     ");
      await o.page.waitForFunction(() => !document.querySelector(".search-results li") && document.querySelector(".search-status")?.textContent === "");
      const long = Array.from({ length: 1200 }, (_, i) => ["scaling", "laws", "扩展", "定律", "!"][i % 5]).join(" ");
      expect(long.length).toBeGreaterThan(5000);
      const shown = await searchFor(o.page, long);
      expect(shown.length).toBeGreaterThan(0);
      expect(problems(o, seeds.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("shows a translation beside a match cut at its lines, with nothing below the cut", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      await searchFor(o.page, "hyperscale");
      const sides = await o.page.$$eval(".sr-side:not(.sr-matched)", (els) =>
        els.map((el) => {
          const lines = parseFloat(getComputedStyle(el).lineHeight);
          return { height: el.getBoundingClientRect().height, five: lines * 5, cut: el.scrollHeight > el.clientHeight + 1 };
        }),
      );
      expect(sides.length).toBeGreaterThan(0);
      expect(sides.some((s) => s.cut), "a long translation is cut").toBe(true);
      for (const s of sides) expect(s.height).toBeLessThanOrEqual(s.five + 1);
    } finally {
      await o.close();
    }
  });

  it("searches as you type in the header box too, which shows the same query as the page's box", async () => {
    const o = await openSearch(browser, seeds.url);
    try {
      await o.page.focus("#site-search-q");
      await o.page.keyboard.type("scaling laws");
      await o.page.waitForSelector('[data-search-page][data-query="scaling laws"]:not([aria-busy])');
      expect(await o.page.inputValue("#search-q")).toBe("scaling laws");
      expect(await o.page.locator(".search-results > li").count()).toBeGreaterThan(0);
      await o.page.fill("#search-q", "原子弹");
      expect(await o.page.inputValue("#site-search-q")).toBe("原子弹");
      expect(problems(o, seeds.origin)).toEqual([]);
    } finally {
      await o.close();
    }
  });

  it("on a phone, starts with the filters folded, so the first result is on the first screen", async () => {
    const o = await openPage(browser, `${seeds.url}search/?q=${encodeURIComponent("scaling laws")}`, { viewport: MOBILE });
    try {
      await o.page.waitForSelector("[data-search-page][data-query] .search-results > li");
      expect(await o.page.$eval("details.search-filters", (d) => (d as HTMLDetailsElement).open)).toBe(false);
      const top = await o.page.$eval(".search-results > li", (li) => li.getBoundingClientRect().top);
      expect(top).toBeLessThan(MOBILE.height);
      await screenshot(o.page, "search-phone");
    } finally {
      await o.close();
    }
    // With a filter chosen it stays open, so the reader sees what narrows the results.
    const f = await openPage(browser, `${seeds.url}search/?q=scaling&year=2025`, { viewport: MOBILE });
    try {
      await f.page.waitForSelector("[data-search-page].is-ready");
      expect(await f.page.$eval("details.search-filters", (d) => (d as HTMLDetailsElement).open)).toBe(true);
    } finally {
      await f.close();
    }
  });
});
