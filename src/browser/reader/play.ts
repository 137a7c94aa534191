// "Play from here": on a transcript with a video (`data-video` on the article), each pair's
// actions beside its ¶ link get a link into the video at the nearest known time before the pair:
// a segment time, a chapter heading's time or a part marker's (all links with `data-t`), or the
// start of the video when none comes before it. The link says which time it is and what kind;
// it never guesses a time between two known ones. Without JS the times themselves are links.
import { formatClock } from "../../ingest/timecode.ts";

export type TimeKind = "segment" | "chapter" | "part" | "start";

export interface KnownTime {
  seconds: number;
  kind: TimeKind;
  /** The link into the video at that time. */
  href: string;
}

/** For a page's items in document order (times and pairs), the time each pair plays from. Pure. */
export function playTimes<P>(items: readonly ({ time: KnownTime } | { pair: P })[], start: KnownTime): Map<P, KnownTime> {
  const out = new Map<P, KnownTime>();
  let last = start;
  for (const item of items) {
    if ("time" in item) last = item.time;
    else out.set(item.pair, last);
  }
  return out;
}

const KIND_WORDS: Record<TimeKind, [zh: string, en: string]> = {
  segment: ["分段", "segment"],
  chapter: ["章节", "chapter"],
  part: ["部分", "part"],
  start: ["视频开头", "start of the video"],
};

/** What the link says: `从 1:20 播放（分段起点）· Play from 1:20 (segment start)`. Pure. */
export function playLabel(time: KnownTime): string {
  const [zh, en] = KIND_WORDS[time.kind];
  if (time.kind === "start") return `从头 0:00 播放（本段之前没有时间）· Play from the start (no time before this paragraph)`;
  return `从 ${formatClock(time.seconds)} 播放（${zh}起点）· Play from ${formatClock(time.seconds)} (${en} start)`;
}

const PLAY_ICON = '<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M5 3.2v9.6L12.6 8z" fill="currentColor"/></svg>';

function kindOf(el: Element): TimeKind {
  if (el.closest("h2")) return "chapter";
  return el.classList.contains("part") ? "part" : "segment";
}

export function initPlay(art: HTMLElement): void {
  const video = art.dataset.video;
  if (!video) return;
  const items: ({ time: KnownTime } | { pair: HTMLElement })[] = [];
  art.querySelectorAll<HTMLElement>(".t-body a[data-t], .t-body .p, .t-body .x").forEach((el) => {
    if (el.matches("a[data-t]")) items.push({ time: { seconds: Number(el.dataset.t), kind: kindOf(el), href: (el as HTMLAnchorElement).href } });
    else items.push({ pair: el });
  });
  const times = playTimes(items, { seconds: 0, kind: "start", href: video });
  const tpl = document.createElement("a");
  tpl.className = "pf";
  tpl.rel = "noopener noreferrer";
  tpl.innerHTML = `${PLAY_ICON}<span></span>`;
  for (const [row, time] of times) {
    const a = tpl.cloneNode(true) as HTMLAnchorElement;
    a.href = time.href;
    const label = playLabel(time);
    a.title = label;
    a.setAttribute("aria-label", `${label} ${row.id.slice(2)}`);
    a.querySelector("span")!.textContent = formatClock(time.seconds);
    // After the ¶ link and its copy button.
    const after = row.querySelector(":scope > .cq") ?? row.querySelector(":scope > .pl");
    if (after) after.after(a);
  }
}
