// The transcript reader (issue 4): reading modes, permalinks and quotes, contents,
// speakers, summary panel, theme, print, fonts, measure. Runs against the site
// built from seeds/ (global setup) and a small fixture site built here with the
// cases the seeds lack (speaker labels, missing sides, lopsided pairs, a text row).
// Screenshots of every mode at 1280 and 390 px go to tests/browser/screenshots/.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/chromium.ts";
import { DESKTOP, MOBILE, screenshot } from "./support/page.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { buildSiteOrThrow, REPO_ROOT, removeSite, SEEDS_DIR } from "./support/site.ts";
import { ASSETS_GZIP_TARGET, formatPageWeight, HTML_RATIO_TARGET, measurePageWeight } from "../../scripts/bench/page-weight.ts";

const LONG = "t/000-3b6afdfa3ea1ef5a/"; // front matter, 88 sections, every pair bilingual, no times
const VIDEO = "t/003-2b149ca5e6d99755/"; // video summary: summary panel, timed chapters, Chinese only
const FIX = "t/reader-fixture/";
const OTHER = "t/other/";
const MODES = ["sbs", "il", "en", "zh"] as const;

const FIXTURE = `---
title: "Reader fixture: 读者测试"
date: 2024-05-01
speaker: Test Channel
source: https://www.youtube.com/watch?v=abc123
tags: [test, 测试]
---
### (0:00 - 1:30) Opening 开场

Alex: Shall we start with the roadmap?
Alex：我们先从路线图开始吧？
**Jensen Huang:** Sure, the roadmap is long.
**黄仁勋：** 好的，路线图很长。

A very short English line.

${"这是一段非常长的中文段落，用来检查两栏是否仍然对齐。".repeat(14)}

### (1:30 - 3:00) Middle 中段

An English paragraph with no translation at all, standing alone here.

| a | b |
|---|---|
| 1 | 2 |

### (3:00 - End) End 结尾

只有中文的段落，没有英文原文。

Final English words.

最后的中文。
`;

const OTHER_FIXTURE = `---
title: Second page
date: 2023-01-01
---
### One

First English paragraph.

第一段中文。

### Two

Second English paragraph.

第二段中文。
`;

interface Opened {
  context: BrowserContext;
  page: Page;
  /** console errors and uncaught exceptions */
  errors: string[];
  requests: string[];
  close(): Promise<void>;
}

interface OpenOptions {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
  js?: boolean;
  /** localStorage entries set before any page script runs */
  storage?: Record<string, string>;
  /** requests to abort (URL substring) */
  block?: string;
  /** an existing context to open another page in */
  context?: BrowserContext;
}

let browser: Browser;
let seeds: StaticServer;
let fixture: StaticServer;
let fixtureSite: string;
let fixtureSeeds: string;

async function open(url: string, o: OpenOptions = {}): Promise<Opened> {
  const context =
    o.context ??
    (await browser.newContext({ viewport: o.viewport ?? DESKTOP, colorScheme: o.colorScheme ?? "light", javaScriptEnabled: o.js ?? true }));
  if (!o.context) {
    await context.route(
      (u) => u.hostname !== "127.0.0.1",
      (route) => route.abort("blockedbyclient"),
    );
    if (o.block) await context.route(`**/*${o.block}*`, (route) => route.abort("blockedbyclient"));
    if (o.storage) {
      await context.addInitScript((entries: Record<string, string>) => {
        if (sessionStorage.getItem("seeded")) return; // only before the first load
        sessionStorage.setItem("seeded", "1");
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v);
      }, o.storage);
    }
  }
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(url);
  return { context, page, errors, requests, close: () => (o.context ? page.close() : context.close()) };
}

async function withPage<T>(url: string, o: OpenOptions, fn: (p: Opened) => Promise<T>): Promise<T> {
  const opened = await open(url, o);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}
const box = (page: Page, selector: string): Promise<Box> =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
  });
const style = (page: Page, selector: string, prop: string): Promise<string> =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), prop);

/** How many pair sides of each language are rendered (not display:none). */
const shownSides = (page: Page) =>
  page.evaluate(() => {
    const count = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].filter((e) => e.getClientRects().length > 0).length;
    return { en: count('[data-pair] > [lang="en"]'), zh: count('[data-pair] > [lang="zh-CN"]') };
  });

const modeOf = (page: Page) => page.evaluate(() => document.documentElement.getAttribute("data-mode") ?? "sbs");
const checkedRadio = (page: Page) => page.evaluate(() => document.querySelector<HTMLInputElement>('input[name="mode"]:checked')?.value);

/** Relative luminance of a computed `rgb()` colour. */
function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
    const c = Number(v) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

beforeAll(async () => {
  fixtureSeeds = await mkdtemp(join(tmpdir(), "reader-seeds-"));
  await writeFile(join(fixtureSeeds, "reader-fixture.md"), FIXTURE);
  await writeFile(join(fixtureSeeds, "other.md"), OTHER_FIXTURE);
  ({ siteDir: fixtureSite } = await buildSiteOrThrow({ seedsDir: fixtureSeeds, extraEnv: { NO_SEARCH_INDEX: "1" } }));
  seeds = await serveStatic(inject("siteDir"));
  fixture = await serveStatic(fixtureSite);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await seeds?.close();
  await fixture?.close();
  if (fixtureSite) await removeSite(fixtureSite);
  if (fixtureSeeds) await rm(fixtureSeeds, { recursive: true, force: true });
});

describe("1. reading modes", () => {
  it("defaults to side by side, rows aligned however long either side is", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page, errors }) => {
      expect(await modeOf(page)).toBe("sbs");
      expect(await checkedRadio(page)).toBe("sbs");
      const rows = await page.$$eval("[data-pair]", (els) =>
        els.map((el) => {
          const r = (s: Element | null) => s!.getBoundingClientRect();
          const en = r(el.querySelector(':scope > [lang="en"]'));
          const zh = r(el.querySelector(':scope > [lang="zh-CN"]'));
          return { id: el.id, row: r(el).toJSON(), en: en.toJSON(), zh: zh.toJSON() };
        }),
      );
      expect(rows.length).toBe(6);
      for (const [i, { id, row, en, zh }] of rows.entries()) {
        expect(Math.abs(en.top - zh.top), `${id}: both sides start on the same line`).toBeLessThanOrEqual(1);
        expect(en.right, `${id}: English left of Chinese`).toBeLessThan(zh.left);
        expect(row.bottom, `${id}: the row holds its longer side`).toBeGreaterThanOrEqual(Math.max(en.bottom, zh.bottom) - 1);
        const next = rows[i + 1];
        if (next) expect(next.row.top, `${next.id} starts below ${id}`).toBeGreaterThanOrEqual(row.bottom - 1);
      }
      // p-3: one short English line beside a long Chinese paragraph.
      const p3 = rows.find((r) => r.id === "p-3")!;
      expect(p3.zh.height).toBeGreaterThan(p3.en.height * 4);
      expect(errors).toEqual([]);
    });
  });

  it("works with JavaScript off: side by side by default, and the radios still switch (CSS)", async () => {
    await withPage(fixture.url + FIX, { js: false }, async ({ page }) => {
      expect(await page.evaluate(() => document.documentElement.className)).not.toContain("js");
      expect(await page.locator(".cq").count(), "no copy buttons without JS").toBe(0);
      const en = await box(page, '#p-1 > [lang="en"]');
      const zh = await box(page, '#p-1 > [lang="zh-CN"]');
      expect(Math.abs(en.top - zh.top)).toBeLessThanOrEqual(1);
      expect(en.right).toBeLessThan(zh.left);
      expect(await page.locator("#modes").isVisible()).toBe(true);
      await page.click('label[for="m-en"]');
      expect(await shownSides(page)).toEqual({ en: 6, zh: 0 });
      await page.click('label[for="m-zh"]');
      expect(await shownSides(page)).toEqual({ en: 0, zh: 6 });
      await page.click('label[for="m-il"]');
      const en2 = await box(page, '#p-1 > [lang="en"]');
      const zh2 = await box(page, '#p-1 > [lang="zh-CN"]');
      expect(zh2.top).toBeGreaterThanOrEqual(en2.bottom - 1);
    });
  });

  it("the visible control switches modes; the choice is remembered across pages and visits", async () => {
    const first = await open(fixture.url + FIX);
    try {
      const { page, context } = first;
      const labels = await page.$$eval("#modes label", (ls) => ls.map((l) => l.textContent?.replace(/\s+/g, " ").trim()));
      expect(labels).toEqual(["并排 Side by side", "交替 Interleaved", "English", "中文"]);
      expect(await page.locator("#modes legend").textContent()).toContain("Reading mode");

      await page.click('label[for="m-en"]');
      expect(await modeOf(page)).toBe("en");
      expect(await shownSides(page)).toEqual({ en: 6, zh: 0 });
      expect(await page.evaluate(() => localStorage.getItem("transcripts.mode"))).toBe("en");

      await page.reload();
      expect(await modeOf(page), "after reload").toBe("en");
      expect(await checkedRadio(page)).toBe("en");
      expect(await shownSides(page)).toEqual({ en: 6, zh: 0 });

      const other = await open(fixture.url + OTHER, { context });
      try {
        expect(await modeOf(other.page), "on another transcript").toBe("en");
        expect(await checkedRadio(other.page)).toBe("en");
        expect(await shownSides(other.page)).toEqual({ en: 2, zh: 0 });
        await other.page.click('label[for="m-zh"]');
      } finally {
        await other.close();
      }
      await page.reload();
      expect(await modeOf(page), "the choice made on the other page").toBe("zh");
      expect(await shownSides(page)).toEqual({ en: 0, zh: 6 });

      await page.click('label[for="m-sbs"]');
      expect(await page.evaluate(() => localStorage.getItem("transcripts.mode"))).toBeNull();
      expect(await page.evaluate(() => document.documentElement.hasAttribute("data-mode"))).toBe(false);
    } finally {
      await first.close();
    }
  });

  it("interleaved puts the Chinese under the English, in a readable measure", async () => {
    await withPage(fixture.url + FIX, { storage: { "transcripts.mode": "il" } }, async ({ page }) => {
      expect(await checkedRadio(page)).toBe("il");
      const en = await box(page, '#p-2 > [lang="en"]');
      const zh = await box(page, '#p-2 > [lang="zh-CN"]');
      expect(zh.top).toBeGreaterThanOrEqual(en.bottom - 1);
      expect(Math.abs(zh.left - en.left)).toBeLessThan(24);
      const fontSize = parseFloat(await style(page, '#p-4 > [lang="en"]', "font-size"));
      expect(en.width / fontSize, "line length in em").toBeLessThanOrEqual(46);
    });
  });

  it("key M cycles the modes (Shift+M back) and announces them; not while typing", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page }) => {
      expect(await page.getAttribute("#m-en", "aria-keyshortcuts")).toBe("m");
      const seen: string[] = [];
      for (let i = 0; i < 4; i++) {
        await page.keyboard.press("m");
        seen.push(await modeOf(page));
      }
      expect(seen).toEqual(["il", "en", "zh", "sbs"]);
      await page.keyboard.press("Shift+M");
      expect(await modeOf(page)).toBe("zh");
      expect(await checkedRadio(page)).toBe("zh");
      await expect.poll(() => page.locator("#live").textContent()).toContain("中文");
      expect(await page.getAttribute("#live", "aria-live")).toBe("polite");

      await page.evaluate(() => {
        const input = document.createElement("input");
        input.id = "typing";
        input.setAttribute("aria-label", "typing");
        document.body.prepend(input);
        input.focus();
      });
      await page.keyboard.type("mmm");
      expect(await modeOf(page), "typing m in a text field changes nothing").toBe("zh");
      expect(await page.inputValue("#typing")).toBe("mmm");
      await page.keyboard.press("Control+m");
      expect(await modeOf(page)).toBe("zh");
    });
  });

  it("applies the remembered mode before first paint, from theme.js in <head> (even if reader.js fails)", async () => {
    await withPage(fixture.url + FIX, { storage: { "transcripts.mode": "en" }, block: "reader.js" }, async ({ page }) => {
      const head = await page.evaluate(() => {
        const s = document.head.querySelector<HTMLScriptElement>('script[src$="theme.js"]');
        const css = document.head.querySelector('link[rel="stylesheet"]');
        return {
          found: !!s,
          blocking: !!s && !s.defer && !s.async && s.type !== "module",
          beforeCss: !!s && !!css && !!(s.compareDocumentPosition(css) & Node.DOCUMENT_POSITION_FOLLOWING),
        };
      });
      expect(head).toEqual({ found: true, blocking: true, beforeCss: true });
      expect(await modeOf(page)).toBe("en");
      expect(await page.locator(".cq").count(), "reader.js was blocked").toBe(0);
      expect(await shownSides(page)).toEqual({ en: 6, zh: 0 });
    });
  });

  it("keeps the reading position when the mode changes", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      await page.locator("#p-40").evaluate((el) => el.scrollIntoView({ block: "start" }));
      const before = (await box(page, "#p-40")).top;
      await page.keyboard.press("m"); // interleaved: the page gets much longer
      expect(await modeOf(page)).toBe("il");
      expect(Math.abs((await box(page, "#p-40")).top - before)).toBeLessThanOrEqual(2);
      await page.keyboard.press("m"); // English only
      expect(Math.abs((await box(page, "#p-40")).top - before)).toBeLessThanOrEqual(2);
    });
  });

  it("shows a missing side as a quiet, labelled gap", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page }) => {
      const gap = '#p-4 > [lang="zh-CN"][data-missing]';
      expect(await page.locator(gap).isVisible()).toBe(true);
      expect((await page.locator(gap).textContent())?.trim()).toBe("无中文译文");
      expect((await page.locator('#p-6 > [lang="en"][data-missing]').textContent())?.trim()).toBe("No English original");
      const gapSize = parseFloat(await style(page, gap, "font-size"));
      const textSize = parseFloat(await style(page, '#p-4 > [lang="en"]', "font-size"));
      expect(gapSize).toBeLessThan(textSize);
      expect(await style(page, gap, "color")).not.toBe(await style(page, '#p-4 > [lang="en"]', "color"));
      expect((await box(page, gap)).height).toBeLessThanOrEqual((await box(page, '#p-4 > [lang="en"]')).height);
    });
  });

  it("a single-language transcript reads as one column with one note, not a column of gaps", async () => {
    await withPage(seeds.url + VIDEO, { storage: { "transcripts.mode": "en" } }, async ({ page }) => {
      expect(await page.locator("#modes").count(), "no mode control").toBe(0);
      expect(await page.locator(".only-note").textContent()).toContain("No English original");
      expect(await shownSides(page)).toEqual({ en: 0, zh: await page.locator("[data-pair]").count() });
      expect(await page.locator("[data-missing]").first().isVisible()).toBe(false);
    });
  });
});

describe("2. permalinks and quotes", () => {
  it("each pair has a ¶ link to itself, shown on hover and on keyboard focus", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page }) => {
      const links = await page.$$eval("[data-pair], [data-text]", (rows) =>
        rows.map((r) => ({ id: r.id, href: r.querySelector(":scope > a.pl")?.getAttribute("href"), name: r.querySelector(":scope > a.pl")?.getAttribute("aria-label") })),
      );
      expect(links.length).toBe(7);
      for (const l of links) {
        expect(l.href).toBe(`#${l.id}`);
        expect(l.name).toMatch(/\d/);
      }
      await page.mouse.move(5, 5);
      expect(await style(page, "#p-3 .pl", "opacity")).toBe("0");
      await page.hover('#p-3 > [lang="en"]');
      expect(await style(page, "#p-3 .pl", "opacity")).toBe("1");
      expect(await style(page, "#p-3 .cq", "opacity")).toBe("1");

      await page.mouse.move(5, 5);
      // A transcript with a video: after the copy button, "play from here", then the next pair's ¶.
      await page.locator("#p-2 .cq").focus();
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("[data-pair]")?.id + " " + document.activeElement?.className)).toBe("p-2 pf");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.closest("[data-pair]")?.id + " " + document.activeElement?.className)).toBe("p-3 pl");
      expect(await style(page, "#p-3 .pl", "opacity")).toBe("1");
      expect(await style(page, "#p-3 .pl", "outline-style")).toBe("solid");
      await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("cq");
      expect(await page.evaluate(() => document.activeElement?.getAttribute("aria-label"))).toContain("Copy quote");
    });
  });

  for (const viewport of [DESKTOP, MOBILE]) {
    it(`opening #p-N scrolls to the pair and highlights it (${viewport.width}px)`, async () => {
      await withPage(seeds.url + LONG + "#p-40", { viewport }, async ({ page }) => {
        const r = await box(page, "#p-40");
        expect(r.top).toBeGreaterThanOrEqual(0);
        expect(r.top).toBeLessThan(viewport.height / 3);
        expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("p-40");
        const bg = await style(page, "#p-40", "background-color");
        expect(bg).not.toBe("rgba(0, 0, 0, 0)");
        expect(bg).not.toBe(await style(page, "#p-39", "background-color"));
        expect(await page.locator("#p-40 .pl").isVisible()).toBe(true);
      });
    });
  }

  it("following a ¶ link puts the pair's address in the URL", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page }) => {
      await page.hover("#p-7");
      await page.click("#p-7 .pl");
      expect(new URL(page.url()).hash).toBe("#p-7");
      expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("p-7");
    });
  });

  it("Copy quote copies the language(s) on screen with speaker, title, date and permalink", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: fixture.origin });
      const copy = async (id: string) => {
        await page.evaluate(() => navigator.clipboard.writeText(""));
        await page.hover(`#${id}`);
        await page.click(`#${id} .cq`);
        await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe("");
        return page.evaluate(() => navigator.clipboard.readText());
      };
      const link = `${fixture.url}${FIX}#p-2`;
      expect(await copy("p-2")).toBe(
        `“Sure, the roadmap is long.”\n“好的，路线图很长。”\n— Jensen Huang / 黄仁勋, Reader fixture: 读者测试, 2024-05-01\n${link}`,
      );
      await expect.poll(() => page.locator("#live").textContent()).toContain("Quote copied");
      expect(await page.locator("#p-2 .cq").getAttribute("class")).toContain("done");

      await page.click('label[for="m-en"]');
      expect(await copy("p-2")).toBe(`“Sure, the roadmap is long.”\n— Jensen Huang, Reader fixture: 读者测试, 2024-05-01\n${link}`);
      await page.click('label[for="m-zh"]');
      expect(await copy("p-2")).toBe(`“好的，路线图很长。”\n— 黄仁勋, Reader fixture: 读者测试, 2024-05-01\n${link}`);
      // No speaker label: the byline's speaker/channel stands in.
      await page.click('label[for="m-sbs"]');
      expect(await copy("p-7")).toBe(`“Final English words.”\n“最后的中文。”\n— Test Channel, Reader fixture: 读者测试, 2024-05-01\n${fixture.url}${FIX}#p-7`);
      // A missing side is not quoted.
      expect(await copy("p-4")).toBe(
        `“An English paragraph with no translation at all, standing alone here.”\n— Test Channel, Reader fixture: 读者测试, 2024-05-01\n${fixture.url}${FIX}#p-4`,
      );
    });
  });

  it("Copy quote cites a Chinese title in 《》", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page, context }) => {
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: seeds.origin });
      await page.hover("#p-1");
      await page.click("#p-1 .cq");
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
        "“I think that OpenAI is likely going to be the next multi-trillion dollar hyperscale company.”\n" +
          "“我认为OpenAI很可能会成为下一个万亿美元级的超大规模公司。”\n" +
          "— Bg2 Pod, 《英伟达CEO黄仁勋：OpenAI将成万亿美元级巨头，三大定律预示AI计算需求的爆发》, 2025-10-06\n" +
          `${seeds.url}${LONG}#p-1`,
      );
    });
  });

  it("on a touch-size screen, tapping a row shows its ¶ and copy buttons", async () => {
    await withPage(fixture.url + FIX, { viewport: MOBILE }, async ({ page }) => {
      expect((await box(page, "#p-7 .pl")).width).toBeLessThanOrEqual(1);
      await page.click('#p-7 > [lang="en"]');
      expect((await box(page, "#p-7 .pl")).width).toBeGreaterThan(20);
      expect((await box(page, "#p-7 .cq")).width).toBeGreaterThan(20);
      await page.click('#p-7 > [lang="en"]');
      expect((await box(page, "#p-7 .pl")).width).toBeLessThanOrEqual(1);
    });
  });
});

describe("3. contents", () => {
  it("is sticky on wide screens", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      expect(await style(page, ".rail", "position")).toBe("sticky");
      await page.locator("#p-60").evaluate((el) => el.scrollIntoView());
      const rail = await box(page, ".rail");
      expect(rail.top, "the rail stays at the top of the viewport").toBeGreaterThanOrEqual(0);
      expect(rail.top).toBeLessThan(2);
      expect(rail.bottom).toBeLessThanOrEqual(DESKTOP.height + 1);
      expect(await page.locator("#modes").isVisible()).toBe(true);
      expect((await box(page, "#modes")).top).toBeGreaterThanOrEqual(0);
      await expect.poll(() => page.locator("#toc a[aria-current]").count()).toBe(1);
      const entry = await box(page, "#toc a[aria-current]");
      expect(entry.top, "the current entry is on screen").toBeGreaterThanOrEqual(0);
      expect(entry.bottom).toBeLessThanOrEqual(DESKTOP.height);
      expect(await page.locator(".toc-b").isVisible(), "no disclosure button on wide screens").toBe(false);
    });
  });

  it("is collapsible on narrow screens (and simply open without JS)", async () => {
    await withPage(seeds.url + LONG, { viewport: MOBILE }, async ({ page }) => {
      const button = page.locator(".toc-b");
      expect(await button.isVisible()).toBe(true);
      expect(await button.getAttribute("aria-expanded")).toBe("false");
      expect(await button.getAttribute("aria-controls")).toBe("toc-l");
      expect(await page.locator("#toc-l").isVisible()).toBe(false);
      await button.click();
      expect(await button.getAttribute("aria-expanded")).toBe("true");
      expect(await page.locator("#toc-l").isVisible()).toBe(true);
      await page.click('#toc-l a[href="#s-20"]');
      expect(new URL(page.url()).hash).toBe("#s-20");
      expect(await button.getAttribute("aria-expanded"), "closes after following a link").toBe("false");
      const s20 = await box(page, "#s-20");
      expect(s20.top).toBeGreaterThanOrEqual(0);
      expect(s20.top).toBeLessThan(MOBILE.height / 3);
    });
    await withPage(seeds.url + LONG, { viewport: MOBILE, js: false }, async ({ page }) => {
      expect(await page.locator(".toc-b").isVisible()).toBe(false);
      expect(await page.locator("#toc-l").isVisible()).toBe(true);
    });
  });

  it("chapter times link to the source video at that second", async () => {
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      const s2 = page.locator('#toc-l a[href="#s-2"] + a.time');
      expect(await s2.textContent()).toBe("8:18");
      expect(new URL((await s2.getAttribute("href"))!).searchParams.get("t")).toBe("498");
      const times = await page.$$eval("a.time", (as) => as.map((a) => ({ text: a.textContent ?? "", href: (a as HTMLAnchorElement).href, name: a.getAttribute("aria-label") ?? "" })));
      expect(times.length).toBeGreaterThanOrEqual(30); // contents, section headings and the summary's chapter list
      for (const t of times) {
        // "8:18", or a chapter's range as written, "08:18 – 15:24": the link goes to its start
        const seconds = t.text.split(/\s*[–-]\s*/)[0].split(":").reduce((n, p) => n * 60 + Number(p), 0);
        const url = new URL(t.href);
        expect(url.hostname).toBe("www.youtube.com");
        expect(url.searchParams.get("v")).toBe("k-xtmISBCNE");
        expect(url.searchParams.get("t"), t.text).toBe(String(seconds));
        expect(t.name, "the accessible name holds the visible time").toContain(t.text);
      }
      expect(await page.locator("#s-2 h2 a.time").textContent()).toBe("8:18");
    });
  });

  it("marks the current section while scrolling", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      const current = () => page.$$eval("#toc a[aria-current]", (as) => as.map((a) => a.getAttribute("href")));
      await expect.poll(current).toEqual([]); // at the top, no section is current yet
      await page.locator("#s-30").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await expect.poll(current).toEqual(["#s-30"]);
      expect(await page.getAttribute('#toc a[href="#s-30"]', "aria-current")).toBe("location");
      // the marked entry is scrolled into view inside the sticky rail
      const entry = await box(page, '#toc a[href="#s-30"]');
      expect(entry.top).toBeGreaterThanOrEqual(0);
      expect(entry.bottom).toBeLessThanOrEqual(DESKTOP.height);
      await page.locator("#s-5").evaluate((el) => el.scrollIntoView({ block: "start" }));
      await expect.poll(current).toEqual(["#s-5"]);
    });
  });
});

describe("4. speaker labels", () => {
  it("are styled names on their own line, not loose text", async () => {
    await withPage(fixture.url + FIX, {}, async ({ page }) => {
      const names = await page.$$eval("[data-pair] .sp", (els) => els.map((e) => `${e.closest("[data-pair] > [lang]")!.getAttribute("lang")}:${e.textContent}`));
      expect(names).toEqual(["en:Alex", "zh-CN:Alex", "en:Jensen Huang", "zh-CN:黄仁勋"]);
      const sp = '#p-2 > [lang="en"] .sp';
      expect(Number(await style(page, sp, "font-weight"))).toBeGreaterThanOrEqual(600);
      expect(await style(page, sp, "display")).toBe("block");
      expect(await style(page, sp, "color")).not.toBe(await style(page, '#p-2 > [lang="en"]', "color"));
      const text = await page.locator('#p-2 > [lang="en"]').evaluate((el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join("").trim());
      expect(text).toBe("Sure, the roadmap is long.");
    });
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      const names = new Set(await page.$$eval(".sp", (els) => els.map((e) => e.textContent)));
      expect(names).toEqual(new Set(["Jensen Huang", "主持人"]));
    });
  });
});

describe("5. summary panel", () => {
  it("is collapsible, with TL;DR and facts up front and the long blocks folded", async () => {
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      const panel = page.locator("details.summary-panel");
      expect(await panel.getAttribute("open")).not.toBeNull();
      expect(await page.locator(".tldr").isVisible()).toBe(true);
      expect(await page.locator(".info").isVisible()).toBe(true);
      const blocks = await page.$$eval("details.blk > summary", (ss) => ss.map((s) => s.textContent?.replace(/\s+/g, " ").trim()));
      expect(blocks).toEqual(["章节 Chapters 10", "核心论点 Key points 12", "金句 Quotes 5", "人物 People 3", "公司 Companies 10"]);
      expect(await page.locator(".points").isVisible()).toBe(false);
      await page.click('details.blk > summary:has-text("核心论点")');
      expect(await page.locator(".points").isVisible()).toBe(true);
      expect(await page.locator(".points > li").count()).toBe(12);
      await page.locator(".points > li").first().locator("summary").click();
      expect(await page.locator(".points > li").first().locator("ul").isVisible()).toBe(true);

      await page.click("details.summary-panel > summary");
      expect(await panel.getAttribute("open")).toBeNull();
      expect(await page.locator(".tldr").isVisible()).toBe(false);
      await page.keyboard.press("Enter"); // the summary keeps focus: Enter opens it again
      expect(await panel.getAttribute("open")).not.toBeNull();
    });
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      expect(await page.locator("details.summary-panel").count(), "no panel without a video summary").toBe(0);
    });
  });
});

describe("6. theme, print, fonts, measure", () => {
  const bg = (page: Page) => style(page, "body", "background-color");

  it("follows the system colour scheme", async () => {
    await withPage(seeds.url + LONG, { colorScheme: "dark" }, async ({ page }) => {
      expect(luminance(await bg(page))).toBeLessThan(0.05);
      expect(luminance(await style(page, "body", "color"))).toBeGreaterThan(0.6);
      expect(await page.getAttribute(".theme", "aria-pressed")).toBe("true");
    });
    await withPage(seeds.url + LONG, { colorScheme: "light" }, async ({ page }) => {
      expect(luminance(await bg(page))).toBeGreaterThan(0.9);
      expect(await page.getAttribute(".theme", "aria-pressed")).toBe("false");
    });
  });

  it("has a labelled toggle in the header; the choice is remembered, and picking the system's theme forgets it", async () => {
    const first = await open(seeds.url + LONG, { colorScheme: "light" });
    try {
      const { page, context } = first;
      const toggle = page.locator(".site-header button.theme");
      expect(await toggle.getAttribute("type")).toBe("button");
      expect((await toggle.textContent())?.replace(/\s+/g, " ").trim()).toBe("深色 Dark");
      await toggle.click();
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      expect(luminance(await bg(page))).toBeLessThan(0.05);
      expect(await page.evaluate(() => localStorage.getItem("transcripts.theme"))).toBe("dark");

      const index = await open(seeds.url, { context });
      try {
        expect(await index.page.getAttribute("html", "data-theme"), "on the index too").toBe("dark");
        expect(luminance(await bg(index.page))).toBeLessThan(0.05);
        expect(await index.page.getAttribute(".theme", "aria-pressed")).toBe("true");
      } finally {
        await index.close();
      }
      await page.reload();
      expect(luminance(await bg(page)), "after reload").toBeLessThan(0.05);
      await toggle.click();
      expect(luminance(await bg(page))).toBeGreaterThan(0.9);
      expect(await page.evaluate(() => localStorage.getItem("transcripts.theme")), "back to following the system").toBeNull();
    } finally {
      await first.close();
    }
  });

  it("prints in two columns, without the site chrome", async () => {
    for (const mode of ["sbs", "il"] as const) {
      await withPage(fixture.url + FIX, { colorScheme: "dark", storage: { "transcripts.mode": mode } }, async ({ page }) => {
        await page.emulateMedia({ media: "print" });
        const en = await box(page, '#p-2 > [lang="en"]');
        const zh = await box(page, '#p-2 > [lang="zh-CN"]');
        expect(Math.abs(en.top - zh.top), mode).toBeLessThanOrEqual(1);
        expect(en.right, mode).toBeLessThan(zh.left);
        for (const sel of [".site-header", ".rail", ".pl", ".cq", ".theme"]) expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
        expect(luminance(await bg(page)), "printed on white even in dark mode").toBeGreaterThan(0.9);
        expect(luminance(await style(page, '#p-2 > [lang="en"]', "color"))).toBeLessThan(0.1);
      });
    }
  });

  it("uses system fonts only, and nothing from another origin; no inline script or style (CSP)", async () => {
    const CSP =
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";
    for (const path of ["", LONG, VIDEO]) {
      const context = await browser.newContext({ viewport: DESKTOP });
      await context.route("**/*", async (route) => {
        // (A request still in flight when the page closes, like the icon, is let go.)
        const response = await route.fetch().catch(() => null);
        if (!response) return;
        const headers = { ...response.headers() };
        if (route.request().resourceType() === "document") headers["content-security-policy"] = CSP;
        await route.fulfill({ response, headers }).catch(() => {});
      });
      const opened = await open(seeds.url + path, { context });
      try {
        const { page, errors, requests } = opened;
        expect(errors, `${path}: console errors (CSP violations show here)`).toEqual([]);
        expect(requests.filter((u) => !u.startsWith(seeds.origin + "/")), path).toEqual([]);
        const facts = await page.evaluate(() => ({
          fontFaces: document.fonts.size,
          // executable inline scripts (a JSON-LD data block is not one)
          inlineScripts: [...document.querySelectorAll("script:not([src])")].filter((s) => /^(|text\/javascript|module)$/i.test(s.getAttribute("type") ?? "")).length,
          styleAttrs: document.querySelectorAll("[style]").length,
          styleElements: document.querySelectorAll("style").length,
          theme: !!document.querySelector(".theme"),
        }));
        expect(facts, path).toEqual({ fontFaces: 0, inlineScripts: 0, styleAttrs: 0, styleElements: 0, theme: true });
        if (path === "") continue;
        expect(await page.locator(".cq").count(), `${path}: reader.js ran under the CSP`).toBeGreaterThan(0);
        const families = (await style(page, '[data-pair] > [lang="zh-CN"]', "font-family")) + (await style(page, ".t-title", "font-family"));
        expect(families).toMatch(/PingFang SC/);
        expect(families).toMatch(/Microsoft YaHei/);
        expect(families).toMatch(/Noto Sans CJK SC/);
      } finally {
        await opened.close();
        await context.close();
      }
    }
  });

  it("keeps a comfortable measure and spacing in both scripts", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      const measure = async (sel: string) => (await box(page, sel)).width / parseFloat(await style(page, sel, "font-size"));
      const leading = async (sel: string) => parseFloat(await style(page, sel, "line-height")) / parseFloat(await style(page, sel, "font-size"));
      // side by side: each column wide enough to read, not a ribbon
      expect(await measure('#p-2 > [lang="en"]')).toBeGreaterThanOrEqual(22);
      expect(await measure('#p-2 > [lang="zh-CN"]')).toBeGreaterThanOrEqual(22);
      expect(await leading('#p-2 > [lang="en"]')).toBeGreaterThanOrEqual(1.5);
      expect(await leading('#p-2 > [lang="zh-CN"]')).toBeGreaterThanOrEqual(1.7);
      await page.click('label[for="m-en"]');
      expect(await measure('#p-2 > [lang="en"]'), "English only: about 75 characters a line at most").toBeLessThanOrEqual(46);
      await page.click('label[for="m-zh"]');
      expect(await measure('#p-2 > [lang="zh-CN"]'), "中文: at most about 45 characters a line").toBeLessThanOrEqual(46);
    });
  });
});

describe("10. page weight (scripts/page-weight.ts)", () => {
  it("the long seed's page: HTML within 1.2x of its source (gzip); CSS + JS under 20 KB (gzip), all same-origin", () => {
    const w = measurePageWeight({ siteDir: inject("siteDir"), seedsDir: SEEDS_DIR });
    console.log(formatPageWeight(w).join("\n"));
    expect(w.ratio).toBeLessThanOrEqual(HTML_RATIO_TARGET);
    expect(w.assetsGzip).toBeLessThan(ASSETS_GZIP_TARGET);
    expect(w.external).toEqual([]);
    expect(w.assets.map((a) => a.url)).toEqual(expect.arrayContaining(["/assets/site.css", "/assets/theme.js", "/assets/reader.js"]));
  });
});

describe("9. screenshots (looked at by a person; saved under tests/browser/screenshots/)", () => {
  for (const viewport of [DESKTOP, MOBILE]) {
    for (const mode of MODES) {
      it(`${mode} at ${viewport.width}px`, async () => {
        const storage = mode === "sbs" ? undefined : { "transcripts.mode": mode };
        await withPage(seeds.url + LONG, { viewport, storage }, async ({ page, errors }) => {
          await page.locator("#s-2").evaluate((el) => el.scrollIntoView({ block: "start" }));
          await screenshot(page, `reader-long-${mode}-${viewport.width}`);
          expect(errors).toEqual([]);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(1);
        });
        await withPage(fixture.url + FIX + "#p-2", { viewport, storage }, async ({ page }) => {
          await screenshot(page, `reader-fixture-${mode}-${viewport.width}`, { fullPage: true });
        });
      });
    }
    it(`top of page, dark, and the summary panel at ${viewport.width}px`, async () => {
      await withPage(seeds.url + LONG, { viewport }, async ({ page }) => {
        await screenshot(page, `reader-long-top-${viewport.width}`);
      });
      await withPage(seeds.url + LONG + "#p-3", { viewport, colorScheme: "dark" }, async ({ page }) => {
        await screenshot(page, `reader-long-dark-${viewport.width}`);
      });
      await withPage(seeds.url + VIDEO, { viewport }, async ({ page }) => {
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, "summary panel fully open: no horizontal scrolling").toBeLessThanOrEqual(1);
        await page.evaluate(() => document.querySelectorAll<HTMLDetailsElement>("details.blk").forEach((d, i) => (d.open = i === 0)));
        await screenshot(page, `reader-video-summary-${viewport.width}`, { fullPage: viewport.width < 500 });
      });
      await withPage(seeds.url + VIDEO + "#p-6", { viewport, colorScheme: "dark" }, async ({ page }) => {
        await screenshot(page, `reader-video-dark-${viewport.width}`);
      });
    });
  }

  it.runIf(process.env.DOCS_SCREENSHOT === "1")("docs/screenshot.png for the README (DOCS_SCREENSHOT=1)", async () => {
    await withPage(seeds.url + LONG, { viewport: { width: 1280, height: 860 } }, async ({ page }) => {
      await page.hover("#p-1");
      await mkdir(resolve(REPO_ROOT, "docs"), { recursive: true });
      await page.screenshot({ path: resolve(REPO_ROOT, "docs/screenshot.png") });
    });
  });
});
