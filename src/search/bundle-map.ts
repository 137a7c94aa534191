// Step 4 of the index: the map the search page reads from a bundle, `transcripts.json`:
// Pagefind's page ids (which a result carries) → slugs, and the passage size. It is read from
// Pagefind's fragments, which then go: each holds its page's whole text (a whole transcript),
// and the search page shows matches from passages instead.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { constants, gunzipSync } from "node:zlib";
import { SIGNATURE } from "./pagefind-files.ts";

/**
 * The map the search page reads from a bundle: Pagefind's page ids → each page's slug and how
 * many word positions its interview fields take at its start (search/fields.ts), and the passage
 * size.
 */
export interface BundleMap {
  passageSize: number;
  pages: Record<string, [slug: string, fieldPositions: number]>;
}

export const BUNDLE_MAP = "transcripts.json";

const FRAGMENT_URL = new RegExp(`^${SIGNATURE}\\{"url":("(?:[^"\\\\]|\\\\.)*")`);

/**
 * Each fragment's page URL, by the page id a search result carries (the fragment's file name,
 * `en_1a2b3c4`). A fragment is `pagefind_dcd` + its JSON, gzip'd, and the URL comes first: only
 * the start of each file is inflated.
 */
function fragmentUrls(bundle: string): Map<string, string> {
  const dir = join(bundle, "fragment");
  const out = new Map<string, string>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith(".pf_fragment")) continue;
    const bytes = readFileSync(join(dir, name));
    let head = gunzipSync(bytes.subarray(0, 4096), { finishFlush: constants.Z_SYNC_FLUSH }).toString("utf8");
    if (!FRAGMENT_URL.test(head)) head = gunzipSync(bytes).toString("utf8");
    const url = FRAGMENT_URL.exec(head)?.[1];
    if (!url) throw new Error(`${join(dir, name)}: not a Pagefind fragment`);
    out.set(name.slice(0, -".pf_fragment".length), JSON.parse(url) as string);
  }
  return out;
}

/** Writes `transcripts.json` from Pagefind's fragments (each names its page's URL, `/t/<slug>/`), removes them, and returns the slugs it names. */
export function writeBundleMap(bundle: string, passageSize: number, fieldPositionsOf: (slug: string) => number): string[] {
  const pages: BundleMap["pages"] = {};
  const urls = fragmentUrls(bundle);
  for (const id of [...urls.keys()].sort()) {
    const slug = /^\/t\/([^/]+)\/$/.exec(urls.get(id)!)?.[1];
    if (!slug) throw new Error(`search index: Pagefind page ${id} has an unexpected URL, ${urls.get(id)}`);
    pages[id] = [slug, fieldPositionsOf(slug)];
  }
  rmSync(join(bundle, "fragment"), { recursive: true, force: true });
  const map: BundleMap = { passageSize, pages };
  writeFileSync(join(bundle, BUNDLE_MAP), JSON.stringify(map));
  return Object.values(pages).map(([slug]) => slug);
}
