// Search benchmark (not a test): a synthetic archive of 1,000 transcripts generated
// deterministically from the seeds (src/synthetic.ts), built into a site, indexed, and searched
// in headless Chromium. Reports the index build time, the files and bytes under pagefind/, and
// for a first and a following query the bytes transferred and the time until results show,
// against the targets of issue 3.
//
//   npx tsx scripts/bench/search.ts [--count 1000] [--work /tmp/bench-search] [--passage-size 1500,6000]
//                                   [--reuse] [--json out.json]
//   npx tsx scripts/bench/search.ts --site bench-out/site --seeds bench-out/seeds   (a site `npm run bench -- --keep` built)
//
// --reuse keeps an archive and site already in --work (same --count) and only re-indexes.
// --passage-size indexes (and measures) once per passage size; the last one stays in the site.
// The site is served like GitHub Pages serves it: text files gzip-compressed, Pagefind's own
// files (already compressed) as they are. Needs Chromium (see tests/browser/support/chromium.ts).
import { execFileSync } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import type { Page, Request } from "playwright-core";
import { loadArchive } from "../../src/ingest/load.ts";
import { iterateArchive, type SeedText } from "./synthetic.ts";
import { launchBrowser } from "../../tests/e2e/support/chromium.ts";
import { contentTypeFor } from "../../tests/e2e/support/server.ts";
import { indexTranscripts } from "../../src/search/job.ts";
import { bundleBrowserCode } from "../../src/site/browser-bundle.ts";

const TARGETS = { firstKB: 300, followingKB: 150, warmMs: 300 };

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    work: { type: "string", default: "/tmp/bench-search" },
    "passage-size": { type: "string", default: "" },
    reuse: { type: "boolean", default: false },
    site: { type: "string" },
    seeds: { type: "string" },
    json: { type: "string" },
  },
});
const count = Number(values.count);
const work = resolve(values.work!);
// --site and --seeds: measure a site already built, its index as its build made it (e.g. `npm run bench -- --keep`).
const given = Boolean(values.site && values.seeds);
const seedsOut = given ? resolve(values.seeds!) : join(work, "archive");
const siteDir = given ? resolve(values.site!) : join(work, "site");
const sizes = (values["passage-size"] || "").split(",").filter(Boolean).map(Number);
const root = resolve(import.meta.dirname, "../..");

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// 1. The archive and the site (without the index)

function generate(): void {
  const marker = join(work, `archive-${count}.done`);
  if (values.reuse && existsSync(marker)) return;
  rmSync(seedsOut, { recursive: true, force: true });
  mkdirSync(seedsOut, { recursive: true });
  const seedsDir = join(root, "seeds");
  const seedTexts: SeedText[] = readdirSync(seedsDir)
    .filter((n) => /\.(md|txt)$/i.test(n))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(seedsDir, name), "utf8") }));
  let bytes = 0;
  for (const item of iterateArchive({ count, seedTexts })) {
    writeFileSync(join(seedsOut, item.name), item.text);
    bytes += item.bytes;
  }
  writeFileSync(marker, "");
  console.log(`archive: ${count} transcripts, ${mb(bytes)} → ${seedsOut}`);
}

async function buildSite(): Promise<number> {
  const marker = join(work, `site-${count}.done`);
  if (values.reuse && existsSync(marker) && existsSync(siteDir)) {
    // The pages are reused, the search code is this checkout's (it reads the bundle made below).
    cpSync(join(root, "_includes", "assets"), join(siteDir, "assets"), { recursive: true });
    await bundleBrowserCode(join(siteDir, "assets"));
    return NaN;
  }
  const started = performance.now();
  execFileSync("npx", ["tsx", "scripts/build.ts"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, SEEDS_DIR: seedsOut, SITE_DIR: siteDir, NO_SEARCH_INDEX: "1", PATH_PREFIX: "/" },
  });
  writeFileSync(marker, "");
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------
// 2. The bundle on disk

interface Bundle {
  files: number;
  bytes: number;
  parts: Record<string, { files: number; bytes: number }>;
}

function bundleStats(dir: string): Bundle {
  const parts: Bundle["parts"] = {};
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const size = statSync(path).size;
    const rel = path.slice(dir.length + 1);
    const part = kindOf(`/${rel}`);
    parts[part] ??= { files: 0, bytes: 0 };
    parts[part].files++;
    parts[part].bytes += size;
    files++;
    bytes += size;
  }
  return { files, bytes, parts };
}

// ---------------------------------------------------------------------------------------------
// 3. Serving like GitHub Pages: gzip for text, the rest as is

const COMPRESSIBLE = /\.(html|js|mjs|css|json|xml|svg|txt)$/i;

async function serve(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = resolve(dir, "." + sep + path);
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    const headers: Record<string, string> = { "content-type": contentTypeFor(file), "cache-control": "no-store" };
    if (COMPRESSIBLE.test(extname(file)) && /gzip/.test(String(req.headers["accept-encoding"] ?? ""))) {
      const body = gzipSync(readFileSync(file));
      res.writeHead(200, { ...headers, "content-encoding": "gzip", "content-length": String(body.length) });
      res.end(body);
      return;
    }
    res.writeHead(200, { ...headers, "content-length": String(statSync(file).size) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// 4. Queries in Chromium

interface Traffic {
  requests: number;
  /** Transferred bytes by kind: script, wasm, metadata, page map, word index, passages, filters. */
  kinds: Record<string, number>;
  /** Bytes on the wire (bodies as transferred, gzip where served so). */
  transferred: number;
  /** The same bodies uncompressed. */
  decoded: number;
}

function kindOf(url: string): string {
  if (/\/passages\//.test(url)) return "passages";
  if (/\/transcripts\.json/.test(url)) return "page map";
  if (/\/shards\.json/.test(url)) return "shard list";
  if (/\/index\//.test(url)) return "word index";
  if (/\/filter\//.test(url)) return "filters";
  if (/\.pf_meta/.test(url)) return "metadata";
  if (/\/wasm\./.test(url)) return "wasm";
  if (/\/search-script\.js/.test(url)) return "繁體 converter";
  return "script";
}

function addTraffic(a: Traffic, b: Traffic): Traffic {
  const kinds = { ...a.kinds };
  for (const [k, v] of Object.entries(b.kinds)) kinds[k] = (kinds[k] ?? 0) + v;
  return { requests: a.requests + b.requests, transferred: a.transferred + b.transferred, decoded: a.decoded + b.decoded, kinds };
}

const kinds = (t: Traffic) =>
  Object.entries(t.kinds)
    .sort((x, y) => y[1] - x[1])
    .map(([k, v]) => `${k} ${kb(v)}`)
    .join(", ");

class Meter {
  private log: { url: string; wire: number; body: number }[] = [];
  private pending: Promise<void>[] = [];
  constructor(page: Page) {
    page.on("requestfinished", (req: Request) => {
      this.pending.push(
        (async () => {
          const s = await req.sizes().catch(() => null);
          const res = await req.response().catch(() => null);
          const body = res ? (await res.body().catch(() => Buffer.alloc(0))).length : 0;
          this.log.push({ url: req.url(), wire: s ? s.responseBodySize : 0, body });
        })().catch(() => {}),
      );
    });
  }
  async mark(): Promise<number> {
    await Promise.all(this.pending);
    return this.log.length;
  }
  async since(mark: number, filter: (url: string) => boolean = () => true): Promise<Traffic> {
    await Promise.all(this.pending);
    const items = this.log.slice(mark).filter((x) => filter(x.url));
    const kinds: Record<string, number> = {};
    for (const x of items) kinds[kindOf(x.url)] = (kinds[kindOf(x.url)] ?? 0) + x.wire;
    return {
      requests: items.length,
      kinds,
      transferred: items.reduce((a, x) => a + x.wire, 0),
      decoded: items.reduce((a, x) => a + x.body, 0),
    };
  }
}

/** Type a query; ms from its last keystroke to its results on screen (includes the 120 ms debounce). */
async function typeQuery(page: Page, query: string): Promise<{ ms: number; results: number }> {
  const before = Number((await page.getAttribute("[data-search-page]", "data-searched")) ?? 0);
  await page.fill("#search-q", "");
  await page.evaluate(() => {
    const w = window as unknown as { __lastKey: number };
    document.querySelector("#search-q")!.addEventListener("input", () => (w.__lastKey = performance.now()));
  });
  await page.type("#search-q", query);
  const handle = await page.waitForFunction(
    ({ q, before }) => {
      const root = document.querySelector<HTMLElement>("[data-search-page]")!;
      if (root.hasAttribute("aria-busy") || root.dataset.query !== q || Number(root.dataset.searched ?? 0) <= before) return null;
      const w = window as unknown as { __lastKey: number };
      return { ms: performance.now() - w.__lastKey, results: root.querySelectorAll(".search-results > li").length };
    },
    { q: query, before },
    { timeout: 120_000, polling: 5 },
  );
  return (await handle.jsonValue()) as { ms: number; results: number };
}

interface QueryRun {
  query: string;
  kind: string;
  ms: number;
  results: number;
  traffic: Traffic;
}

async function measure(url: string): Promise<{ pageLoad: Traffic; runs: QueryRun[]; header: { traffic: Traffic; ms: number }; all: { query: string; clicks: number; results: number; traffic: Traffic } }> {
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const meter = new Meter(page);
    const isSearch = (u: string) => /\/pagefind\/|\/assets\/search[.-]/.test(u);

    // Open the search page (it loads Pagefind's script, worker, wasm and metadata on its own).
    let m = await meter.mark();
    await page.goto(`${url}search/`);
    await page.waitForSelector("[data-search-page].is-ready");
    await page.waitForLoadState("networkidle");
    const pageLoad = await meter.since(m, isSearch);

    const runs: QueryRun[] = [];
    const plan: [string, string][] = [
      ["atomic bombs", "first (English)"],
      ["扩展定律", "following (Chinese)"],
      ["hyperscale company", "following (English)"],
      ["OpenAI 投资", "following (mixed)"],
      ["扩展定律", "warm (repeat)"],
      ["atomic bomb", "warm (refine)"],
    ];
    let first = true;
    for (const [query, kind] of plan) {
      m = await meter.mark();
      const r = await typeQuery(page, query);
      await page.waitForLoadState("networkidle");
      let traffic = await meter.since(m, isSearch);
      if (first) {
        traffic = addTraffic(pageLoad, traffic);
        first = false;
      }
      runs.push({ query, kind, ms: r.ms, results: r.results, traffic });
    }
    await context.close();

    // The header box on a transcript page: nothing until used, then everything for one query.
    const ctx2 = await browser.newContext();
    const p2 = await ctx2.newPage();
    const meter2 = new Meter(p2);
    const first2 = readdirSync(join(siteDir, "t"))[0];
    await p2.goto(`${url}t/${first2}/`);
    await p2.waitForLoadState("networkidle");
    const m2 = await meter2.mark();
    const t0 = Date.now();
    await p2.focus("#site-search-q");
    await p2.keyboard.type("scaling laws");
    await p2.waitForSelector(".site-search-panel:not([hidden]) .search-results li", { timeout: 120_000 });
    const ms = Date.now() - t0;
    await p2.waitForLoadState("networkidle");
    const header = { traffic: await meter2.since(m2, isSearch), ms };
    await ctx2.close();

    // Every result of a word of nearly every transcript, from a fresh page: the reader asks for
    // more until there is no more (older shards are read as they are asked for).
    const ctx3 = await browser.newContext();
    const p3 = await ctx3.newPage();
    const meter3 = new Meter(p3);
    const m3 = await meter3.mark();
    await p3.goto(`${url}search/`);
    await p3.waitForSelector("[data-search-page].is-ready");
    const common = "company";
    await typeQuery(p3, common);
    let clicks = 0;
    for (; clicks < 5000 && (await p3.locator("button.sr-show-more").count()); clicks++) {
      const before = await p3.locator(".search-results > li").count();
      await p3.click("button.sr-show-more");
      await p3.waitForFunction(
        (n) => !document.querySelector("[data-search-page][aria-busy]") && (document.querySelectorAll(".search-results > li").length > n || !document.querySelector("button.sr-show-more")),
        before,
        { timeout: 120_000 },
      );
    }
    await p3.waitForLoadState("networkidle");
    const all = { query: common, clicks, results: await p3.locator(".search-results > li").count(), traffic: await meter3.since(m3, isSearch) };
    await ctx3.close();
    return { pageLoad, runs, header, all };
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

mkdirSync(work, { recursive: true });
if (!given) generate();
const siteMs = given ? NaN : await buildSite();
const archive = loadArchive(seedsOut);
const pairs = archive.transcripts.reduce((n, t) => n + t.sections.reduce((m, s) => m + s.pairs.length, 0), 0);
console.log(`site: ${archive.transcripts.length} transcripts, ${pairs} rows${Number.isNaN(siteMs) ? " (reused)" : `, Eleventy build ${secs(siteMs)}`}`);

const report: unknown[] = [];
for (const passageSize of sizes.length ? sizes : [undefined]) {
  let indexed: Awaited<ReturnType<typeof indexTranscripts>> | undefined;
  if (!given) {
    rmSync(join(siteDir, "pagefind"), { recursive: true, force: true });
    indexed = await indexTranscripts(siteDir, archive.transcripts, { passageSize });
  }
  const bundle = bundleStats(join(siteDir, "pagefind"));
  const server = await serve(siteDir);
  let result;
  try {
    result = await measure(server.url);
  } finally {
    await server.close();
  }
  const label = passageSize ?? "default";
  console.log(`\n== passages of ${label} word positions ==`);
  if (indexed) console.log(`index: ${indexed.records} pages from ${indexed.transcripts} transcripts, ${indexed.shards} shards, in ${secs(indexed.ms)} (records ${secs(indexed.recordsMs)}, Pagefind ${secs(indexed.pagefindMs)})`);
  console.log(`bundle: ${bundle.files} files, ${mb(bundle.bytes)}`);
  for (const [part, s] of Object.entries(bundle.parts)) console.log(`  ${part.padEnd(12)} ${String(s.files).padStart(7)} files ${mb(s.bytes).padStart(9)}`);
  console.log(`search page opened: ${result.pageLoad.requests} requests, ${kb(result.pageLoad.transferred)} transferred (${kb(result.pageLoad.decoded)} uncompressed): ${kinds(result.pageLoad)}`);
  for (const r of result.runs) {
    const target = r.kind.startsWith("first") ? TARGETS.firstKB : TARGETS.followingKB;
    const ok = r.traffic.transferred <= target * 1024 ? "ok" : "OVER";
    const time = r.kind.startsWith("warm") ? ` (target ≤ ${TARGETS.warmMs} ms: ${r.ms <= TARGETS.warmMs ? "ok" : "OVER"})` : "";
    console.log(
      `${r.kind.padEnd(20)} “${r.query}”: ${r.results} shown, ${Math.round(r.ms)} ms after the last key${time}; ` +
        `${r.traffic.requests} requests, ${kb(r.traffic.transferred)} transferred (target ≤ ${target} KB: ${ok})`,
    );
    if (r.traffic.requests) console.log(`${"".padEnd(22)}${kinds(r.traffic)}`);
  }
  console.log(`header box on a transcript page, first use: ${result.header.traffic.requests} requests, ${kb(result.header.traffic.transferred)} (${kinds(result.header.traffic)}), results ${result.header.ms} ms after focus`);
  console.log(`every result of a common word, “${result.all.query}”: ${result.all.results} interviews shown after ${result.all.clicks} clicks on “Show more” / “Search older interviews”, ${kb(result.all.traffic.transferred)} transferred in all (${kinds(result.all.traffic)})`);
  report.push({ passageSize: label, indexed, bundle, ...result });
}
if (values.json) writeFileSync(values.json, JSON.stringify({ count, pairs, siteMs, report }, null, 2));
