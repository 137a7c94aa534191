// The rendered site from seeds/: the output contract of DESIGN.md.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { buildInto } from "../support/build.ts";
import { SEEDS } from "../support/fixtures.ts";

const page = (site: string, path: string): HTMLElement => parse(readFileSync(join(site, path, "index.html"), "utf8"));

describe("site built from seeds/", () => {
  let site = "";
  beforeAll(async () => {
    site = await buildInto(SEEDS);
  }, 120_000);

  it("writes an index and one page per seed", () => {
    expect(existsSync(join(site, "index.html"))).toBe(true);
    expect(readdirSync(join(site, "t")).sort()).toEqual(["000-3b6afdfa3ea1ef5a", "003-2b149ca5e6d99755"]);
    const index = page(site, "");
    expect(index.querySelector("html")?.getAttribute("lang")).toBe("zh-CN");
    const links = index.querySelectorAll(".card-title a").map((a) => a.getAttribute("href"));
    // Newest first: 003 is from 2026-01-08, 000 from 2025-10-06.
    expect(links).toEqual(["/t/003-2b149ca5e6d99755/", "/t/000-3b6afdfa3ea1ef5a/"]);
  });

  it("000: 88 aligned pairs, each with an English and a Chinese side, unique ids", () => {
    const doc = page(site, "t/000-3b6afdfa3ea1ef5a");
    const pairs = doc.querySelectorAll("[data-pair]");
    expect(pairs).toHaveLength(88);
    for (const p of pairs) {
      // Other children (a permalink, tools) may come and go; the two sides are the contract.
      const sides = p.childNodes.filter((n): n is HTMLElement => n instanceof Object && "getAttribute" in n && (n as HTMLElement).hasAttribute("lang"));
      expect(sides.map((s) => s.getAttribute("lang"))).toEqual(["en", "zh-CN"]);
      expect(p.querySelectorAll("[data-missing]")).toHaveLength(0);
    }
    const ids = doc.querySelectorAll("[id]").map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.querySelectorAll("section.t-section[id]")).toHaveLength(88);
    expect(doc.querySelector("#p-1 [lang=en]")?.textContent.trim()).toBe("I think that OpenAI is likely going to be the next multi-trillion dollar hyperscale company.");
  });

  it("003: summary panel, chapters linked to the video at each second, Chinese-only transcript", () => {
    const doc = page(site, "t/003-2b149ca5e6d99755");
    const panel = doc.querySelector(".summary-panel")!;
    expect(panel.textContent).toContain("黄仁勋回顾2025年AI发展");
    const chapterLinks = panel.querySelectorAll(".chapters a.time").map((a) => a.getAttribute("href"));
    expect(chapterLinks).toHaveLength(10);
    expect(chapterLinks[1]).toBe("https://www.youtube.com/watch?v=k-xtmISBCNE&t=498");
    const tocTimes = doc.querySelectorAll(".toc a.time").map((a) => a.getAttribute("href")?.split("t=")[1]);
    expect(tocTimes).toEqual(["0", "498", "924", "1265", "1762", "2285", "2620", "3174", "3513", "3881"]);
    const pairs = doc.querySelectorAll("[data-pair]");
    expect(pairs.length).toBeGreaterThan(100);
    for (const p of pairs) {
      const en = p.querySelector('[lang="en"]')!;
      expect(en.hasAttribute("data-missing")).toBe(true);
      expect(p.querySelector('[lang="zh-CN"]')!.hasAttribute("data-missing")).toBe(false);
    }
    expect(doc.querySelectorAll(".toc li")).toHaveLength(10);
  });

  it("SEEDS_DIR builds another folder instead", async () => {
    const dir = mkdtempSync(join(tmpdir(), "other-seeds-"));
    writeFileSync(join(dir, "only-one.md"), "---\ntitle: Only one\ndate: 2024-01-01\n---\nHello there.\n\n你好。\n");
    const other = await buildInto(dir);
    expect(readdirSync(join(other, "t"))).toEqual(["only-one"]);
    expect(page(other, "t/only-one").querySelector("#p-1 [lang=zh-CN]")?.textContent.trim()).toBe("你好。");
  }, 120_000);
});
