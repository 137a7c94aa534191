// The interview around the transcript, as search sees it: title, speaker/channel, people,
// companies, tags, the summary or TL;DR, key points, the summary's quotes and the chapter
// titles. Each field is indexed like a pair (records.ts), before the transcript's pairs and with
// a higher weight, so that a name or a topic finds the interview that is about it before the
// ones that merely mention it. A field's id is unique in its transcript and says what it is and
// where on the page it leads: `<kind><n>:<anchor>` (`people:summary`, `point2:summary`, `s:s-3`,
// `title:` for the top of the page); a pair's id (`p-12`) has no colon.
import type { Transcript } from "../model.ts";
import { renderBlock, renderInline } from "../site/markdown.ts";
import { speakersOf } from "./facets.ts";
import { fieldId, type FieldKind } from "./field-ids.ts";

export interface Field {
  /** `<kind><n>:<anchor>` (field-ids.ts). */
  id: string;
  /** Plain text, as the page shows it. */
  text: string;
}
import { htmlToText } from "./tokens.ts";

const inline = (md: string) => htmlToText(renderInline(md));
const block = (md: string) => htmlToText(renderBlock(md));
const list = (names: readonly string[]) => names.map((n) => n.trim()).filter(Boolean).join(" · ");

/** The fields of a transcript, in the order they are indexed (empty ones left out). */
export function interviewFields(t: Transcript): Field[] {
  const { meta, summary } = t;
  const onPanel = summary ? "summary" : "";
  const out: Field[] = [];
  const count = new Map<FieldKind, number>();
  const add = (kind: FieldKind, text: string, anchor = "") => {
    if (!text.trim()) return;
    const n = count.get(kind) ?? 0;
    count.set(kind, n + 1);
    out.push({ id: fieldId(kind, anchor, kind === "s" ? 0 : n), text: text.trim() });
  };
  add("title", meta.titleEn && meta.titleEn !== meta.title ? `${meta.title} · ${meta.titleEn}` : meta.title);
  add("speaker", list(speakersOf(meta)));
  add("people", list(meta.people), onPanel);
  add("companies", list(meta.companies), onPanel);
  add("tags", list(meta.tags));
  add("summary", block(summary?.tldr ?? meta.summary ?? ""), onPanel);
  for (const p of summary?.corePoints ?? []) add("point", `${inline(p.title)} ${block(p.body)}`, "summary");
  for (const q of summary?.quotes ?? []) add("quote", `${inline(q.text)}${q.by ? ` — ${q.by}` : ""}`, "summary");
  // A chapter of the summary leads to the transcript's section that starts at its time, if any.
  for (const c of summary?.chapters ?? []) {
    const section = c.time && t.sections.find((s) => s.time?.start === c.time!.start);
    add("chapter", `${inline(c.title)}${c.summary ? ` ${inline(c.summary)}` : ""}`, section ? section.id : "summary");
  }
  for (const s of t.sections) if (s.heading) add("s", inline(s.heading), s.id);
  return out;
}
