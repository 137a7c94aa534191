// The search index job (scripts/search-job.ts): worker threads write the record pages, the
// Pagefind CLI indexes them. Here the `npm start` mode, which keeps record pages between runs:
// a changed transcript is re-indexed, a removed one leaves the index and comes back with its file.
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { loadArchive } from "../src/load.ts";
import { SearchIndexer } from "../scripts/search-job.ts";

const fixtures = fileURLToPath(new URL("./fixtures/encodings/", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "search-job-"));
const seeds = join(work, "seeds");
const site = join(work, "site");
const indexer = new SearchIndexer(true);

afterAll(async () => {
  await indexer.close();
  rmSync(work, { recursive: true, force: true });
});

/** Every fragment's text in the bundle (Pagefind's fragments are gzip'd JSON after a signature). */
function indexedText(): string {
  const dir = join(site, "pagefind", "fragment");
  return readdirSync(dir)
    .map((name) => {
      const raw = gunzipSync(readFileSync(join(dir, name))).toString("utf8");
      return (JSON.parse(raw.slice(raw.indexOf("{"))) as { content: string }).content;
    })
    .join("\n");
}

const items = () => loadArchive(seeds).transcripts.map((t) => ({ file: t.file, slug: t.slug }));

describe("SearchIndexer, keeping record pages between runs", () => {
  it("indexes, re-indexes a changed transcript, drops a removed one and takes it back", async () => {
    mkdirSync(seeds, { recursive: true });
    for (const name of ["paragraph-pairs.md", "line-pairs.md"]) copyFileSync(join(fixtures, name), join(seeds, name));
    const first = await indexer.run({ siteDir: site, seedsDir: seeds, items: items() });
    expect(first.transcripts).toBe(2);
    expect(first.records).toBeGreaterThanOrEqual(2);

    appendFileSync(join(seeds, "line-pairs.md"), "\nThe quokkazanzibar remark came later.\n\n这段关于quokkazanzibar的话是后来加的。\n");
    await indexer.run({ siteDir: site, seedsDir: seeds, items: items() });
    expect(indexedText()).toContain("quokkazanzibar");

    // Moved out of the folder (renamed: same size and time stamp) …
    renameSync(join(seeds, "line-pairs.md"), join(work, "line-pairs.md"));
    const without = await indexer.run({ siteDir: site, seedsDir: seeds, items: items() });
    expect(without.transcripts).toBe(1);
    expect(without.records).toBeLessThan(first.records);
    expect(indexedText()).not.toContain("quokkazanzibar");

    // … and back: indexed again, although the reader's cache still knows the file.
    renameSync(join(work, "line-pairs.md"), join(seeds, "line-pairs.md"));
    const back = await indexer.run({ siteDir: site, seedsDir: seeds, items: items() });
    expect(back.records).toBeGreaterThan(without.records);
    expect(indexedText()).toContain("quokkazanzibar");
  });
});
