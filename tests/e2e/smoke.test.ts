// Smoke test of the built site (seeds/ → temp dir, built once by global-setup.ts),
// served over HTTP and driven with Debian's Chromium.
import { readdir, readFile } from "node:fs/promises";
import { join, relative, sep } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "./support/chromium.ts";
import { DESKTOP, MOBILE, openPage, screenshot } from "./support/page.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { SEEDS_DIR } from "./support/site.ts";

const siteDir = inject("siteDir");

/** Every `index.html` under the site (not the Pagefind bundle), as a URL path like `t/x/`. */
async function htmlPages(dir: string): Promise<{ path: string; html: string }[]> {
  const out: { path: string; html: string }[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || entry.name !== "index.html") continue;
    const full = join(entry.parentPath, entry.name);
    const rel = relative(dir, entry.parentPath).split(sep).join("/");
    if (rel === "pagefind" || rel.startsWith("pagefind/")) continue;
    out.push({ path: rel === "" ? "" : rel + "/", html: await readFile(full, "utf8") });
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** Requests that did not go to the test server (a static archive needs none). */
function externalRequests(urls: string[]): string[] {
  return urls.filter((u) => !u.startsWith(server.origin + "/") && !/^(data|blob|about):/.test(u));
}

let server: StaticServer;
let browser: Browser;
let seedFiles: string[];
/** URL paths (relative to the site root) of the pages that hold aligned pairs. */
let transcriptPaths: string[];

beforeAll(async () => {
  seedFiles = (await readdir(SEEDS_DIR)).filter((f) => /\.(md|txt)$/i.test(f)).sort();
  const pages = await htmlPages(siteDir);
  transcriptPaths = pages.filter((p) => /\sdata-pair[\s=>]/.test(p.html)).map((p) => p.path);
  server = await serveStatic(siteDir);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("built site from seeds/", () => {
  it("has one transcript page per seed file, at an ASCII URL", () => {
    expect(seedFiles.length).toBeGreaterThan(0);
    expect(transcriptPaths).toHaveLength(seedFiles.length);
    for (const path of transcriptPaths) expect(path).toMatch(/^[\x21-\x7e]+\/$/);
  });

  for (const viewport of [DESKTOP, MOBILE]) {
    describe(`index page at ${viewport.width}px`, () => {
      it("loads with <html lang>, without errors, and links to every transcript", async () => {
        const opened = await openPage(browser, server.url, { viewport });
        try {
          const { page } = opened;
          expect(opened.response?.status()).toBe(200);
          const lang = await page.getAttribute("html", "lang");
          expect(lang, "<html lang>").toMatch(/^(en|zh)(-[A-Za-z]+)?$/);
          expect((await page.title()).trim()).not.toBe("");

          // Resolved hrefs (a.href), so relative and prefixed links both count.
          const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
          const targets = new Set(hrefs.map((h) => h.split("#")[0]));
          for (const path of transcriptPaths) {
            expect(targets, `index links to ${path}`).toContain(server.url + path);
          }

          const overflow = await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          );
          expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(1);

          await screenshot(page, `index-${viewport.width}`);
          expect(opened.consoleErrors).toEqual([]);
          expect(opened.failedRequests).toEqual([]);
          expect(opened.badResponses).toEqual([]);
          expect(externalRequests(opened.requests), "requests outside the test server").toEqual([]);
        } finally {
          await opened.close();
        }
      });
    });
  }

  describe("transcript pages", () => {
    for (const viewport of [DESKTOP, MOBILE]) {
      it(`each has [data-pair] rows with an en and a zh-CN side (${viewport.width}px)`, async () => {
        expect(transcriptPaths.length).toBeGreaterThan(0);
        for (const path of transcriptPaths) {
          const opened = await openPage(browser, server.url + path, { viewport });
          try {
            const { page } = opened;
            expect(opened.response?.status(), path).toBe(200);
            expect(await page.getAttribute("html", "lang"), `${path} <html lang>`).toMatch(
              /^(en|zh)(-[A-Za-z]+)?$/,
            );

            const pairs = await page.$$eval("[data-pair]", (els) =>
              els.map((el) => ({
                id: el.id,
                en: el.querySelectorAll(':scope > [lang="en"]').length,
                zh: el.querySelectorAll(':scope > [lang="zh-CN"]').length,
              })),
            );
            expect(pairs.length, `${path} pairs`).toBeGreaterThan(0);
            const bad = pairs.filter((p) => p.en !== 1 || p.zh !== 1 || p.id === "");
            expect(bad, `${path}: pairs without exactly one en and one zh-CN child, or without id`).toEqual([]);
            const ids = pairs.map((p) => p.id);
            expect(new Set(ids).size, `${path}: pair ids are unique`).toBe(ids.length);

            const overflow = await page.evaluate(
              () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
            );
            expect(overflow, `${path}: horizontal overflow in px`).toBeLessThanOrEqual(1);

            await screenshot(page, `transcript-${path.replace(/\/+$/, "")}-${viewport.width}`);
            expect(opened.consoleErrors, path).toEqual([]);
            expect(opened.failedRequests, path).toEqual([]);
            expect(opened.badResponses, path).toEqual([]);
            expect(externalRequests(opened.requests), `${path}: requests outside the test server`).toEqual([]);
          } finally {
            await opened.close();
          }
        }
      });
    }
  });
});

describe("built with PATH_PREFIX=/archive/ and served under /archive/", () => {
  const PREFIX = "/archive/";
  let prefixedDir: string | undefined;
  let prefixed: StaticServer;
  let prefixedTranscripts: string[];

  beforeAll(async () => {
    prefixedDir = inject("prefixedSiteDir");
    prefixedTranscripts = (await htmlPages(prefixedDir))
      .filter((p) => /\sdata-pair[\s=>]/.test(p.html))
      .map((p) => p.path);
    prefixed = await serveStatic(prefixedDir, { prefix: PREFIX });
  });

  afterAll(async () => {
    await prefixed?.close();
  });

  it("index and transcript pages load with every link and asset under the prefix", async () => {
    expect(prefixedTranscripts).toEqual(transcriptPaths);
    const index = await openPage(browser, prefixed.url);
    try {
      expect(index.response?.status()).toBe(200);
      const hrefs = await index.page.$$eval("a[href]", (as) => as.map((a) => (a as HTMLAnchorElement).href));
      const targets = new Set(hrefs.map((h) => h.split("#")[0]));
      for (const path of prefixedTranscripts) {
        expect(targets, `index links to ${PREFIX}${path}`).toContain(prefixed.url + path);
      }
      const local = hrefs.filter((h) => h.startsWith(prefixed.origin + "/"));
      expect(local.filter((h) => !h.startsWith(prefixed.url)), "local links outside the prefix").toEqual([]);
      expect(index.failedRequests).toEqual([]);
      expect(index.badResponses).toEqual([]);
      expect(index.consoleErrors).toEqual([]);
    } finally {
      await index.close();
    }

    for (const path of prefixedTranscripts) {
      const opened = await openPage(browser, prefixed.url + path);
      try {
        expect(opened.response?.status(), path).toBe(200);
        expect(await opened.page.locator("[data-pair]").count(), path).toBeGreaterThan(0);
        expect(opened.failedRequests, path).toEqual([]);
        expect(opened.badResponses, path).toEqual([]);
        expect(opened.consoleErrors, path).toEqual([]);
      } finally {
        await opened.close();
      }
    }
    expect(prefixed.requests.filter((r) => !r.startsWith(PREFIX)), "requests outside the prefix").toEqual([]);
  });
});
