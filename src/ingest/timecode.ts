// Time codes as written in transcripts: `8:18`, `1:04:41`, `00:00-08:18`,
// `(0:00 - 8:18)`, `(1:15:00 - End)`.
import type { TimeRange } from "../model.ts";

const CLOCK = String.raw`\d{1,2}(?::\d{1,2}){1,2}`;
const DASH = String.raw`\s*(?:-|–|—|~|～|至|to)\s*`;
const RANGE = new RegExp(String.raw`^(${CLOCK})(?:${DASH}(${CLOCK}|end|End|END|结束))?$`);
/** A range as text, capturing nothing: `0:00 - 8:18`, `1:15:00 - End`, `8:18`. */
const RANGE_TEXT = String.raw`${CLOCK}(?:${DASH}(?:${CLOCK}|end|End|END|结束))?`;
/** A heading that starts with a parenthesised range: `(0:00 - 8:18) 标题`. */
const HEADING_RANGE = new RegExp(String.raw`^[(（\[]\s*(${RANGE_TEXT})\s*[)）\]]\s*(.*)$`);
/** A line that is only a time range: `**(1:20 - 2:40)**`. */
const SEGMENT = new RegExp(String.raw`^(\*\*|__)?\s*([(（\[])?\s*(${RANGE_TEXT})\s*([)）\]])?\s*(\*\*|__)?$`);
/** A chunk marker of the translation process: `(15:00 - 30:00) Part 2`. */
const CHUNK_MARKER = /^(?:part|第)\s*\d+\s*(?:部分)?$/i;

export function parseClock(text: string): number | undefined {
  const parts = text.trim().split(":").map((p) => Number(p));
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !Number.isInteger(p) || p < 0)) return undefined;
  if (parts.slice(1).some((p) => p >= 60)) return undefined;
  return parts.reduce((total, p) => total * 60 + p, 0);
}

export function parseRange(text: string): TimeRange | undefined {
  const m = RANGE.exec(text.trim());
  if (!m) return undefined;
  const start = parseClock(m[1]);
  if (start === undefined) return undefined;
  const end = m[2] && /^\d/.test(m[2]) ? parseClock(m[2]) : undefined;
  return { start, end, label: text.trim().replace(/\s*(-|–|—|~|～|至)\s*/, " – ") };
}

/** Splits `(0:00 - 8:18) 标题` into its range and title. */
export function splitHeadingTime(heading: string): { time?: TimeRange; title: string } {
  const m = HEADING_RANGE.exec(heading.trim());
  if (!m) return { title: heading.trim() };
  const time = parseRange(m[1]);
  return time ? { time, title: m[2].trim() } : { title: heading.trim() };
}

/**
 * A segment time: a line that is only a time range, bold or in brackets or both
 * (`**(1:20 - 2:40)**`, `**(1:04:00 - End)**`, `(0:00 - 1:20)`). Undefined for anything else.
 */
export function segmentTime(line: string): TimeRange | undefined {
  const m = SEGMENT.exec(line.trim());
  if (!m) return undefined;
  const [, b1, open, range, close, b2] = m;
  // Bold on both sides, or brackets on both sides; a bare `8:18` line is not a marker.
  if (b1 !== b2 || Boolean(open) !== Boolean(close) || (!b1 && !open)) return undefined;
  return parseRange(range);
}

export function isChunkMarker(title: string): boolean {
  return CHUNK_MARKER.test(title.trim());
}

/** `498` → `8:18`, `3881` → `1:04:41`. */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** A link to the source video at a second, for the video hosts that take `t=`. */
export function videoAt(source: string, seconds: number): string | undefined {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined;
  url.searchParams.set("t", `${seconds}`);
  return url.toString();
}
