// Builds a folder of sources into a temporary site, for tests that read the
// rendered pages (the same build the browser tests use; search index off unless asked).
import { buildSiteOrThrow } from "../e2e/support/site.ts";

export async function buildInto(seedsDir: string, env: Record<string, string> = {}): Promise<string> {
  const { siteDir } = await buildSiteOrThrow({ seedsDir, extraEnv: { NO_SEARCH_INDEX: "1", ...env } });
  return siteDir;
}
