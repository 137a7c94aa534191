// Vitest globalSetup for the `e2e` project: check Chromium, build the site from seeds/ once into
// a temp dir, and once more with a path prefix, and provide their paths to the tests
// (`inject("siteDir")`, `inject("prefixedSiteDir")`). They are removed afterwards unless
// KEEP_TEST_SITE=1.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { requireChromium } from "./chromium.ts";
import { buildSiteOrThrow, PREFIXED_AT, removeSite } from "./site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the site built from seeds/ (no path prefix). */
    siteDir: string;
    /** The same site built with PATH_PREFIX=/archive/. */
    prefixedSiteDir: string;
    /** The Chromium executable the tests will launch. */
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = requireChromium();
  project.provide("chromiumPath", chromiumPath);

  const started = Date.now();
  // Both at once: several test files read each (a build each was three builds of the same site).
  const [{ siteDir }, { siteDir: prefixedSiteDir }] = await Promise.all([buildSiteOrThrow(), buildSiteOrThrow({ pathPrefix: PREFIXED_AT })]);
  console.log(`[browser tests] built the site from seeds/ into ${siteDir}, and with PATH_PREFIX=${PREFIXED_AT} into ${prefixedSiteDir}, in ${Date.now() - started} ms`);
  project.provide("siteDir", siteDir);
  project.provide("prefixedSiteDir", prefixedSiteDir);

  return async () => {
    await removeSite(siteDir);
    await removeSite(prefixedSiteDir);
  };
}
