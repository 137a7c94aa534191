// One file's text → one Transcript, with every problem collected (never thrown). The pipeline,
// a file a step: normalise.ts (BOM, line ends) → frontmatter.ts → blocks.ts → shape.ts →
// video-summary.ts + summary.ts (labelled blocks) → sections.ts → pairs.ts (EN ↔ ZH).
// decode.ts (bytes → text) runs before, in archive.ts; load.ts reads the folder.
import { scanBlocks } from "./blocks.ts";
import { normaliseMeta, readFrontMatter } from "./frontmatter.ts";
import { detectLanguage } from "./language.ts";
import type { Section, Summary, TimeMark, TimeRange, Transcript } from "../model.ts";
import { normaliseText } from "./normalise.ts";
import { pairSections } from "./pairs.ts";
import { ProblemList, quote } from "./problems.ts";
import { linkQuotes } from "./quotes.ts";
import { splitSections, type RawSection } from "./sections.ts";
import { detectShape } from "./shape.ts";
import { slugFor } from "./slug.ts";
import { formatClock } from "./timecode.ts";
import { readVideoSummary } from "./video-summary.ts";

function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(md|markdown|txt)$/i, "").replace(/[_-]+/g, " ").trim() || base;
}

/** Chapter times (transcript headings and the chapter table) that run past the video's duration. */
function checkChapterTimes(duration: number | undefined, chapters: { time?: TimeRange; line?: number }[], problems: ProblemList): void {
  if (duration === undefined) return;
  for (const { time, line } of chapters) {
    if (!time) continue;
    const starts = time.start > duration;
    if (starts || (time.end !== undefined && time.end > duration)) {
      problems.warn(line ?? 1, "chapter-past-end", `chapter ${time.label} ${starts ? "starts" : "ends"} after the end of the video (${formatClock(duration)})`);
    }
  }
}

/** Each time mark goes on the first pair after it; marks after the last pair stay with the section. */
function placeMarks(section: Section, marks: TimeMark[]): Section {
  let p = 0;
  for (const mark of marks) {
    while (p < section.pairs.length && section.pairs[p].line < mark.line) p++;
    if (p < section.pairs.length) (section.pairs[p].marks ??= []).push(mark);
    else (section.endMarks ??= []).push(mark);
  }
  return section;
}

export function ingest(file: string, source: string): Transcript {
  const problems = new ProblemList(file);
  const text = normaliseText(source);
  if (!text.trim()) problems.error(0, "empty-file", "the file is empty");

  const fm = readFrontMatter(text, problems);
  const meta = normaliseMeta(fm, problems);
  let blocks = scanBlocks(fm.body, fm.bodyLine);
  const shape = detectShape(fm.present, blocks);

  let summary: Summary | undefined;
  if (shape === "video-summary") {
    const read = readVideoSummary(blocks, meta, problems);
    summary = read.summary;
    blocks = read.body;
    meta.summary ??= summary.tldr;
    meta.speaker ??= meta.channel;
    for (const p of summary.people) if (p.name && !meta.people.includes(p.name)) meta.people.push(p.name);
    for (const c of summary.companies) if (!meta.companies.includes(c.name)) meta.companies.push(c.name);
  } else if (!meta.title && blocks[0]?.kind === "heading" && blocks[0].level === 1) {
    // A leading H1 is the title; it is shown as such, not as a section.
    meta.title = blocks[0].text;
    blocks = blocks.slice(1);
  }
  if (!meta.title) {
    meta.title = fileTitle(file);
    // Not when the front matter is broken: its error says more (the title may be in it).
    if (text.trim() && !fm.failed) problems.warn(1, "title-from-filename", `no title in the file; using the file name ${quote(meta.title)}`);
  }
  if (!meta.titleEn && detectLanguage(meta.title) === "en" && shape === "video-summary") meta.titleEn = meta.title;

  const raw: RawSection[] = splitSections(blocks);
  const { pairs, counts } = pairSections(raw.map((s) => s.blocks), problems);
  const sections: Section[] = raw.map((s, i) => placeMarks({
    id: `s-${i + 1}`,
    heading: s.heading,
    time: s.time,
    note: s.note,
    pairs: pairs[i],
    line: s.line,
  }, s.marks));

  if (summary) linkQuotes(summary.quotes, sections, problems);
  checkChapterTimes(meta.duration, [...sections, ...(summary?.chapters ?? [])], problems);

  return {
    slug: slugFor(file, meta.slug),
    file,
    shape,
    meta,
    summary,
    sections: sections.filter((s) => s.heading || s.pairs.length || s.note || s.endMarks),
    problems: problems.items,
    languages: counts,
  };
}
