// Browsing and publishing (issue 6): pages per tag, speaker, person and
// company; drafts; feed and sitemap; byte-identical rebuilds.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "node-html-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { termSlug, termKey } from "../../src/site/taxonomy.ts";
import { buildInto } from "../support/build.ts";
import { ROOT } from "../support/fixtures.ts";

const BROWSE = join(ROOT, "tests/fixtures/browse");
const withSearch = { NO_SEARCH_INDEX: "0" };

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => statSync(join(dir, f)).isFile())
    .sort();
}

const read = (site: string, path: string) => readFileSync(join(site, path), "utf8");
const listed = (site: string, path: string) =>
  parse(read(site, join(path, "index.html"))).querySelectorAll(".card-title a").map((a) => a.getAttribute("href"));

/** All text the search page can show: the passages of every shard of the index. */
function searchText(site: string): string {
  const root = join(site, "pagefind");
  return files(root)
    .filter((f) => /\/passages\//.test(f))
    .map((f) => gunzipSync(readFileSync(join(root, f))).toString("utf8"))
    .join("\n");
}

describe("browse pages", () => {
  let site = "";
  beforeAll(async () => {
    site = await buildInto(BROWSE, withSearch);
  }, 120_000);

  it("one page per tag, speaker, person and company, names normalised", () => {
    expect(listed(site, `tags/${termSlug("robotics")}`)).toEqual(["/t/b-second/", "/t/a-first/"]);
    expect(listed(site, `tags/${termSlug("ai")}`)).toEqual(["/t/b-second/", "/t/a-first/"]);
    expect(listed(site, `speakers/${termSlug("example pod")}`)).toEqual(["/t/b-second/", "/t/a-first/"]);
    // "Jensen Huang", "jensen  huang" and "Jensen Huang（黄仁勋）" are one person.
    expect(listed(site, `people/${termSlug(termKey("Jensen Huang"))}`)).toEqual(["/t/c-draft/", "/t/b-second/", "/t/a-first/"]);
    expect(listed(site, `companies/${termSlug("nvidia")}`)).toEqual(["/t/b-second/", "/t/a-first/"]);
    const tags = parse(read(site, "tags/index.html")).querySelectorAll(".term-cloud a").map((a) => a.textContent);
    expect(tags).toHaveLength(3);
  });

  it("drafts are built, shown with a draft mark", () => {
    expect(listed(site, "")).toEqual(["/t/c-draft/", "/t/b-second/", "/t/a-first/"]);
    const index = parse(read(site, "index.html"));
    expect(index.querySelectorAll(".draft-mark")).toHaveLength(1);
    expect(searchText(site)).toContain("unmarked-draft-text");
  });

  it("an Atom feed, a sitemap, robots.txt, a 404 page, .nojekyll", () => {
    const feed = read(site, "feed.xml");
    expect(feed.match(/<entry>/g)).toHaveLength(3);
    expect(feed).toContain("<link href=\"/t/b-second/\"/>");
    const sitemap = read(site, "sitemap.xml");
    expect(sitemap).toContain("<loc>/t/a-first/</loc>");
    expect(sitemap).toContain(`<loc>/tags/${termSlug("robotics")}/</loc>`);
    expect(read(site, "robots.txt")).toContain("Sitemap: /sitemap.xml");
    expect(read(site, "404.html")).toContain("Page not found");
    expect(existsSync(join(site, ".nojekyll"))).toBe(true);
  });

  it("the index offers filters by tag, speaker and year with counts", () => {
    const form = parse(read(site, "index.html")).querySelector("form#filters")!;
    const options = (name: string) => form.querySelectorAll(`select[name=${name}] option`).map((o) => o.textContent.trim());
    expect(options("year")).toEqual(["全部 · all", "2025 (1)", "2024 (1)", "2023 (1)"]);
    expect(options("speaker")).toContain("Example Pod (2)");
    expect(options("tag")).toContain("Robotics (2)");
  });

  it("two builds of the same input are byte-identical", async () => {
    const again = await buildInto(BROWSE, withSearch);
    const digest = (dir: string) => files(dir).map((f) => `${f} ${createHash("sha256").update(readFileSync(join(dir, f))).digest("hex")}`);
    expect(digest(again)).toEqual(digest(site));
  }, 120_000);
});

describe("EXCLUDE_DRAFTS=1", () => {
  it("leaves drafts out of pages, lists, feed, sitemap and search", async () => {
    const site = await buildInto(BROWSE, { ...withSearch, EXCLUDE_DRAFTS: "1" });
    expect(existsSync(join(site, "t/c-draft"))).toBe(false);
    for (const f of files(site).filter((f) => !f.startsWith("pagefind/"))) {
      expect(read(site, f), relative(site, join(site, f))).not.toContain("secret-draft-marker");
    }
    expect(searchText(site)).not.toContain("unmarked-draft-text");
    expect(searchText(site)).toContain("Scaling laws hold");
    expect(listed(site, `people/${termSlug(termKey("Jensen Huang"))}`)).toEqual(["/t/b-second/", "/t/a-first/"]);
    expect(existsSync(join(site, `tags/${termSlug("energy")}`))).toBe(false);
  }, 120_000);
});
