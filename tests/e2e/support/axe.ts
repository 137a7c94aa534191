// axe-core over a page as it is now: its violations, one line each (rule, and where).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** axe-core's violations on the page: `rule: selector, selector…` (at most `nodes` places a rule). */
export async function axe(page: Page, nodes = 3): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (n) => {
    type Result = { violations: { id: string; nodes: { target: unknown[] }[] }[] };
    const run = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<Result> } }).axe;
    const result = await run.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, n).map((x) => x.target.join(" ")).join(", ")}`);
  }, nodes);
}
