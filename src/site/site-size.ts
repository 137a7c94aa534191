// The built site's size against GitHub Pages' limit: a published Pages site may be no larger
// than 1 GB, and a deployment over it may fail. The build says so before the push does.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const PAGES_SITE_LIMIT_BYTES = 1e9;

/** The bytes of every file under a folder (the site as it will be uploaded). */
export function folderBytes(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += folderBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** A warning when the site is larger than GitHub Pages publishes, else null. */
export function pagesLimitWarning(bytes: number, limit = PAGES_SITE_LIMIT_BYTES): string | null {
  if (bytes <= limit) return null;
  const gb = (n: number) => `${(n / 1e9).toFixed(2)} GB`;
  return `warning: the site is ${gb(bytes)}; GitHub Pages publishes sites of at most ${gb(limit)}, so its deployment may fail (publish it elsewhere, or split the archive)`;
}
