// Vitest globalSetup for the `browser` project: check Chromium, build the site
// from seeds/ once into a temp dir, and provide its path to the tests
// (`inject("siteDir")`). The dir is removed afterwards unless KEEP_TEST_SITE=1.
import type {} from "vitest";
import type { TestProject } from "vitest/node";
import { requireChromium } from "./chromium.ts";
import { buildSiteOrThrow, removeSite } from "./site.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Absolute path of the site built from seeds/ (no path prefix). */
    siteDir: string;
    /** The Chromium executable the tests will launch. */
    chromiumPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const chromiumPath = requireChromium();
  project.provide("chromiumPath", chromiumPath);

  const started = Date.now();
  const { siteDir } = await buildSiteOrThrow();
  console.log(`[browser tests] built site from seeds/ into ${siteDir} in ${Date.now() - started} ms`);
  project.provide("siteDir", siteDir);

  return async () => {
    await removeSite(siteDir);
  };
}
