// A video-summary document: labelled blocks (video information, TL;DR, chapters, key points,
// companies, quotes, people, video type) read into the Summary, then the transcript's blocks.
import type { Block } from "./blocks.ts";
import type { Meta, Summary } from "../model.ts";
import type { ProblemList } from "./problems.ts";
import { labelLevel } from "./shape.ts";
import { emptySummary, readSummaryBlock, recogniseLabel, type SummaryLabel } from "./summary.ts";

function isFooter(block: Block): boolean {
  return block.kind === "paragraph" && block.text.split("\n").every((l) => /^\s*\*[^*].*\*\s*$/.test(l)) && /生成|generated/i.test(block.text);
}

/** Reads a video-summary document: labelled `##` blocks, then the transcript. */
export function readVideoSummary(blocks: Block[], meta: Meta, problems: ProblemList): { summary: Summary; body: Block[] } {
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
