// While a query is typed: the pause before it runs, and the index chunks fetched meanwhile.
import { loadPagefind } from "./pagefind.ts";
import { prepareQuery, worthPreloading } from "./query.ts";
import { simplifierFor } from "./simplifier.ts";

/** The typing pause before a query runs. (60 ms was tried: 17 ms faster, and a filter test became flaky on a loaded machine.) */
export const DEBOUNCE_MS = 120;

/** Fetch the index chunks for a query being typed, before the pause ends. */
export function preload(raw: string): void {
  Promise.all([loadPagefind(), simplifierFor(raw)])
    .then(([bundle]) => {
      const q = prepareQuery(raw);
      if (worthPreloading(q)) return bundle.pf?.preload(q);
    })
    .catch(() => {});
}
