// The search index in shards: each shard is a Pagefind bundle of its own, made by its own
// Pagefind run, so that no run holds more than a shard's text (Pagefind's memory follows the
// text it indexes: about 27 MB per MB of transcript; docs/performance.md). The search page
// searches the newest shard first and merges older ones as the reader asks for more results or
// sets a filter (src/browser/search/pagefind.ts).
//
// The key is the date: a year is one shard while it fits; a year that does not is cut into runs
// of consecutive months (oldest first), and a month that alone does not fit is cut by a hash of
// the slugs. So a transcript added or edited changes the shards of its own year only, and
// usually one: its own (a new interview goes into the newest). Undated transcripts go last, cut
// by hash when they do not fit. Pure: values in, values out.
import type { Transcript } from "../model.ts";

/** A transcript's text size in bytes, both languages (what Pagefind's memory follows): what a shard is filled by. */
export function textBytes(t: Transcript): number {
  let n = 0;
  for (const s of t.sections) for (const p of s.pairs) n += Buffer.byteLength(p.en?.text ?? "") + Buffer.byteLength(p.zh?.text ?? "") + Buffer.byteLength(p.raw?.text ?? "");
  return n;
}

/** What the assignment needs of a transcript. */
export interface ShardItem {
  slug: string;
  /** ISO date `YYYY-MM-DD`, when known. */
  date?: string;
  /** Its text's size in bytes (what Pagefind's memory follows). */
  bytes: number;
}

export interface Shard {
  /** Stable, ASCII, unique: `y2025`, `y2025m01-04`, `y2025m07p1`, `undated`, `undatedp2`. The bundle's folder under `pagefind/`. */
  id: string;
  /** Its transcripts, sorted. */
  slugs: string[];
  /** The earliest and latest date of its transcripts (for the year filter); none for undated. */
  from?: string;
  to?: string;
}

export interface ShardLimits {
  /** At most this many transcripts in a shard. */
  count: number;
  /** At most this many bytes of text in a shard. */
  bytes: number;
}

/**
 * 40 MB of text (about 260 transcripts of the synthetic archive's 152 KB) keep one Pagefind run
 * near 1.1 GB, well under 2 GB; at most 300 transcripts, so that a shard of short ones stays small
 * to search. Measured: docs/performance.md, "Shards".
 */
export const DEFAULT_SHARD_LIMITS: ShardLimits = { count: 300, bytes: 40e6 };

/** The limits a build cuts its shards by: the default, with at most `shardSize` transcripts a shard when that is given (SEARCH_SHARD_SIZE). */
export const shardLimitsOf = (shardSize?: number): ShardLimits => (shardSize ? { ...DEFAULT_SHARD_LIMITS, count: shardSize } : DEFAULT_SHARD_LIMITS);

/** FNV-1a over a string: a stable hash for cutting a month (or the undated) into parts. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const fits = (items: readonly ShardItem[], limits: ShardLimits) => items.length <= limits.count && items.reduce((n, i) => n + i.bytes, 0) <= limits.bytes;

/** How many parts a group needs so that each fits (on average; a hash cut is checked again). */
const partsFor = (items: readonly ShardItem[], limits: ShardLimits) => Math.max(Math.ceil(items.length / limits.count), Math.ceil(items.reduce((n, i) => n + i.bytes, 0) / limits.bytes), 1);

function shard(id: string, items: readonly ShardItem[]): Shard {
  const dates = items.map((i) => i.date).filter((d): d is string => Boolean(d && /^\d{4}-\d{2}/.test(d))).sort();
  return { id, slugs: items.map((i) => i.slug).sort(), ...(dates.length ? { from: dates[0], to: dates[dates.length - 1] } : {}) };
}

/** A group that does not fit, cut by the hash of its slugs into as many parts as it needs (more if a cut is uneven). */
function byHash(prefix: string, items: readonly ShardItem[], limits: ShardLimits): Shard[] {
  for (let parts = partsFor(items, limits); ; parts++) {
    const cut: ShardItem[][] = Array.from({ length: parts }, () => []);
    for (const item of items) cut[hash(item.slug) % parts]!.push(item);
    if (cut.every((c) => fits(c, limits)) || parts >= items.length) return cut.filter((c) => c.length).map((c, i) => shard(`${prefix}p${i + 1}`, c));
  }
}

/** One year's transcripts: the whole year, or runs of consecutive months, or a month cut by hash. */
function yearShards(year: string, items: readonly ShardItem[], limits: ShardLimits): Shard[] {
  if (fits(items, limits)) return [shard(`y${year}`, items)];
  const months = new Map<string, ShardItem[]>();
  for (const item of items) {
    const m = item.date!.slice(5, 7);
    const list = months.get(m);
    if (list) list.push(item);
    else months.set(m, [item]);
  }
  const out: Shard[] = [];
  let run: { from: string; to: string; items: ShardItem[] } | undefined;
  const close = () => {
    if (run) out.push(shard(`y${year}m${run.from === run.to ? run.from : `${run.from}-${run.to}`}`, run.items));
    run = undefined;
  };
  for (const m of [...months.keys()].sort()) {
    const month = months.get(m)!;
    if (!fits(month, limits)) {
      close();
      out.push(...byHash(`y${year}m${m}`, month, limits));
      continue;
    }
    if (run && !fits([...run.items, ...month], limits)) close();
    run = run ? { ...run, to: m, items: [...run.items, ...month] } : { from: m, to: m, items: [...month] };
  }
  close();
  return out;
}

/** The shards of an archive, newest first (undated last). Every item is in exactly one. */
export function assignShards(items: readonly ShardItem[], limits: ShardLimits = DEFAULT_SHARD_LIMITS): Shard[] {
  const years = new Map<string, ShardItem[]>();
  const undated: ShardItem[] = [];
  for (const item of items) {
    const year = item.date && /^\d{4}-\d{2}/.test(item.date) ? item.date.slice(0, 4) : undefined;
    const list = year ? years.get(year) : undated;
    if (list) list.push(item);
    else years.set(year!, [item]);
  }
  const out: Shard[] = [];
  for (const year of [...years.keys()].sort().reverse()) out.push(...yearShards(year, years.get(year)!, limits).reverse());
  if (undated.length) out.push(...(fits(undated, limits) ? [shard("undated", undated)] : byHash("undated", undated, limits)));
  return out;
}
