// Step 6 of the index, under `npm start` only: the manifest of the edits' bundle. After the
// first full run, edits are indexed alone into a second bundle (`pagefind-delta-N/`);
// `pagefind-delta.json` names it and the transcripts whose pages in the first bundle are out of
// date. The search page reads it before each search, searches both and hides those.
import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** What the search page reads under `npm start` (`<site>/pagefind-delta.json`). */
export interface DeltaManifest {
  /** The second bundle's folder under the site (`pagefind-delta-N/`), or null when no changed transcript has text. */
  bundle: string | null;
  /** Slugs whose records in the full bundle are out of date (changed, added or removed since it was made). */
  stale: string[];
}

export const DELTA_MANIFEST = "pagefind-delta.json";
const DELTA_FOLDER = /^pagefind-delta-\d+$/;

/** The folder name of the N-th second bundle. */
export const deltaFolder = (n: number) => `pagefind-delta-${n}`;

/** Written whole, then renamed: a search never reads half a manifest. */
export function writeManifest(siteDir: string, manifest: DeltaManifest): void {
  const path = join(siteDir, DELTA_MANIFEST);
  writeFileSync(`${path}.tmp`, JSON.stringify(manifest));
  renameSync(`${path}.tmp`, path);
}

/** A published site has no manifest. */
export function removeManifest(siteDir: string): void {
  rmSync(join(siteDir, DELTA_MANIFEST), { force: true });
}

/** Removes the second bundles (all but `keep`). */
export function removeDeltas(siteDir: string, keep?: string): void {
  if (!existsSync(siteDir)) return;
  for (const name of readdirSync(siteDir)) {
    if (name !== keep && DELTA_FOLDER.test(name)) rmSync(join(siteDir, name), { recursive: true, force: true });
  }
}
