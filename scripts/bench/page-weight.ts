// Page weight of a built transcript page (issue 4, point 10):
//   - its HTML, gzip-compressed, against its source file, gzip-compressed (target ≤ 1.2×);
//   - the CSS and JS the page loads up front (stylesheets and scripts in its HTML),
//     gzip-compressed, in total (target < 20 KB). Code loaded later on demand (search)
//     is not counted: it is not on the page until used.
// `tsx scripts/page-weight.ts [siteDir] [--slug <slug>]` prints the numbers and exits 1
// when a target is missed. Build first (`npm run build`). The benchmark can import
// `measurePageWeight`. Gzip at zlib's default level (6), as most web servers use.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import { loadArchive } from "../../src/ingest/load.ts";
import { buildSettings } from "../../src/site/settings.ts";

/** The long seed: the page the targets are about. */
export const LONG_SEED_SLUG = "000-3b6afdfa3ea1ef5a";
export const HTML_RATIO_TARGET = 1.2;
export const ASSETS_GZIP_TARGET = 20 * 1024;

export interface Sized {
  bytes: number;
  gzip: number;
}

export interface Asset extends Sized {
  /** As written in the page, e.g. `/assets/site.css`. */
  url: string;
  kind: "css" | "js";
}

export interface PageWeight {
  slug: string;
  /** The built page, relative to the site folder. */
  page: string;
  /** The transcript's source file. */
  source: string;
  html: Sized;
  sourceFile: Sized;
  /** html.gzip / sourceFile.gzip */
  ratio: number;
  assets: Asset[];
  assetsGzip: number;
  /** Stylesheets or scripts the page loads from another origin (there should be none). */
  external: string[];
  ok: { ratio: boolean; assets: boolean };
}

function sized(buf: Buffer): Sized {
  return { bytes: buf.length, gzip: gzipSync(buf).length };
}

/** Stylesheet and script URLs in a page, in order. */
export function pageAssets(html: string): { url: string; kind: "css" | "js" }[] {
  const out: { url: string; kind: "css" | "js" }[] = [];
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  for (const m of html.matchAll(/<(link|script)\b[^>]*>/gi)) {
    const tag = m[0];
    if (m[1].toLowerCase() === "link") {
      const rel = attr(tag, "rel");
      const href = attr(tag, "href");
      if (rel && /\bstylesheet\b/i.test(rel[1] ?? rel[2] ?? rel[3]) && href) out.push({ url: href[1] ?? href[2] ?? href[3], kind: "css" });
    } else {
      const src = attr(tag, "src");
      if (src) out.push({ url: src[1] ?? src[2] ?? src[3], kind: "js" });
    }
  }
  return out;
}

/** The file behind a root-relative URL, under an optional path prefix. */
function assetFile(siteDir: string, url: string, pathPrefix: string): string | undefined {
  let path = decodeURIComponent(url.split(/[?#]/)[0]);
  if (pathPrefix !== "/" && path.startsWith(pathPrefix)) path = "/" + path.slice(pathPrefix.length);
  const file = resolve(siteDir, "." + path);
  return existsSync(file) ? file : undefined;
}

function sourceOf(seedsDir: string, slug: string): string {
  const direct = readdirSync(seedsDir).find((f) => f.replace(/\.[^.]+$/, "") === slug);
  if (direct) return join(seedsDir, direct);
  const t = loadArchive(seedsDir).transcripts.find((x) => x.slug === slug);
  if (!t) throw new Error(`no transcript with slug ${slug} in ${seedsDir}`);
  return join(seedsDir, t.file);
}

export function measurePageWeight(opts: { siteDir: string; seedsDir: string; slug?: string; pathPrefix?: string }): PageWeight {
  const slug = opts.slug ?? LONG_SEED_SLUG;
  const pagePath = join(opts.siteDir, "t", slug, "index.html");
  if (!existsSync(pagePath)) throw new Error(`${pagePath} not found: build the site first (npm run build)`);
  const htmlBuf = readFileSync(pagePath);
  const source = sourceOf(opts.seedsDir, slug);
  const html = sized(htmlBuf);
  const sourceFile = sized(readFileSync(source));
  const assets: Asset[] = [];
  const external: string[] = [];
  for (const { url, kind } of pageAssets(htmlBuf.toString("utf8"))) {
    if (/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url)) {
      external.push(url);
      continue;
    }
    const file = assetFile(opts.siteDir, url, opts.pathPrefix ?? "/");
    if (!file) throw new Error(`${url} (loaded by ${pagePath}) is not in ${opts.siteDir}`);
    assets.push({ url, kind, ...sized(readFileSync(file)) });
  }
  const ratio = html.gzip / sourceFile.gzip;
  const assetsGzip = assets.reduce((n, a) => n + a.gzip, 0);
  return {
    slug,
    page: relative(opts.siteDir, pagePath),
    source,
    html,
    sourceFile,
    ratio,
    assets,
    assetsGzip,
    external,
    ok: { ratio: ratio <= HTML_RATIO_TARGET, assets: assetsGzip < ASSETS_GZIP_TARGET && external.length === 0 },
  };
}

export function formatPageWeight(w: PageWeight): string[] {
  const n = (x: number) => x.toLocaleString("en-US");
  const mark = (ok: boolean) => (ok ? "ok" : "OVER TARGET");
  return [
    `page weight of ${w.page} (source ${relative(process.cwd(), w.source) || w.source}), gzip level 6`,
    `  HTML     ${n(w.html.bytes)} B -> ${n(w.html.gzip)} B gzip`,
    `  source   ${n(w.sourceFile.bytes)} B -> ${n(w.sourceFile.gzip)} B gzip`,
    `  ratio    ${w.ratio.toFixed(3)} (target <= ${HTML_RATIO_TARGET})  ${mark(w.ok.ratio)}`,
    `  CSS+JS   ${w.assets.length} files, ${n(w.assets.reduce((s, a) => s + a.bytes, 0))} B -> ${n(w.assetsGzip)} B gzip (target < ${n(ASSETS_GZIP_TARGET)} B)  ${mark(w.ok.assets)}`,
    ...w.assets.map((a) => `    ${a.url.padEnd(28)} ${n(a.bytes).padStart(8)} B -> ${n(a.gzip).padStart(7)} B gzip`),
    ...w.external.map((u) => `    from another origin (not allowed): ${u}`),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const slugAt = args.indexOf("--slug");
  const slug = slugAt >= 0 ? args.splice(slugAt, 2)[1] : undefined;
  const settings = buildSettings();
  try {
    const w = measurePageWeight({ siteDir: resolve(args[0] ?? settings.siteDir), seedsDir: settings.seedsDir, slug, pathPrefix: settings.pathPrefix });
    for (const line of formatPageWeight(w)) console.log(line);
    process.exit(w.ok.ratio && w.ok.assets ? 0 : 1);
  } catch (err) {
    console.error(`page-weight: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
}
