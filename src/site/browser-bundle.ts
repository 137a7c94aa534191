// The browser code (src/browser/, TypeScript) bundled for the site's assets/ folder with
// esbuild, once per build. Each entry keeps the file name the templates load: theme.js runs in
// <head> before the first paint and reader.js / archive.js / quotes.js are deferred, all classic scripts;
// deeplink.js and search.js are modules (they find the site base from import.meta.url, and
// deeplink.js imports search.js only when the header box is first used, and search.js imports
// search-script.js, the 繁體 → 简体 converter, only for a query with a Chinese character).
import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

const BROWSER = fileURLToPath(new URL("../browser/", import.meta.url));

/** The entries, by the asset they become, and how each is loaded. */
const BROWSER_ENTRIES = {
  theme: "iife",
  reader: "iife",
  archive: "iife",
  quotes: "iife",
  deeplink: "esm",
  search: "esm",
  "search-script": "esm",
} as const satisfies Record<string, BuildOptions["format"]>;

/** The folder of the browser code, for watching under `npm start`. */
export const BROWSER_SOURCE = BROWSER;

/** Writes `<assetsDir>/<entry>.js` for every entry. Deterministic: the same sources give the same bytes. */
export async function bundleBrowserCode(assetsDir: string): Promise<void> {
  const common: BuildOptions = {
    bundle: true,
    minify: true,
    target: "es2022",
    charset: "utf8",
    legalComments: "none",
    logLevel: "silent",
    outdir: assetsDir,
  };
  const byFormat = new Map<BuildOptions["format"], string[]>();
  for (const [name, format] of Object.entries(BROWSER_ENTRIES)) byFormat.set(format, [...(byFormat.get(format) ?? []), `${BROWSER}${name}.ts`]);
  await Promise.all([...byFormat].map(([format, entryPoints]) => build({ ...common, format, entryPoints })));
}
