// A video-summary document: labelled blocks (video information, TL;DR, chapters, key points,
// companies, quotes, people, video type) read into the Summary, then the transcript's blocks.
import type { Block } from "./blocks.ts";
import type { Meta, Summary } from "../model.ts";
import type { ProblemList } from "./problems.ts";
import { labelLevel } from "./shape.ts";
import { emptySummary, holdsHeadings, readSummaryBlock, recogniseLabel, type SummaryLabel } from "./summary.ts";

function isFooter(block: Block): boolean {
  return block.kind === "paragraph" && block.text.split("\n").every((l) => /^\s*\*[^*].*\*\s*$/.test(l)) && /生成|generated/i.test(block.text);
}

/**
 * Reads a video-summary document: labelled blocks, then the transcript. Labels are usually at
 * one level (`##`), but may be mixed: `## 📹 视频信息` and `## 📝 完整翻译` at level 2 with the
 * blocks between them numbered `### 2. TL;DR…`. So a label is also recognised one level or more
 * below the current block's, unless that block holds sub-headings of its own (key points,
 * people), where a deeper heading is a point or a person; labels are never deeper than `###`.
 */
export function readVideoSummary(blocks: Block[], meta: Meta, problems: ProblemList): { summary: Summary; body: Block[] } {
  const summary = emptySummary();
  const level = labelLevel(blocks);
  const body: Block[] = [];
  // Blocks are gathered under the current label, then read by that label's rule.
  type Current = { label: SummaryLabel | "unknown"; heading: string; line: number; level: number; blocks: Block[] };
  let current: Current = { label: "intro", heading: "", line: 1, level, blocks: [] };
  const flush = () => {
    const { label, heading, line, blocks: content } = current;
    const kept = content.filter((b) => b.kind !== "rule");
    if (label === "unknown") {
      summary.other.push({ heading, body: kept.map((b) => b.text).join("\n\n"), line });
      problems.warn(line, "unrecognised-block", `block "${heading}" has a label the parser does not know; shown as text`);
    } else if (label !== "transcript") readSummaryBlock(label, heading, content, summary, meta, problems);
  };
  /** Does this heading start a new block (and which), or is it content of the current one? */
  const opens = (block: Block): Current["label"] | undefined => {
    const label = recogniseLabel(block.text);
    const depth = block.level!;
    if (current.label === "transcript") return depth <= level && label ? label : undefined;
    // At the document's label level or above: a block, known or not (as always).
    if (depth <= level) return label ?? "unknown";
    if (!label || depth > 3) return undefined;
    // Deeper: a sibling of a deeper label (`### 2. TL;DR` after `### 1. 视频开头信息`), or a
    // label under a block that holds no sub-headings (`### 1. 视频开头信息` under `## 视频信息`).
    return depth <= current.level || !holdsHeadings(current.label) ? label : undefined;
  };
  for (const block of blocks) {
    if (block.kind === "heading" && block.level === 1 && current.label === "intro" && !current.heading && !meta.title) {
      meta.title = block.text;
      continue;
    }
    const label = block.kind === "heading" ? opens(block) : undefined;
    if (label) {
      flush();
      current = { label, heading: block.text, line: block.line, level: Math.max(block.level!, level), blocks: [] };
      continue;
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
