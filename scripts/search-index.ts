// The Pagefind index over the rendered pages (`_site/pagefind/`).
// Run by the build after Eleventy; also runnable alone: `tsx scripts/search-index.ts [_site]`.
import * as pagefind from "pagefind";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

export async function buildSearchIndex(siteDir: string): Promise<{ pages: number }> {
  const { index, errors } = await pagefind.createIndex({});
  if (!index) throw new Error(`pagefind: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath: join(siteDir, "pagefind") });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages: added.page_count };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = resolve(process.argv[2] ?? "_site");
  buildSearchIndex(dir).then(({ pages }) => console.log(`search index: ${pages} pages in ${dir}/pagefind`));
}
