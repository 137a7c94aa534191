// Build settings from the environment, in one place: SEEDS_DIR, SITE_DIR,
// PATH_PREFIX, NO_SEARCH_INDEX.
import { resolve } from "node:path";

export interface BuildSettings {
  seedsDir: string;
  siteDir: string;
  pathPrefix: string;
  searchIndex: boolean;
}

export function normalisePrefix(prefix: string | undefined): string {
  const p = (prefix ?? "/").trim();
  if (!p || p === "/") return "/";
  return `/${p.replace(/^\/+|\/+$/g, "")}/`;
}

export function buildSettings(env: NodeJS.ProcessEnv = process.env): BuildSettings {
  return {
    seedsDir: resolve(env.SEEDS_DIR || "seeds"),
    siteDir: env.SITE_DIR || "_site",
    pathPrefix: normalisePrefix(env.PATH_PREFIX),
    searchIndex: env.NO_SEARCH_INDEX !== "1",
  };
}
