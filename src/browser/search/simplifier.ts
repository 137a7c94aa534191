// The 繁體 → 简体 converter of the search form (src/search/search-form.ts), loaded once, for the
// first query with a Chinese character (assets/search-script.js, 21 KB gzip'd): an English query
// never needs it.
import { hasSimplifier, useSimplifier } from "../../search/search-form.ts";
import { HAS_HAN } from "./query.ts";
import { BASE } from "./site.ts";

let loading: Promise<void> | null = null;

/** Resolves when a query like `raw` can be put in search form: at once unless it has a Chinese character and the converter is not loaded yet. */
export function simplifierFor(raw: string): Promise<void> | null {
  if (hasSimplifier() || !HAS_HAN.test(raw)) return null;
  return loadSimplifier();
}

/**
 * Loads the converter once. The search page and the header box ask for it when they open (after
 * the index), so that a Chinese query does not wait for it and its bytes come with the search code.
 */
export function loadSimplifier(): Promise<void> {
  loading ??= (import(/* @vite-ignore */ new URL("assets/search-script.js", BASE).href) as Promise<typeof import("../search-script.ts")>)
    .then((m) => useSimplifier(m.openccSimplifier))
    .catch((err: unknown) => {
      loading = null;
      throw err;
    });
  return loading;
}
