// Step 3 of the index: Pagefind 1.5 writes its filter files with values in hash-map order, so
// two builds of the same site differ there (and in the names that follow from them: the filter
// file names, the language's .pf_meta and pagefind-entry.json; upstream issue #638). This puts
// each filter file in a canonical order and renames what depends on it by content, so that the
// same input gives a byte-identical search bundle and a deploy changes only what changed.
import { createHash } from "node:crypto";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Cbor } from "./cbor.ts";
import { ENTRY_FILE, pack, readEntry, unpack } from "./pagefind-files.ts";

const digest = (bytes: Uint8Array, length: number) => createHash("sha256").update(bytes).digest("hex").slice(0, length);
const byFirst = (a: Cbor, b: Cbor) => String((a as Cbor[])[0]).localeCompare(String((b as Cbor[])[0]));

/**
 * Pagefind's writeFiles() can answer before its last files are on disk (seen under load: an
 * empty pagefind-entry.json). Wait until the entry, every language's metadata and every filter
 * file read back whole (tried again every 100 ms, up to 100 times).
 */
async function waitForBundle(bundle: string): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      for (const language of Object.values(readEntry(bundle).languages)) {
        const fields = unpack(join(bundle, `pagefind.${language.hash}.pf_meta`)).value as Cbor[];
        for (const filter of fields[3] as Cbor[][]) unpack(join(bundle, "filter", `${String(filter[1])}.pf_filter`));
      }
      return;
    } catch (err) {
      if (i >= 100) throw err;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** Canonicalises the filter files of a Pagefind bundle in place (once it is whole on disk); returns how many were rewritten. */
export async function canonicaliseFilters(bundle: string): Promise<number> {
  await waitForBundle(bundle);
  const entry = readEntry(bundle);
  let rewritten = 0;
  for (const language of Object.values(entry.languages)) {
    const metaPath = join(bundle, `pagefind.${language.hash}.pf_meta`);
    const meta = unpack(metaPath);
    const fields = meta.value as Cbor[];
    // [version, pages, index chunks, filters [[name, hash]], sorts, meta fields]
    const filters = fields[3] as Cbor[][];
    for (const filter of filters) {
      const oldHash = String(filter[1]);
      const prefix = oldHash.slice(0, oldHash.lastIndexOf("_") + 1);
      const file = unpack(join(bundle, "filter", `${oldHash}.pf_filter`));
      const [name, values] = file.value as [Cbor, Cbor[]];
      const packed = pack(file.header, [name, [...values].sort(byFirst)]);
      const newHash = `${prefix}${digest(packed, oldHash.length - prefix.length)}`;
      writeFileSync(join(bundle, "filter", `${newHash}.pf_filter`), packed);
      if (newHash !== oldHash) rmSync(join(bundle, "filter", `${oldHash}.pf_filter`));
      filter[1] = newHash;
      rewritten++;
    }
    filters.sort(byFirst);
    const packedMeta = pack(meta.header, fields);
    const prefix = language.hash.slice(0, language.hash.lastIndexOf("_") + 1);
    const newMetaHash = `${prefix}${digest(packedMeta, language.hash.length - prefix.length)}`;
    writeFileSync(join(bundle, `pagefind.${newMetaHash}.pf_meta`), packedMeta);
    if (newMetaHash !== language.hash) rmSync(metaPath);
    language.hash = newMetaHash;
  }
  // Languages in a fixed order too (Pagefind writes them in map order).
  entry.languages = Object.fromEntries(Object.entries(entry.languages).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(join(bundle, ENTRY_FILE), JSON.stringify(entry));
  return rewritten;
}
