// Pagefind's own data files: `pagefind_dcd` followed by CBOR, gzip'd (metadata, filters) or
// by JSON (fragments). Read and written here for the steps that rework a bundle after
// Pagefind wrote it (canonical-filters.ts, bundle-map.ts).
import { readFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { decodeCbor, encodeCbor, type Cbor } from "./cbor.ts";

export const SIGNATURE = "pagefind_dcd";

/** The bundle's entry file: each language's metadata file by hash. */
export interface PagefindEntry {
  languages: Record<string, { hash: string }>;
}

export const ENTRY_FILE = "pagefind-entry.json";

export function readEntry(bundle: string): PagefindEntry {
  return JSON.parse(readFileSync(`${bundle}/${ENTRY_FILE}`, "utf8")) as PagefindEntry;
}

export function unpack(file: string): { header: Buffer; value: Cbor } {
  const raw = gunzipSync(readFileSync(file));
  if (raw.subarray(0, SIGNATURE.length).toString() !== SIGNATURE) throw new Error(`${file}: not a Pagefind data file`);
  return { header: raw.subarray(0, SIGNATURE.length), value: decodeCbor(raw, SIGNATURE.length).value };
}

export function pack(header: Buffer, value: Cbor): Buffer {
  // A fixed gzip level and no name/mtime in the header: the same bytes every time.
  return gzipSync(Buffer.concat([header, encodeCbor(value)]), { level: 9 });
}
