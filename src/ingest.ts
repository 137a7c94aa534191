// One file's text → one Transcript, with every problem collected (never thrown).
// The pipeline: normalise text → front matter → blocks → shape → summary
// blocks and sections → pairs.
import type { Block } from "./blocks.ts";
import { scanBlocks } from "./blocks.ts";
import { normaliseMeta, readFrontMatter } from "./frontmatter.ts";
import { detectLanguage } from "./language.ts";
import type { Meta, Section, Shape, Summary, TimeRange, Transcript } from "./model.ts";
import { formatClock } from "./timecode.ts";
import { pairSections } from "./pairing.ts";
import { ProblemList, quote } from "./problems.ts";
import { splitSections, type RawSection } from "./sections.ts";
import { slugFor } from "./slug.ts";
import { emptySummary, readSummaryBlock, recogniseLabel, type SummaryLabel } from "./summary.ts";
import { normaliseText } from "./text.ts";

function fileTitle(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(md|markdown|txt)$/i, "").replace(/[_-]+/g, " ").trim() || base;
}

function isFooter(block: Block): boolean {
  return block.kind === "paragraph" && block.text.split("\n").every((l) => /^\s*\*[^*].*\*\s*$/.test(l)) && /生成|generated/i.test(block.text);
}

/** Reads a video-summary document: labelled `##` blocks, then the transcript. */
function readVideoSummary(blocks: Block[], meta: Meta, problems: ProblemList): { summary: Summary; body: Block[] } {
  const summary = emptySummary();
  const level = labelLevel(blocks);
  const body: Block[] = [];
  // Blocks are gathered under the current `##` label, then read by that label's rule.
  let current: { label: SummaryLabel | "intro" | "unknown"; heading: string; line: number; blocks: Block[] } = { label: "intro", heading: "", line: 1, blocks: [] };
  const flush = () => {
    const { label, heading, line, blocks: content } = current;
    const kept = content.filter((b) => b.kind !== "rule");
    if (label === "intro") summary.intro.push(...kept.map((b) => b.text));
    else if (label === "unknown") {
      summary.other.push({ heading, body: kept.map((b) => b.text).join("\n\n"), line });
      problems.warn(line, "unrecognised-block", `block "${heading}" has a label the parser does not know; shown as text`);
    } else if (label !== "transcript") readSummaryBlock(label, heading, content, summary, meta, problems);
  };
  for (const block of blocks) {
    if (block.kind === "heading" && block.level === 1 && current.label === "intro" && !meta.title) {
      meta.title = block.text;
      continue;
    }
    if (block.kind === "heading" && block.level! <= level) {
      const label = recogniseLabel(block.text);
      // Inside the transcript an unknown `##` heading is a section of it.
      if (label || current.label !== "transcript") {
        flush();
        current = { label: label ?? "unknown", heading: block.text, line: block.line, blocks: [] };
        continue;
      }
    }
    (current.label === "transcript" ? body : current.blocks).push(block);
  }
  flush();
  // The generator footer ends the file: keep it, out of the transcript flow.
  while (body.length && (isFooter(body[body.length - 1]) || body[body.length - 1].kind === "rule")) {
    const last = body.pop()!;
    if (last.kind !== "rule") summary.footer.unshift(last.text);
  }
  return { summary, body };
}

/**
 * The heading level of the summary labels: `##` usually, `###` in some generators (chapters then
 * at `####`). Never deeper: a `####` heading is content even when a word of it looks like a label
 * ("#### 公司…" alone made `####` the label level, and the heading was lost).
 */
function labelLevel(blocks: Block[]): number {
  const levels = blocks.filter((b) => b.kind === "heading" && b.level! >= 2 && b.level! <= 3 && recogniseLabel(b.text)).map((b) => b.level!);
  return levels.length ? Math.min(...levels) : 2;
}

const STRUCTURAL_LABELS = new Set(["transcript", "info", "chapters", "tldr"]);

function detectShape(hasFrontMatter: boolean, blocks: Block[]): Shape {
  if (hasFrontMatter) return "front-matter";
  const level = labelLevel(blocks);
  const labels = blocks.filter((b) => b.kind === "heading" && b.level! <= level).map((b) => recogniseLabel(b.text));
  return labels.some((l) => l !== undefined && STRUCTURAL_LABELS.has(l)) ? "video-summary" : "bare";
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
  const sections: Section[] = raw.map((s, i) => ({
    id: `s-${i + 1}`,
    heading: s.heading,
    time: s.time,
    note: s.note,
    pairs: pairs[i],
    line: s.line,
  }));

  checkChapterTimes(meta.duration, [...sections, ...(summary?.chapters ?? [])], problems);

  return {
    slug: slugFor(file, meta.slug),
    file,
    shape,
    meta,
    summary,
    sections: sections.filter((s) => s.heading || s.pairs.length || s.note),
    problems: problems.items,
    languages: counts,
  };
}
