// Where the site is: its base (path prefix included) from this script's own URL,
// <base>assets/search.js.
export const BASE = new URL("../", import.meta.url);

/** Absolute URL of a site path (`/t/x/#p-3`) under the site base. */
export function siteUrl(path: string): string {
  return new URL(String(path).replace(/^\/+/, ""), BASE).href;
}
