// Build settings from the environment, in one place: SEEDS_DIR, SITE_DIR, PATH_PREFIX,
// NO_SEARCH_INDEX, ALLOW_ERRORS, EXCLUDE_DRAFTS, SITE_URL, SEARCH_CACHE_DIR, SEARCH_SHARD_SIZE,
// RENDER_BATCH_SIZE.
import { resolve } from "node:path";

export interface BuildSettings {
  seedsDir: string;
  siteDir: string;
  pathPrefix: string;
  searchIndex: boolean;
  /**
   * `ALLOW_ERRORS=1`: build even when the check finds errors (they are still
   * listed). For previews and for the tests that render hostile inputs; a
   * normal build stops on errors.
   */
  allowErrors?: boolean;
  /** `EXCLUDE_DRAFTS=1`: transcripts marked `draft: true` are left out of pages, lists, feed, sitemap and search. */
  excludeDrafts: boolean;
  /** `SITE_URL` (e.g. `https://user.github.io`): origin for absolute links in the feed, sitemap and Open Graph tags; else `url` in _data/site.json. */
  siteUrl?: string;
  /** `SEARCH_CACHE_DIR`: where finished search shards are kept between builds (default `.cache/search-shards`; `off` keeps none). */
  searchCacheDir: string | null;
  /** `SEARCH_SHARD_SIZE`: at most this many transcripts in a shard of the search index (default: src/search/shards.ts). */
  shardSize?: number;
  /** `RENDER_BATCH_SIZE`: at most this many transcript pages in one Eleventy run of a build (default: src/site/render-batch.ts). */
  renderBatchSize?: number;
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
    allowErrors: env.ALLOW_ERRORS === "1",
    excludeDrafts: env.EXCLUDE_DRAFTS === "1",
    siteUrl: env.SITE_URL?.trim().replace(/\/+$/, "") || undefined,
    searchCacheDir: env.SEARCH_CACHE_DIR === "off" ? null : resolve(env.SEARCH_CACHE_DIR || ".cache/search-shards"),
    shardSize: Number(env.SEARCH_SHARD_SIZE) > 0 ? Math.floor(Number(env.SEARCH_SHARD_SIZE)) : undefined,
    renderBatchSize: Number(env.RENDER_BATCH_SIZE) > 0 ? Math.floor(Number(env.RENDER_BATCH_SIZE)) : undefined,
  };
}
