// Headings divide a transcript into sections. A heading may carry a time
// range (`(8:18 - 15:24) 标题`); a chunk marker of the translation process
// (`(15:00 - 30:00) Part 2`) is not a chapter: its text stays in the flow of
// the section it falls in.
import type { Block } from "./blocks.ts";
import type { TimeRange } from "../model.ts";
import { isChunkMarker, splitHeadingTime } from "./timecode.ts";

export interface RawSection {
  heading: string;
  time?: TimeRange;
  note?: string;
  line: number;
  blocks: Block[];
}

export function splitSections(blocks: Block[]): RawSection[] {
  const sections: RawSection[] = [];
  let current: RawSection | undefined;
  for (const block of blocks) {
    if (block.kind === "heading") {
      const { time, title } = splitHeadingTime(block.text);
      if (isChunkMarker(title)) continue;
      current = { heading: title, time, line: block.line, blocks: [] };
      sections.push(current);
      continue;
    }
    if (!current) {
      current = { heading: "", line: block.line, blocks: [] };
      sections.push(current);
    }
    // A one-line quote right under a heading is the chapter's note (`> 一句话概括`).
    if (block.kind === "quote" && current.heading && current.blocks.length === 0 && current.note === undefined && !block.text.includes("\n")) {
      current.note = block.text.replace(/^\s*>\s?/, "").trim();
      continue;
    }
    current.blocks.push(block);
  }
  return sections;
}
