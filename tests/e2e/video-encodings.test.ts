// Issue 15 in the browser: a video summary with labels at mixed levels (its summary panel),
// segment times as links into the video, "play from here" beside each pair's ¶ link, summary
// quotes linked to their paragraph, and the /quotes/ page. Built from the fixtures of
// tests/fixtures/encodings/; screenshots of every new element (1280 and 390 px, light and dark)
// go to tests/e2e/screenshots/ to be looked at.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENCODINGS } from "../support/fixtures.ts";
import { axe } from "./support/axe.ts";
import { launchBrowser } from "./support/chromium.ts";
import { DESKTOP, MOBILE, openPage, screenshot, type OpenedPage, type OpenPageOptions } from "./support/page.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { buildSiteOrThrow, removeSite } from "./support/site.ts";

const MIXED = "t/video-summary-mixed-levels/";
const SEGMENTS = "t/segment-times/";
const NO_VIDEO = "t/zh-first/";
const FILES = ["video-summary-mixed-levels.md", "segment-times.md", "video-summary-en.md", "zh-first.md", "front-matter-tabs.md"];

let browser: Browser;
let server: StaticServer;
let site: string;
let seeds: string;
let buildOutput: string;

beforeAll(async () => {
  seeds = mkdtempSync(join(tmpdir(), "video-encodings-"));
  for (const f of FILES) cpSync(join(ENCODINGS, f), join(seeds, f));
  const build = await buildSiteOrThrow({ seedsDir: seeds, extraEnv: { NO_SEARCH_INDEX: "1" } });
  site = build.siteDir;
  buildOutput = build.stdout;
  server = await serveStatic(site);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (site) await removeSite(site);
  if (seeds) rmSync(seeds, { recursive: true, force: true });
});

async function withPage<T>(path: string, opts: OpenPageOptions & { js?: boolean }, fn: (o: OpenedPage) => Promise<T>): Promise<T> {
  const opened = await openPage(browser, server.url + path, opts);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}

const hrefs = (page: Page, selector: string) => page.$$eval(selector, (els) => els.map((e) => (e as HTMLAnchorElement).getAttribute("href")));
const t = (seconds: number, id = "mixLevels01") => `https://www.youtube.com/watch?v=${id}&t=${seconds}`;

describe("the build", () => {
  it("reports no unrecognised block for these shapes; the quotes it could not place as info; the tabs as a warning", () => {
    expect(buildOutput).not.toContain("unrecognised-block");
    expect(buildOutput).toMatch(/video-summary-mixed-levels\.md:55: info quote-not-linked/);
    expect(buildOutput).toMatch(/front-matter-tabs\.md:5: warning front-matter-tabs/);
  });
});

describe("a video summary with labels at mixed levels", () => {
  it("shows its introduction, TL;DR, chapters (linked to the video), key points, quotes, people and companies as structure", async () => {
    await withPage(MIXED, {}, async ({ page, consoleErrors }) => {
      const panel = page.locator("#summary");
      expect(await panel.locator(".intro").textContent()).toContain("本文内容整理自Example Mobility Pod");
      expect(await panel.locator(".tldr").textContent()).toContain("十年之内自动驾驶会像安全带一样");
      expect(await hrefs(page, "#summary .chapters a.time")).toEqual([t(0), t(300), t(4200)]);
      expect(await panel.locator(".chapters a.time").allTextContents()).toEqual(["00:00 – 05:00", "05:00 – 1:10:00", "1:10:00 – 1:22:00"]);
      expect(await panel.locator(".points > li").count()).toBe(2);
      expect(await panel.locator(".person h3").allTextContents()).toEqual(["Dana Whitfield", "主持人"]);
      expect(await panel.locator(".companies tbody th").allTextContents()).toEqual(["Waymo", "Tesla"]);
      expect(await panel.locator("details.blk > summary").allTextContents()).not.toContain(expect.stringMatching(/视频开头信息|TL;DR|章节导航表/));
      expect(consoleErrors).toEqual([]);
    });
  });
});

describe("segment times", () => {
  it("are small links into the video at their second, before their segment: not rows, not in the contents", async () => {
    await withPage(SEGMENTS, {}, async ({ page }) => {
      expect(await hrefs(page, ".t-body .tm a.tl")).toEqual([t(0, "segTimes01"), t(80, "segTimes01"), t(3600, "segTimes01"), t(3840, "segTimes01"), t(3920, "segTimes01")]);
      expect(await page.locator(".t-body .tm a.tl").allTextContents()).toEqual(["0:00 – 1:20", "1:20 – 2:40", "1:00:00 – 1:15:00", "1:04:00 – 1:05:20", "1:05:20 – End"]);
      // Each right before the pair it starts, never inside one.
      expect(await page.$$eval(".tm", (els) => els.map((e) => e.nextElementSibling?.id))).toEqual(["p-2", "p-3", "p-5", "p-6", "p-7"]);
      expect(await page.locator("[data-pair] .tl, [data-text] .tl").count()).toBe(0);
      expect(await page.locator("[data-pair]").count()).toBe(7);
      expect(await page.locator(".toc a").allTextContents()).not.toContain(expect.stringMatching(/1:20|Part/));
    });
  });

  it("still link into the video without JavaScript", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    await context.route((u) => u.hostname !== "127.0.0.1", (r) => r.abort());
    const page = await context.newPage();
    await page.goto(server.url + SEGMENTS);
    expect(await page.locator(".t-body .tm a.tl").count()).toBe(5);
    expect(await page.locator(".pf").count()).toBe(0);
    await context.close();
  });
});

describe("play from here", () => {
  it("each pair's ¶ actions offer the video at the nearest known time before it, saying which", async () => {
    await withPage(SEGMENTS, {}, async ({ page }) => {
      const entries = await page.$$eval("[data-pair]", (rows) =>
        rows.map((r) => {
          const a = r.querySelector<HTMLAnchorElement>(":scope > a.pf");
          return [r.id, a?.getAttribute("href"), a?.textContent, a?.getAttribute("title")];
        }),
      );
      expect(entries).toEqual([
        ["p-1", t(0, "segTimes01"), "0:00", "从头 0:00 播放（本段之前没有时间）· Play from the start (no time before this paragraph)"],
        ["p-2", t(0, "segTimes01"), "0:00", "从 0:00 播放（分段起点）· Play from 0:00 (segment start)"],
        ["p-3", t(80, "segTimes01"), "1:20", "从 1:20 播放（分段起点）· Play from 1:20 (segment start)"],
        ["p-4", t(160, "segTimes01"), "2:40", "从 2:40 播放（章节起点）· Play from 2:40 (chapter start)"],
        ["p-5", t(3600, "segTimes01"), "1:00:00", "从 1:00:00 播放（部分起点）· Play from 1:00:00 (part start)"],
        ["p-6", t(3840, "segTimes01"), "1:04:00", "从 1:04:00 播放（分段起点）· Play from 1:04:00 (segment start)"],
        ["p-7", t(3920, "segTimes01"), "1:05:20", "从 1:05:20 播放（分段起点）· Play from 1:05:20 (segment start)"],
      ]);
      // Shown with the ¶ and copy buttons, on hover and keyboard focus; named for screen readers.
      await page.mouse.move(5, 5);
      expect(await page.locator("#p-3 .pf").evaluate((e) => getComputedStyle(e).opacity)).toBe("0");
      await page.hover("#p-3 > [lang=en]");
      expect(await page.locator("#p-3 .pf").evaluate((e) => getComputedStyle(e).opacity)).toBe("1");
      expect(await page.locator("#p-3 .pf").getAttribute("aria-label")).toContain("Play from 1:20");
      expect(await page.locator("#p-3 .pf").getAttribute("rel")).toBe("noopener noreferrer");
    });
  });

  it("uses the segment times of a Chinese-only video summary under its Part chunks", async () => {
    await withPage(MIXED, {}, async ({ page }) => {
      expect(await hrefs(page, "[data-pair] > a.pf")).toEqual([t(0), t(0), t(80), t(80), t(3840), t(3840), t(4800), t(4800)]);
    });
  });

  it("is not offered on a transcript without a video", async () => {
    await withPage(NO_VIDEO, {}, async ({ page }) => {
      expect(await page.locator(".cq").count()).toBeGreaterThan(0);
      expect(await page.locator(".pf").count()).toBe(0);
    });
  });

  it("on a phone, a tapped row shows it in the row's actions, with its time", async () => {
    await withPage(SEGMENTS, { viewport: MOBILE }, async ({ page }) => {
      await page.click("#p-6 > [lang=en]");
      const pf = page.locator("#p-6 .pf");
      expect((await pf.boundingBox())!.width).toBeGreaterThan(40);
      expect(await pf.textContent()).toBe("1:04:00");
    });
  });
});

describe("summary quotes", () => {
  it("a quote found in the transcript links to its paragraph; the others do not link", async () => {
    await withPage(MIXED, {}, async ({ page }) => {
      expect(await page.$$eval("#summary .quote", (figs) => figs.map((f) => f.querySelector("a.ql")?.getAttribute("href") ?? null))).toEqual(["#p-8", "#p-4", null, null]);
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      await page.locator("#summary .quote a.ql").first().click();
      expect(await page.evaluate(() => document.querySelector(":target")?.id)).toBe("p-8");
    });
  });
});

describe("the quotes page", () => {
  it("lists every quote of the archive with speaker, interview and date, each linking to its paragraph or its interview", async () => {
    await withPage("quotes/", {}, async ({ page, consoleErrors }) => {
      const rows = await page.$$eval(".qlist > li", (lis) =>
        lis.map((li) => [li.querySelector("blockquote")?.textContent, li.querySelector(".who")?.textContent ?? null, li.querySelector("figcaption a")?.getAttribute("href"), li.querySelector("time")?.textContent]),
      );
      expect(rows).toEqual([
        ['"十年之内，不会自动驾驶的汽车会像没有安全带的汽车一样不可想象。"', "Dana Whitfield", `/${MIXED}#p-8`, "2025-09-12"],
        ['"我们每周跑 ２０万单 付费行程!"', "Dana Whitfield", `/${MIXED}#p-4`, "2025-09-12"],
        ['"Safety is the product, not a feature."', "Dana Whitfield", `/${MIXED}`, "2025-09-12"],
        ['"激光雷达的价格终将降到一百美元以下。"', "Dana Whitfield", `/${MIXED}`, "2025-09-12"],
        ['"Everything that moves will be robotic."', "Jensen Huang", "/t/video-summary-en/", "2025-05-06"],
      ]);
      expect(consoleErrors).toEqual([]);
    });
  });

  it("filters by person, and keeps the choice in the address", async () => {
    await withPage("quotes/", {}, async ({ page }) => {
      await page.selectOption("#qfilters select", "jensen huang");
      expect(await page.locator(".qlist > li:not([hidden])").count()).toBe(1);
      expect(await page.locator("#qfilters output").textContent()).toBe("1 / 5");
      expect(new URL(page.url()).search).toBe("?person=jensen+huang");
    });
    await withPage("quotes/?person=dana+whitfield", {}, async ({ page }) => {
      expect(await page.locator(".qlist > li:not([hidden])").count()).toBe(4);
    });
  });

  it("is linked from the index", async () => {
    await withPage("", {}, async ({ page }) => {
      expect(await page.locator('.browse-links a[href="/quotes/"]').textContent()).toContain("Quotes");
    });
  });
});


describe("accessibility of the new elements", () => {
  for (const viewport of [DESKTOP, MOBILE]) {
    for (const colorScheme of ["light", "dark"] as const) {
      it(`axe-core finds nothing on the summary panel, segment times, play links and the quotes page (${viewport.width}px, ${colorScheme})`, async () => {
        for (const path of [MIXED, SEGMENTS]) {
          await withPage(path, { viewport, colorScheme }, async ({ page }) => {
            await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
            if (viewport === MOBILE) await page.click("#p-3 > p");
            else await page.hover("#p-3");
            expect(await axe(page), path).toEqual([]);
          });
        }
        await withPage("quotes/", { viewport, colorScheme }, async ({ page }) => {
          expect(await axe(page)).toEqual([]);
        });
      });
    }
  }
});

describe("screenshots of the new elements (looked at by a person)", () => {
  for (const viewport of [DESKTOP, MOBILE]) {
    for (const colorScheme of ["light", "dark"] as const) {
      const tag = `${viewport.width}-${colorScheme}`;
      it(`summary panel, segment times, play from here, quotes page at ${tag}`, async () => {
        await withPage(MIXED, { viewport, colorScheme }, async ({ page }) => {
          await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
          await screenshot(page, `issue15-summary-${tag}`, { fullPage: true });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, "no horizontal scrolling").toBeLessThanOrEqual(1);
        });
        await withPage(`${SEGMENTS}#p-5`, { viewport, colorScheme }, async ({ page }) => {
          if (viewport === MOBILE) await page.click("#p-6 > [lang=en]");
          else await page.hover("#p-6");
          await screenshot(page, `issue15-segments-${tag}`);
        });
        await withPage("quotes/", { viewport, colorScheme }, async ({ page }) => {
          await screenshot(page, `issue15-quotes-${tag}`, { fullPage: true });
        });
      });
    }
  }
});
