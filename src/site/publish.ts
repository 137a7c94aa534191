// What gets published: every transcript, or all but drafts (`EXCLUDE_DRAFTS=1`),
// decided in one place for pages, lists, feed, sitemap and search.
import type { Transcript } from "../model.ts";

export interface PublishOptions {
  excludeDrafts: boolean;
}

export function publishedTranscripts<T extends Pick<Transcript, "meta">>(transcripts: readonly T[], options: PublishOptions): T[] {
  return options.excludeDrafts ? transcripts.filter((t) => !t.meta.draft) : [...transcripts];
}

/** An absolute URL when the site's origin is known, else a root-relative one (both with the path prefix). */
export function siteUrl(path: string, pathPrefix: string, origin?: string): string {
  const joined = `${pathPrefix.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
  return origin ? `${origin.replace(/\/+$/, "")}${joined}` : joined;
}
