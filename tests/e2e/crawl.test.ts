// GitHub Pages under a sub-path: build with PATH_PREFIX=/archive/, serve under
// /archive/ on 127.0.0.1 and crawl every page, asset, feed entry, sitemap
// entry and search file. Zero broken links (fragments included).
import { readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "node-html-parser";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { serveStatic, type StaticServer } from "./support/server.ts";

const PREFIX = "/archive/";

describe(`site under ${PREFIX}`, () => {
  let siteDir = "";
  let server: StaticServer;
  const broken: string[] = [];
  const pages = new Map<string, Set<string>>(); // page path → ids on it

  beforeAll(async () => {
    // The seeds give every kind of page: transcripts, tags, speakers, people, companies, search.
    siteDir = inject("prefixedSiteDir");
    server = await serveStatic(siteDir, { prefix: PREFIX });
  }, 300_000);
  afterAll(async () => {
    await server?.close();
  });

  const get = async (path: string) => fetch(new URL(path, server.origin));

  it("every page reachable from the home page, and every link and asset on them, resolves", async () => {
    const queue = [PREFIX];
    const seen = new Set(queue);
    const fragments: { from: string; path: string; id: string }[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      const res = await get(path);
      if (res.status !== 200) {
        broken.push(`${res.status} ${path}`);
        continue;
      }
      if (!(res.headers.get("content-type") ?? "").includes("text/html")) continue;
      const doc = parse(await res.text());
      pages.set(path, new Set(doc.querySelectorAll("[id]").map((e) => e.id)));
      const refs = [...doc.querySelectorAll("a[href], link[href]").map((e) => e.getAttribute("href")!), ...doc.querySelectorAll("form[action]").map((e) => e.getAttribute("action")!), ...doc.querySelectorAll("script[src], img[src]").map((e) => e.getAttribute("src")!)];
      for (const ref of refs) {
        const url = new URL(ref, new URL(path, server.origin));
        if (url.origin !== server.origin) continue; // the video links and other sites: not ours to crawl
        if (!url.pathname.startsWith(PREFIX)) {
          broken.push(`outside the prefix: ${ref} on ${path}`);
          continue;
        }
        if (url.hash.length > 1) fragments.push({ from: path, path: url.pathname, id: decodeURIComponent(url.hash.slice(1)) });
        if (!seen.has(url.pathname)) {
          seen.add(url.pathname);
          queue.push(url.pathname);
        }
      }
    }
    for (const f of fragments) {
      const ids = pages.get(f.path);
      if (ids && !ids.has(f.id)) broken.push(`#${f.id} not on ${f.path} (linked from ${f.from})`);
    }
    expect(broken).toEqual([]);
    expect(pages.size).toBeGreaterThan(10);
    // Every HTML file of the build was reached by links.
    const htmlFiles = readdirSync(siteDir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".html") && f !== "404.html" && statSync(join(siteDir, f)).isFile())
      .map((f) => PREFIX + f.replace(/index\.html$/, ""));
    expect(htmlFiles.filter((p) => !pages.has(p))).toEqual([]);
  }, 300_000);

  it("feed entries, sitemap entries and robots.txt point at pages that exist", async () => {
    const feed = await (await get(`${PREFIX}feed.xml`)).text();
    const sitemap = await (await get(`${PREFIX}sitemap.xml`)).text();
    const robots = await (await get(`${PREFIX}robots.txt`)).text();
    const targets = [
      ...[...feed.matchAll(/<link href="([^"]+)"/g)].map((m) => m[1]),
      ...[...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]),
      /Sitemap: (\S+)/.exec(robots)![1],
    ];
    expect(targets.length).toBeGreaterThan(10);
    const bad: string[] = [];
    for (const t of targets) {
      if (!t.startsWith(PREFIX)) bad.push(`not under the prefix: ${t}`);
      else if ((await get(t)).status !== 200) bad.push(t);
    }
    expect(bad).toEqual([]);
  }, 120_000);

  it("every search file is served under the prefix", async () => {
    const bundle = join(siteDir, "pagefind");
    const files = readdirSync(bundle, { recursive: true }).map(String).filter((f) => statSync(join(bundle, f)).isFile());
    expect(files.length).toBeGreaterThan(5);
    const bad: string[] = [];
    for (const f of files) {
      const res = await get(`${PREFIX}pagefind/${relative(bundle, join(bundle, f))}`);
      if (res.status !== 200) bad.push(`${res.status} ${f}`);
    }
    expect(bad).toEqual([]);
    const shards = (await (await get(`${PREFIX}pagefind/shards.json`)).json()) as { shards: { id: string }[] };
    expect(shards.shards.length).toBeGreaterThan(0);
    for (const { id } of shards.shards) {
      const entry = (await (await get(`${PREFIX}pagefind/${id}/pagefind-entry.json`)).json()) as { languages: Record<string, { hash: string }> };
      for (const lang of Object.values(entry.languages)) expect((await get(`${PREFIX}pagefind/${id}/pagefind.${lang.hash}.pf_meta`)).status).toBe(200);
    }
  }, 120_000);

  it("the 404 page's links work from anywhere under the prefix", async () => {
    const res = await get(`${PREFIX}no/such/page/`);
    expect(res.status).toBe(404);
    const doc = parse(await res.text());
    const hrefs = doc.querySelectorAll("a[href]").map((a) => a.getAttribute("href")!).filter((h) => h.startsWith("/"));
    expect(hrefs.length).toBeGreaterThan(0);
    for (const h of hrefs) expect(h.startsWith(PREFIX), h).toBe(true);
  });
});
