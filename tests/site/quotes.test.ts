// The quotes page's data (src/site/quotes.ts): every quote of the archive with who said it,
// the interview and its date, linked to its paragraph or else its interview; people grouped.
import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import { cardOf } from "../../src/site/card.ts";
import { buildQuotes } from "../../src/site/quotes.ts";
import { ingestFixture } from "../support/fixtures.ts";

describe("buildQuotes", () => {
  const mixed = ingestFixture("video-summary-mixed-levels.md");
  const other = ingest(
    "other.md",
    "# Other\n\n## 视频信息\n\n- **发布日期**: 2024-01-02\n\n## 💬 经典金句\n\n> \"我们先从路线图开始。\"\n> — dana  whitfield（达娜）\n\n> \"谁说的？没人知道。\"\n\n## 📝 完整翻译\n\n**Alex：** 我们先从路线图开始吧。\n",
  );
  const page = buildQuotes([mixed, other].map(cardOf));
  it("lists every quote, interview by interview, with who said it, the interview and its date", () => {
    expect(page.entries.map((e) => [e.by, e.title.slice(0, 12), e.date])).toEqual([
      ["Dana Whitfield", "The Road to ", "2025-09-12"],
      ["Dana Whitfield", "The Road to ", "2025-09-12"],
      ["Dana Whitfield", "The Road to ", "2025-09-12"],
      ["Dana Whitfield", "The Road to ", "2025-09-12"],
      ["dana  whitfield（达娜）", "Other", "2024-01-02"],
      [undefined, "Other", "2024-01-02"],
    ]);
  });
  it("links to the paragraph when the quote was found there, else to the interview", () => {
    expect(page.entries.map((e) => e.href)).toEqual([
      "/t/video-summary-mixed-levels/#p-8",
      "/t/video-summary-mixed-levels/#p-4",
      "/t/video-summary-mixed-levels/",
      "/t/video-summary-mixed-levels/",
      "/t/other/#p-1",
      "/t/other/",
    ]);
  });
  it("groups a person's spellings for the filter, most quoted first", () => {
    expect(page.people).toEqual([{ key: "dana whitfield", name: "Dana Whitfield", count: 5 }]);
    expect(page.entries.map((e) => e.person)).toEqual(["dana whitfield", "dana whitfield", "dana whitfield", "dana whitfield", "dana whitfield", ""]);
  });
});
