// Headings divide a transcript into sections. A heading may carry a time
// range (`(8:18 - 15:24) 标题`); a chunk marker of the translation process
// (`(15:00 - 30:00) Part 2`) is not a chapter: its text stays in the flow of
// the section it falls in, and its time is kept as a mark there. So is a
// segment time, a line that is only a bold time range (`**(1:20 - 2:40)**`).
import type { Block } from "./blocks.ts";
import type { TimeMark, TimeRange } from "../model.ts";
import { isChunkMarker, segmentTime, splitHeadingTime } from "./timecode.ts";

export interface RawSection {
  heading: string;
  time?: TimeRange;
  note?: string;
  line: number;
  blocks: Block[];
  /** Part markers and segment times in the section's flow, in source order. */
  marks: TimeMark[];
}

/** A paragraph's segment-time lines taken out as marks; the rest of it stays paragraphs. */
function takeSegmentTimes(block: Block): (Block | TimeMark)[] {
  const lines = block.text.split("\n");
  if (!lines.some((l) => segmentTime(l))) return [block];
  const out: (Block | TimeMark)[] = [];
  let run: string[] = [];
  let runStart = 0;
  const flush = () => {
    if (run.length) out.push({ kind: "paragraph", text: run.join("\n").trim(), line: block.line + runStart });
    run = [];
  };
  lines.forEach((l, i) => {
    const time = segmentTime(l);
    if (time) {
      flush();
      out.push({ kind: "segment", time, line: block.line + i });
      return;
    }
    if (!run.length) runStart = i;
    run.push(l);
  });
  flush();
  return out;
}

export function splitSections(blocks: Block[]): RawSection[] {
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  /** The section text goes into: the current one, or an untitled one before the first heading. */
  const open = (line: number): RawSection => {
    if (!current) {
      current = { heading: "", line, blocks: [], marks: [] };
      sections.push(current);
    }
    return current;
  };
  for (const block of blocks) {
    if (block.kind === "heading") {
      const { time, title } = splitHeadingTime(block.text);
      if (isChunkMarker(title)) {
        if (time) open(block.line).marks.push({ kind: "part", time, line: block.line });
        continue;
      }
      current = { heading: title, time, line: block.line, blocks: [], marks: [] };
      sections.push(current);
      continue;
    }
    const section = open(block.line);
    // A one-line quote right under a heading is the chapter's note (`> 一句话概括`).
    if (block.kind === "quote" && section.heading && section.blocks.length === 0 && section.marks.length === 0 && section.note === undefined && !block.text.includes("\n")) {
      section.note = block.text.replace(/^\s*>\s?/, "").trim();
      continue;
    }
    for (const part of block.kind === "paragraph" ? takeSegmentTimes(block) : [block]) {
      if ("time" in part) section.marks.push(part);
      else section.blocks.push(part);
    }
  }
  return sections;
}
