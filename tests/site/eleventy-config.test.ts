// The Eleventy wiring (.eleventy.ts), checked against Eleventy's own data cascade: Eleventy
// deep-copies plain objects of global data into every page's data, so a plain `browse` (which
// holds every transcript's entry) was copied once per page, N × N entries: 1.5 GB at 1,000
// transcripts. It must reach every page as one shared object.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import configure from "../../.eleventy.ts";

// The merge Eleventy applies to global data for each template, from Eleventy's own dependency.
const fromEleventy = createRequire(createRequire(import.meta.url).resolve("@11ty/eleventy"));
const { Merge } = fromEleventy("@11ty/eleventy-utils") as { Merge: (target: object, ...sources: object[]) => Record<string, unknown> };

/** Runs the config function against a stand-in that records global data and ignores the rest. */
function globalData(): Map<string, () => unknown> {
  const data = new Map<string, () => unknown>();
  const stub: object = new Proxy(() => stub, {
    get: (_t, key) => (key === "addGlobalData" ? (name: string, value: () => unknown) => data.set(name, value) : stub),
    apply: () => stub,
  });
  (configure as (config: unknown) => unknown)(stub);
  return data;
}

describe(".eleventy.ts global data", () => {
  it("gives every page the same browse object, not a copy", () => {
    const browse = globalData().get("browse")!();
    expect(browse).toBeTypeOf("object");
    expect(Object.keys((browse as { bySlug: object }).bySlug).length).toBeGreaterThan(0);
    const pageA = Merge({}, { browse });
    const pageB = Merge({}, { browse });
    expect(pageA.browse).toBe(browse);
    expect(pageB.browse).toBe(browse);
  });
});
