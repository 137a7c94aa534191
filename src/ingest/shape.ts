// Which of the shapes of DESIGN.md a document has: front matter, a video summary (labelled
// blocks, then the transcript), or bare text.
import type { Block } from "./blocks.ts";
import type { Shape } from "../model.ts";
import { recogniseLabel } from "./summary.ts";

/**
 * The heading level of the summary labels: `##` usually, `###` in some generators (chapters then
 * at `####`). Never deeper: a `####` heading is content even when a word of it looks like a label
 * ("#### 公司…" alone made `####` the label level, and the heading was lost).
 */
export function labelLevel(blocks: Block[]): number {
  const levels = blocks.filter((b) => b.kind === "heading" && b.level! >= 2 && b.level! <= 3 && recogniseLabel(b.text)).map((b) => b.level!);
  return levels.length ? Math.min(...levels) : 2;
}

const STRUCTURAL_LABELS = new Set(["transcript", "info", "chapters", "tldr"]);

export function detectShape(hasFrontMatter: boolean, blocks: Block[]): Shape {
  if (hasFrontMatter) return "front-matter";
  const level = labelLevel(blocks);
  const labels = blocks.filter((b) => b.kind === "heading" && b.level! <= level).map((b) => recogniseLabel(b.text));
  return labels.some((l) => l !== undefined && STRUCTURAL_LABELS.has(l)) ? "video-summary" : "bare";
}
