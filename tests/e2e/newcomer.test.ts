// What a newcomer tripped over (issue 17), checked in Chromium: phone modes, landing on a
// paragraph, names as written, the companies table, the source link, chapter titles, focus after
// M, the home page on a phone, the page without JavaScript, npm start (CSP, favicon, problems of
// an edit), URLs. Against the site built from seeds/ (global setup), a small fixture site, and
// npm start over a copy of the seeds. No assertion on time.
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { axe } from "./support/axe.ts";
import { launchBrowser } from "./support/chromium.ts";
import { startDevServer, type DevServer } from "./support/dev-server.ts";
import { DESKTOP, MOBILE, screenshot } from "./support/page.ts";
import { serveStatic, type StaticServer } from "./support/server.ts";
import { buildSiteOrThrow, removeSite } from "./support/site.ts";

const LONG = "t/000-3b6afdfa3ea1ef5a/"; // 88 sections of one bilingual pair each; tags and companies in lower case
const VIDEO = "t/003-2b149ca5e6d99755/"; // summary panel: chapters, companies table in ⭐
const TABLET = { width: 700, height: 900 } as const;
/** The pages' CSP in a built site (npm run build): exactly as strict as ever. */
const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

const ROBOTS = "Robots’_Road_to_General_Purpose_Autonomy_with_the_Founder_and_CEO_of_Example_translate.md";
const FIXTURE = `---
title: Names fixture
date: 2024-03-01
speaker: Test Channel
tags: [ai基础设施]
companies_orgs: [openai]
---
### 建设AI基础设施

OpenAI builds it.

OpenAI 在建设它。
`;

interface Opened {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}

let browser: Browser;
let seeds: StaticServer;
let fixture: StaticServer;
let fixtureSite = "";
let fixtureSeeds = "";
let fixtureBuildOutput = "";

async function open(url: string, o: { viewport?: { width: number; height: number }; colorScheme?: "light" | "dark"; js?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext({ viewport: o.viewport ?? DESKTOP, colorScheme: o.colorScheme ?? "light", javaScriptEnabled: o.js ?? true });
  await context.route(
    (u) => u.hostname !== "127.0.0.1" && u.hostname !== "localhost",
    (route) => route.abort("blockedbyclient"),
  );
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { context, page, errors, close: () => context.close() };
}

async function withPage<T>(url: string, o: Parameters<typeof open>[1], fn: (p: Opened) => Promise<T>): Promise<T> {
  const opened = await open(url, o);
  try {
    return await fn(opened);
  } finally {
    await opened.close();
  }
}


const rect = (page: Page, selector: string) =>
  page.locator(selector).first().evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
  });

/** The visible mode buttons, by radio value. */
const visibleModes = (page: Page) =>
  page.$$eval("#modes input[name=mode]", (inputs) => (inputs as HTMLInputElement[]).filter((i) => (i.labels?.[0]?.getClientRects().length ?? 0) > 0).map((i) => i.value));

/** How the first pair is laid out: where each side is (in whole pixels), and which sides show. */
const layoutOf = (page: Page) =>
  page.evaluate(() => {
    const row = document.querySelector("#p-1")!;
    return [...row.querySelectorAll<HTMLElement>(":scope > [lang]")]
      .map((s) => {
        const r = s.getBoundingClientRect();
        return r.width ? `${s.lang}@${Math.round(r.left)},${Math.round(r.top - row.getBoundingClientRect().top)}` : `${s.lang}:hidden`;
      })
      .join(" ");
  });

beforeAll(async () => {
  fixtureSeeds = await mkdtemp(join(tmpdir(), "newcomer-seeds-"));
  await writeFile(join(fixtureSeeds, "names.md"), FIXTURE);
  await writeFile(join(fixtureSeeds, ROBOTS), "---\ntitle: Robots\ndate: 2024-01-01\n---\nHello.\n\n你好。\n");
  const built = await buildSiteOrThrow({ seedsDir: fixtureSeeds, extraEnv: { NO_SEARCH_INDEX: "1" } });
  fixtureSite = built.siteDir;
  fixtureBuildOutput = built.stdout + built.stderr;
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

describe("1 and 9. reading modes on every screen, with and without JavaScript", () => {
  it("on a phone side by side is not offered (a note says why); every button shown does something different", async () => {
    for (const js of [true, false]) {
      await withPage(seeds.url + LONG, { viewport: MOBILE, js }, async ({ page, errors }) => {
        expect(await visibleModes(page), `js ${js}`).toEqual(["il", "en", "zh"]);
        expect(await page.locator(".seg-note").isVisible()).toBe(true);
        expect(await page.locator(".seg-note").textContent()).toMatch(/Side by side needs a wider screen/);
        // The default reads as interleaved, and that button shows as the chosen one.
        const chosen = await page.$eval('label[for="m-il"]', (l) => getComputedStyle(l).backgroundColor);
        const other = await page.$eval('label[for="m-en"]', (l) => getComputedStyle(l).backgroundColor);
        expect(chosen, `js ${js}: interleaved looks chosen`).not.toBe(other);
        if (js) expect(await page.$eval("#m-il", (i) => (i as HTMLInputElement).checked)).toBe(true);
        const layouts = new Set<string>();
        for (const mode of ["en", "zh", "il"]) {
          await page.click(`label[for="m-${mode}"]`);
          layouts.add(await layoutOf(page));
        }
        expect(layouts.size, `js ${js}: three buttons, three layouts`).toBe(3);
        if (js) await screenshot(page, "newcomer-modes-390");
        expect(errors).toEqual([]);
      });
    }
  });

  it("from 600 px side by side is two columns again, unlike interleaved", async () => {
    for (const js of [true, false]) {
      await withPage(seeds.url + LONG, { viewport: TABLET, js }, async ({ page }) => {
        expect(await visibleModes(page)).toEqual(["sbs", "il", "en", "zh"]);
        expect(await page.locator(".seg-note").isVisible()).toBe(false);
        const en = await rect(page, '#p-1 > [lang="en"]');
        const zh = await rect(page, '#p-1 > [lang="zh-CN"]');
        expect(Math.abs(en.top - zh.top), `js ${js}: side by side`).toBeLessThanOrEqual(1);
        expect(en.right).toBeLessThan(zh.left);
        const layouts = new Set([await layoutOf(page)]);
        for (const mode of ["il", "en", "zh"]) {
          await page.click(`label[for="m-${mode}"]`);
          layouts.add(await layoutOf(page));
        }
        expect(layouts.size, `js ${js}: four buttons, four layouts`).toBe(4);
        if (js) {
          await page.click('label[for="m-sbs"]');
          await page.locator("#p-2").scrollIntoViewIfNeeded();
          await screenshot(page, "newcomer-modes-700");
        }
      });
    }
  });

  it("a remembered side by side comes back on a wider screen; M skips it on a phone", async () => {
    await withPage(seeds.url + LONG, { viewport: MOBILE }, async ({ page }) => {
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        await page.keyboard.press("m");
        seen.push(await page.$eval("input[name=mode]:checked", (r) => (r as HTMLInputElement).value));
      }
      expect(seen).toEqual(["en", "zh", "il"]);
      await page.keyboard.press("Shift+M");
      expect(await page.$eval("input[name=mode]:checked", (r) => (r as HTMLInputElement).value)).toBe("zh");
    });
    await withPage(seeds.url + LONG, { viewport: MOBILE }, async ({ page }) => {
      await page.setViewportSize(TABLET);
      await expect.poll(() => page.$eval("input[name=mode]:checked", (r) => (r as HTMLInputElement).value)).toBe("sbs");
      expect(await page.$eval("#m-sbs", (r) => (r as HTMLInputElement).disabled)).toBe(false);
    });
  });

  it("without JavaScript there is no M key, and no hint of one", async () => {
    await withPage(seeds.url + LONG, { js: false }, async ({ page }) => {
      expect(await page.locator("#modes kbd").isVisible()).toBe(false);
    });
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      expect(await page.locator("#modes kbd").isVisible()).toBe(true);
    });
  });
});

describe("7. focus after M", () => {
  it("moves with the mode: focus and the pressed state agree", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      await page.click('label[for="m-il"]');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("m-il");
      await page.keyboard.press("m");
      const state = await page.evaluate(() => ({ focused: document.activeElement?.id, checked: document.querySelector("input[name=mode]:checked")?.id }));
      expect(state).toEqual({ focused: "m-en", checked: "m-en" });
      expect(await page.$eval("#m-en", (el) => el.matches(":focus-visible"))).toBe(true);
      await page.keyboard.press("Shift+M");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("m-il");
    });
  });
});

describe("2. landing on a paragraph", () => {
  for (const viewport of [DESKTOP, MOBILE]) {
    it(`a section's first pair: the pair whole, its heading whole above it (${viewport.width}px)`, async () => {
      await withPage(`${seeds.url + LONG}#p-3`, { viewport }, async ({ page }) => {
        await page.waitForLoadState("load");
        const head = await rect(page, "#s-3-h");
        const pair = await rect(page, "#p-3");
        expect(head.top, "heading not cut at the top").toBeGreaterThanOrEqual(0);
        expect(head.bottom).toBeLessThanOrEqual(pair.top);
        expect(pair.bottom, "pair whole").toBeLessThanOrEqual(viewport.height);
        await screenshot(page, `newcomer-landing-${viewport.width}`);
        // The same for pairs reached from the page itself (a changed address): p-14 is short
        // everywhere; p-40 is taller than a phone's screen (there it cannot be whole, and keeps its heading).
        for (const n of [14, 40]) {
          await page.evaluate((id) => (location.hash = id), `#p-${n}`);
          await expect.poll(async () => (await rect(page, `#s-${n}-h`)).top).toBeGreaterThanOrEqual(0);
          const p = await rect(page, `#p-${n}`);
          expect(p.top).toBeLessThan(viewport.height / 3);
          if (p.height < viewport.height - 20) expect(p.bottom, `#p-${n} whole`).toBeLessThanOrEqual(viewport.height);
        }
      });
    });
  }

  it("without JavaScript the heading of a one-line section is in view too", async () => {
    await withPage(`${seeds.url + LONG}#p-3`, { js: false }, async ({ page }) => {
      expect((await rect(page, "#s-3-h")).top).toBeGreaterThanOrEqual(0);
    });
  });

  it("a pair that is not the first of its section is whole in view", async () => {
    await withPage(`${seeds.url + VIDEO}#p-3`, { viewport: MOBILE }, async ({ page }) => {
      const pair = await rect(page, "#p-3");
      expect(pair.top).toBeGreaterThanOrEqual(0);
      expect(pair.bottom).toBeLessThanOrEqual(MOBILE.height);
    });
  });
});

describe("3. names as written", () => {
  it("tags and companies keep the case the archive writes them in", async () => {
    await withPage(seeds.url + LONG, {}, async ({ page }) => {
      const tags = await page.$$eval(".t-head .tags li", (els) => els.map((e) => e.textContent!.trim()));
      expect(tags).toContain("AI基础设施");
      expect(tags).not.toContain("ai基础设施");
      expect(await page.$$eval(".t-head .mentions a", (els) => els.map((e) => e.textContent!.trim()))).toEqual(["OpenAI"]);
    });
    await withPage(fixture.url, {}, async ({ page }) => {
      // Written so only in the transcript's heading and text: the tag list says `ai基础设施`.
      expect(await page.$$eval("select[name=tag] option", (os) => os.map((o) => o.textContent!.trim()))).toContain("AI基础设施 (1)");
      expect(await page.$$eval(".card .tags li", (els) => els.map((e) => e.textContent!.trim()))).toContain("AI基础设施");
    });
    await withPage(`${seeds.url}tags/`, {}, async ({ page }) => {
      expect(await page.$$eval(".term-cloud a", (els) => els.map((e) => e.textContent!.trim()))).toContain("AI基础设施");
    });
    // The search page's tag filter too (its value stays the tag as the file writes it).
    await withPage(`${seeds.url}search/`, {}, async ({ page }) => {
      const options = await page.$$eval("select[name=tag] option", (os) => os.map((o) => ({ text: o.textContent!.trim(), value: (o as HTMLOptionElement).value })));
      expect(options).toContainEqual({ text: "AI基础设施 (1)", value: "ai基础设施" });
    });
  });

  it("a companies entry OpenAI/Anthropic/Gemini is the same three linked names on the page and in /companies/", async () => {
    const companies = await withPage(`${seeds.url}companies/`, {}, async ({ page }) =>
      page.$$eval(".term-cloud a", (els) => els.map((e) => ({ name: e.textContent!.trim(), href: new URL((e as HTMLAnchorElement).href).pathname }))),
    );
    for (const name of ["OpenAI", "Anthropic", "Gemini", "TSMC", "SK Hynix"]) expect(companies.map((c) => c.name)).toContain(name);
    expect(companies.map((c) => c.name).some((n) => n.includes("/"))).toBe(false);
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const links = (selector: string) => page.$$eval(selector, (els) => els.map((e) => ({ name: e.textContent!.trim(), href: new URL((e as HTMLAnchorElement).href).pathname })));
      const row = await page.$$eval(".companies tbody tr", (trs) => trs.findIndex((tr) => tr.textContent!.includes("Anthropic")));
      const cell = await links(`.companies tbody tr:nth-child(${row + 1}) th a`);
      expect(cell.map((c) => c.name)).toEqual(["OpenAI", "Anthropic", "Gemini"]);
      const mentions = await links(".t-head .mentions a");
      for (const c of cell) {
        expect(companies, `${c.name} links to its page in /companies/`).toContainEqual(c);
        expect(mentions).toContainEqual(c);
      }
      expect(await page.$$eval(".t-head .mentions a:not([href])", (els) => els.length)).toBe(0);
    });
  });
});

describe("4. the companies table", () => {
  it("importance is a meter with a value, not emoji stars", async () => {
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      expect(await page.locator(".companies").textContent()).not.toMatch(/⭐/u);
      const meters = await page.$$eval('.companies [role="meter"]', (ms) => ms.map((m) => [m.getAttribute("aria-valuenow"), m.getAttribute("aria-valuemax"), m.getAttribute("aria-label")]));
      expect(meters).toHaveLength(10);
      expect(meters[0]).toEqual(["3", "3", "重要性 Importance"]);
      expect(meters[8]).toEqual(["1", "3", "重要性 Importance"]);
    });
  });

  for (const colorScheme of ["light", "dark"] as const) {
    it(`on a phone it is stacked, names never broken inside a word; axe passes (${colorScheme})`, async () => {
      await withPage(seeds.url + VIDEO, { viewport: MOBILE, colorScheme }, async ({ page }) => {
        await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
        // Every linked name on one line.
        const lines = await page.$$eval(".companies tbody th a", (as) => as.map((a) => [a.textContent, new Set([...a.getClientRects()].map((r) => Math.round(r.top))).size]));
        for (const [name, n] of lines) expect(n, `${name} on one line`).toBe(1);
        // Name above its context.
        const name = await rect(page, ".companies tbody tr:nth-child(2) th");
        const context = await rect(page, ".companies tbody tr:nth-child(2) td");
        expect(context.top).toBeGreaterThanOrEqual(name.bottom - 1);
        await page.locator(".companies").scrollIntoViewIfNeeded();
        await screenshot(page, `newcomer-companies-390-${colorScheme}`);
        expect(await axe(page, Infinity)).toEqual([]);
      });
    });
  }
});

describe("5. the source link", () => {
  it("is a link to the video with its length, no disclosure triangle, and is not printed", async () => {
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      const a = page.locator(".src a");
      expect(await a.getAttribute("href")).toBe("https://www.youtube.com/watch?v=k-xtmISBCNE");
      expect((await a.textContent())!.replace(/\s+/g, " ")).toContain("Watch the video");
      expect(await a.textContent()).toContain("1:16:20");
      expect(await a.evaluate((el) => getComputedStyle(el, "::before").content)).toBe("none");
      expect(await a.textContent()).not.toMatch(/[▸▶]/u);
      expect(await page.locator(".src svg.play").count()).toBe(1);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".src").isVisible()).toBe(false);
    });
  });
});

describe("6. chapter titles", () => {
  it("link to their section of the transcript; the times still link to the video", async () => {
    await withPage(seeds.url + VIDEO, {}, async ({ page }) => {
      await page.evaluate(() => document.querySelectorAll("details").forEach((d) => (d.open = true)));
      const chapters = await page.$$eval(".chapters li", (lis) =>
        lis.map((li) => {
          const a = li.querySelector<HTMLAnchorElement>("b a");
          const target = a ? document.querySelector(`${a.getAttribute("href")} > h2 [lang]`) : null;
          return { title: li.querySelector("b")!.textContent!.trim(), heading: target?.textContent?.trim(), time: li.querySelector<HTMLAnchorElement>("a.time")?.href };
        }),
      );
      expect(chapters).toHaveLength(10);
      for (const c of chapters) {
        expect(c.heading, c.title).toBe(c.title);
        expect(c.time).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=k-xtmISBCNE&t=\d+$/);
      }
      const link = page.locator(".chapters li:nth-child(4) b a");
      const href = (await link.getAttribute("href"))!;
      await link.click();
      expect(new URL(page.url()).hash).toBe(href);
      const head = await rect(page, `${href}-h`);
      expect(head.top).toBeGreaterThanOrEqual(0);
      expect(head.top).toBeLessThan(DESKTOP.height / 3);
    });
  });
});

describe("8. the home page on a phone", () => {
  it("the meta line wraps as text; the search box shows its whole placeholder; the count says what it counts", async () => {
    await withPage(seeds.url, { viewport: MOBILE }, async ({ page }) => {
      // The channel's name starts on the date's line (it used to jump to a line of its own, "·" first).
      const lines = await page.$$eval(".card .byline", (bs) =>
        bs.map((b) => {
          const date = b.querySelector("time")!.getBoundingClientRect();
          const who = b.querySelector(".who")!.getClientRects()[0]!;
          return Math.abs(date.top - who.top);
        }),
      );
      for (const gap of lines) expect(gap).toBeLessThanOrEqual(2);
      const placeholder = await page.$eval("#site-search-q", (input) => {
        const i = input as HTMLInputElement;
        const cs = getComputedStyle(i);
        const ctx = document.createElement("canvas").getContext("2d")!;
        ctx.font = `${cs.fontSize} ${cs.fontFamily}`;
        return { text: ctx.measureText(i.placeholder).width, room: i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight) };
      });
      expect(placeholder.text).toBeLessThanOrEqual(placeholder.room);
      const count = (await page.locator(".filter-count").textContent())!.replace(/\s+/g, " ").trim();
      expect(count).toBe("共 2 篇 · 2 interviews");
      await page.selectOption("select[name=year]", "2025");
      expect((await page.locator(".filter-count").textContent())!.replace(/\s+/g, " ").trim()).toBe("显示 1 / 2 篇 · 1 of 2 interviews");
      await page.selectOption("select[name=year]", "");
      await screenshot(page, "newcomer-index-390");
    });
  });
});

describe("11. URLs", () => {
  it("lowercase words joined by '-', cut at a word boundary", async () => {
    await withPage(fixture.url, {}, async ({ page }) => {
      const hrefs = await page.$$eval(".card-title a", (as) => as.map((a) => a.getAttribute("href")));
      expect(hrefs).toContain("/t/robots-road-to-general-purpose-autonomy-with-the-founder-and-ceo-of-example/");
      expect(hrefs).toContain("/t/names/");
    });
    const res = await fetch(`${fixture.url}t/robots-road-to-general-purpose-autonomy-with-the-founder-and-ceo-of-example/`);
    expect(res.status).toBe(200);
  });
});

describe("10 and 12. npm start", () => {
  let dev: DevServer;
  let base = "";
  let seedsCopy = "";
  beforeAll(async () => {
    dev = await startDevServer({ NO_SEARCH_INDEX: "1" });
    ({ base, seeds: seedsCopy } = dev);
    await dev.until("the server", async () => ((await fetch(`${base}${LONG}`)).ok ? true : undefined));
  });
  afterAll(async () => dev?.stop());

  it("no CSP violation on the 404 page or elsewhere; a favicon; the built site's CSP as strict as ever", async () => {
    for (const path of ["no-such-page/", LONG, "", "feed.xml"]) {
      await withPage(base + path, {}, async ({ page, errors }) => {
        await page.waitForLoadState("load");
        const csp = errors.filter((e) => /Content Security Policy/i.test(e));
        expect(csp, path).toEqual([]);
        if (path === "no-such-page/") {
          // The reload script ran (it is the dev server's; it was blocked before).
          expect(await page.locator("h1").textContent()).toContain("Page not found");
          expect(errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
        }
      });
    }
    const icon = await fetch(`${base}favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toMatch(/icon/);
    // npm run build (the global site): the policy is exactly the strict one, on every kind of page.
    for (const path of ["404.html", `${LONG}index.html`, "index.html"]) {
      const html = await readFile(join(inject("siteDir"), path), "utf8");
      expect(html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1], path).toBe(STRICT_CSP);
      expect(html).not.toContain("dev-problems");
    }
    expect((await fetch(`${seeds.url}favicon.ico`)).status).toBe(200);
    // npm run build prints no rebuild report.
    expect(fixtureBuildOutput).not.toMatch(/\(changed: /);
  });

  it("an edit that breaks a transcript: its problems printed with file and line, and shown on its page", async () => {
    const file = (await readdir(seedsCopy)).find((n) => n.startsWith("000_"))!;
    const path = join(seedsCopy, file);
    const good = await readFile(path, "utf8");
    expect(good.split("\n")[1]).toMatch(/^title: /);
    const { until } = dev;
    let from = dev.output().length;
    const output = () => dev.output().slice(from);
    await writeFile(path, good.replace(/^title: /m, 'title: "'));
    const line = await until("the problem printed", async () => output().match(new RegExp(`^(\\S*seeds/${file}):2: error yaml-invalid .+$`, "m"))?.[0]);
    expect(output()).toMatch(/^1 error, 0 warnings in 1 file \(changed: \S*seeds\/000_3b6afdfa3ea1ef5a\.txt\)$/m);
    for (const colorScheme of ["light", "dark"] as const) {
      await withPage(base + LONG, { colorScheme }, async ({ page }) => {
        await until("the banner", async () => {
          await page.goto(base + LONG);
          return (await page.locator(".dev-problems").count()) ? true : undefined;
        });
        const text = (await page.locator(".dev-problems").textContent())!.replace(/\s+/g, " ");
        expect(text).toContain(`seeds/${file}:2`);
        expect(text).toContain("yaml-invalid");
        expect(line).toContain("front matter is not valid YAML");
        if (colorScheme === "light") await screenshot(page, "newcomer-dev-banner");
        expect(await axe(page, Infinity)).toEqual([]);
      });
    }
    // Fixed again: the file has no problem, and the page no banner.
    from = dev.output().length;
    await writeFile(path, good);
    await until("the fix printed", async () => (/^0 errors, 0 warnings in 1 file \(changed: /m.test(output()) ? true : undefined));
    await withPage(base + LONG, {}, async ({ page }) => {
      await until("the banner gone", async () => {
        await page.goto(base + LONG);
        return (await page.locator(".dev-problems").count()) === 0 ? true : undefined;
      });
    });
  });
});
