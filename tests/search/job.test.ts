// The search index job (src/search/job.ts): worker threads write the record pages, the
// Pagefind CLI indexes them. Here the `npm start` mode, which keeps record pages between runs and,
// after its first full run, indexes only the transcripts changed since into a second bundle named
// by a manifest (what the search page then searches: the full bundle less the records the manifest
// hides, plus the second bundle).
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { loadArchive } from "../../src/ingest/load.ts";
import { BUNDLE_MAP, type BundleMap } from "../../src/search/bundle-map.ts";
import { indexTranscripts, SearchIndexer, searchItem, SHARDS_MANIFEST, type ShardsManifest } from "../../src/search/job.ts";
import { DELTA_MANIFEST, type DeltaManifest } from "../../src/search/manifest.ts";
import { parsePassage, type Passage } from "../../src/search/passages.ts";
import { PASSAGES } from "../../src/search/record-pages.ts";

const fixtures = fileURLToPath(new URL("../fixtures/encodings", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "search-job-"));
const indexers: SearchIndexer[] = [];

afterAll(async () => {
  await Promise.all(indexers.map((i) => i.close()));
  rmSync(work, { recursive: true, force: true });
});

interface Page {
  slug: string;
  /** The transcript's text as its passages give it, each pair once. */
  content: string;
}

/** Every page of a bundle as the search page reads it: its slug from `transcripts.json`, its text from its passages. */
function pages(bundle: string): Page[] {
  const map = JSON.parse(readFileSync(join(bundle, BUNDLE_MAP), "utf8")) as BundleMap;
  return Object.values(map.pages).map(([slug]) => {
    const dir = join(bundle, PASSAGES, slug);
    const seen = new Set<string>();
    const texts: string[] = [];
    for (const name of readdirSync(dir).sort((a, b) => parseInt(a) - parseInt(b))) {
      const passage = JSON.parse(gunzipSync(readFileSync(join(dir, name))).toString("utf8")) as Passage;
      for (const pair of parsePassage(passage.content, passage.pairs, passage.start)) {
        if (seen.has(pair.id)) continue;
        seen.add(pair.id);
        texts.push(pair.en.map((t) => t.tok).join(" "), pair.zh.map((t) => t.tok).join(""));
      }
    }
    return { slug, content: texts.join(" ") };
  });
}

/** The shards' bundles of a site, newest first, as `pagefind/shards.json` lists them. */
function shardBundles(site: string): string[] {
  const manifest = JSON.parse(readFileSync(join(site, "pagefind", SHARDS_MANIFEST), "utf8")) as ShardsManifest;
  return manifest.shards.map((s) => join(site, "pagefind", s.id));
}

/** Every shard's map, as one text (to tell whether the shards were made again). */
const shardMaps = (site: string) => shardBundles(site).map((b) => readFileSync(join(b, BUNDLE_MAP), "utf8")).join("\n");

function manifestOf(site: string): DeltaManifest | undefined {
  const path = join(site, DELTA_MANIFEST);
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as DeltaManifest) : undefined;
}

/** What a search finds, as the search page puts the two bundles together. */
function searchableText(site: string): string {
  const manifest = manifestOf(site) ?? { bundle: null, stale: [] };
  const hidden = new Set(manifest.stale);
  const texts = shardBundles(site)
    .flatMap(pages)
    .filter((p) => !hidden.has(p.slug))
    .map((p) => p.content);
  if (manifest.bundle) texts.push(...pages(join(site, manifest.bundle)).map((p) => p.content));
  return texts.join("\n");
}

/** A seeds folder with two fixtures and a site folder beside it. */
function archive(name: string) {
  const seeds = join(work, name, "seeds");
  const site = join(work, name, "site");
  mkdirSync(seeds, { recursive: true });
  for (const file of ["paragraph-pairs.md", "line-pairs.md"]) copyFileSync(join(fixtures, file), join(seeds, file));
  const items = () => loadArchive(seeds).transcripts.map(searchItem);
  return { seeds, site, job: () => ({ siteDir: site, seedsDir: seeds, items: items() }) };
}

describe("SearchIndexer under npm start (record pages kept, edits in a second bundle)", () => {
  it("indexes all at first, then only what changed; a removed transcript is hidden and comes back with its file", async () => {
    const indexer = new SearchIndexer(true);
    indexers.push(indexer);
    const { seeds, site, job } = archive("delta");
    const first = await indexer.run(job());
    expect(first.transcripts).toBe(2);
    expect(first.records).toBeGreaterThanOrEqual(2);
    expect(first.delta).toBeUndefined();
    expect(manifestOf(site)).toEqual({ bundle: null, stale: [] });
    const fullBundle = shardMaps(site);
    for (const bundle of shardBundles(site)) expect(existsSync(join(bundle, "fragment")), "Pagefind's fragments are removed").toBe(false);
    expect(searchableText(site)).toContain("roadmap");

    appendFileSync(join(seeds, "line-pairs.md"), "\nThe quokkazanzibar remark came later.\n\n这段关于quokkazanzibar的话是后来加的。\n");
    const edited = await indexer.run(job());
    expect(edited.delta).toEqual({ transcripts: 1, hidden: 1 });
    const slug = manifestOf(site)!.stale[0]!;
    expect(slug).toMatch(/line-pairs/);
    expect(manifestOf(site)!.bundle).toMatch(/^pagefind-delta-\d+\/$/);
    // The full bundle was not made again; the second one holds the whole edited transcript.
    expect(shardMaps(site)).toBe(fullBundle);
    expect(pages(join(site, manifestOf(site)!.bundle!)).map((p) => p.slug)).toEqual([slug]);
    const text = searchableText(site);
    expect(text).toContain("quokkazanzibar");
    expect(text).toContain("let's begin");
    // Each of its pairs once: the full bundle's out-of-date copy is hidden.
    expect(text.split("let's begin").length - 1).toBe(1);

    // Moved out of the folder (renamed: same size and time stamp) …
    renameSync(join(seeds, "line-pairs.md"), join(work, "line-pairs.md"));
    const without = await indexer.run(job());
    expect(without.transcripts).toBe(1);
    expect(without.delta).toEqual({ transcripts: 0, hidden: 1 });
    expect(manifestOf(site)).toEqual({ bundle: null, stale: [slug] });
    expect(readdirSync(site).filter((n) => n.startsWith("pagefind-delta-"))).toEqual([]);
    expect(searchableText(site)).not.toContain("quokkazanzibar");
    expect(searchableText(site)).not.toContain("let's begin");

    // … and back: indexed again, although the reader's cache still knows the file.
    renameSync(join(work, "line-pairs.md"), join(seeds, "line-pairs.md"));
    const back = await indexer.run(job());
    expect(back.delta).toEqual({ transcripts: 1, hidden: 1 });
    expect(searchableText(site)).toContain("quokkazanzibar");
  });

  it("makes the full bundle again once more transcripts changed than the limit", async () => {
    const indexer = new SearchIndexer(true, { deltaLimit: () => 1 });
    indexers.push(indexer);
    const { seeds, site, job } = archive("limit");
    await indexer.run(job());
    appendFileSync(join(seeds, "line-pairs.md"), "\nThe wombatquasar remark came later.\n\n这段关于wombatquasar的话是后来加的。\n");
    expect((await indexer.run(job())).delta).toEqual({ transcripts: 1, hidden: 1 });
    expect(manifestOf(site)!.bundle).toMatch(/^pagefind-delta-\d+\/$/);

    appendFileSync(join(seeds, "paragraph-pairs.md"), "\nThe numbatpulsar remark came later.\n\n这段关于numbatpulsar的话是后来加的。\n");
    const full = await indexer.run(job());
    expect(full.delta).toBeUndefined();
    expect(manifestOf(site)).toEqual({ bundle: null, stale: [] });
    expect(readdirSync(site).filter((n) => n.startsWith("pagefind-delta-"))).toEqual([]);
    const text = shardBundles(site).flatMap(pages).map((p) => p.content).join("\n");
    expect(text).toContain("wombatquasar");
    expect(text).toContain("numbatpulsar");

    // Counting starts again from the new full bundle.
    appendFileSync(join(seeds, "line-pairs.md"), "\nThe dugongnebula remark came later.\n");
    expect((await indexer.run(job())).delta).toEqual({ transcripts: 1, hidden: 1 });
    expect(searchableText(site)).toContain("dugongnebula");
  });
});

describe("SearchIndexer in a build (shards, and the shard cache)", () => {
  /** Every file of a folder with its bytes, to tell whether a shard was made again. */
  const snapshot = (dir: string) => Object.fromEntries(readdirSync(dir, { recursive: true }).map(String).filter((f) => !f.endsWith("/") && existsSync(join(dir, f)) && !statSync(join(dir, f)).isDirectory()).sort().map((f) => [f, readFileSync(join(dir, f)).toString("base64")]));

  it("cuts the index into shards, lists them newest first, and makes again only the shard whose transcript changed", async () => {
    const { seeds, site, job } = archive("shards");
    copyFileSync(join(fixtures, "video-summary-en.md"), join(seeds, "video-summary-en.md"));
    const cacheDir = join(work, "shards", "cache");
    const run = (extra = {}) => new SearchIndexer(false).run({ ...job(), cacheDir, shardLimits: { count: 1, bytes: 1e9 }, ...extra });

    const first = await run();
    expect(first.shards).toBe(3);
    expect(first.shardsIndexed).toBe(3);
    const manifest = JSON.parse(readFileSync(join(site, "pagefind", SHARDS_MANIFEST), "utf8")) as ShardsManifest;
    expect(manifest.shards).toHaveLength(3);
    const dated = manifest.shards.filter((s) => s.to);
    expect(dated.map((s) => s.to)).toEqual(dated.map((s) => s.to).sort().reverse());
    for (const bundle of shardBundles(site)) {
      expect(existsSync(join(bundle, "pagefind.js"))).toBe(true);
      expect(readdirSync(bundle).filter((n) => /^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(n)), "Pagefind's own interfaces are left out").toEqual([]);
    }
    expect(searchableText(site)).toContain("roadmap");
    const before = Object.fromEntries(manifest.shards.map((s) => [s.id, snapshot(join(site, "pagefind", s.id))]));

    // Again, unchanged: every shard from the cache, byte for byte.
    rmSync(site, { recursive: true, force: true });
    const again = await run();
    expect(again.shardsIndexed).toBe(0);
    for (const s of manifest.shards) expect(snapshot(join(site, "pagefind", s.id))).toEqual(before[s.id]);

    // One transcript edited: its shard alone is made again.
    appendFileSync(join(seeds, "line-pairs.md"), "\nThe axolotlquasar remark came later.\n\n这段关于axolotlquasar的话是后来加的。\n");
    const edited = await run();
    expect(edited.shardsIndexed).toBe(1);
    expect(searchableText(site)).toContain("axolotlquasar");
    const changed = manifest.shards.filter((s) => JSON.stringify(snapshot(join(site, "pagefind", s.id))) !== JSON.stringify(before[s.id]));
    expect(changed).toHaveLength(1);
    // The cache keeps what this build used, and nothing else.
    expect(readdirSync(cacheDir)).toHaveLength(3);
  });
});

describe("the word index's chunks", () => {
  it("are small (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE reaches Pagefind): a query downloads less of its neighbours' postings", async () => {
    const seeds = fileURLToPath(new URL("../../seeds", import.meta.url));
    const site = mkdtempSync(join(work, "chunks-"));
    const transcripts = loadArchive(seeds).transcripts;
    const result = await indexTranscripts(site, transcripts);
    expect(result.shards).toBeGreaterThan(0);
    // One seed holds some 20,000 postings: Pagefind's default chunk size (20,000) makes one or two chunks of them.
    const chunks = readdirSync(join(site, "pagefind"), { recursive: true }).map(String).filter((f) => f.endsWith(".pf_index"));
    expect(chunks.length).toBeGreaterThanOrEqual(2 * result.shards + 4);
  });
});
