import { describe, expect, it } from "vitest";
import { ingest } from "../../src/ingest/ingest.ts";
import { publishedTranscripts, siteUrl } from "../../src/site/publish.ts";
import { jsonForScript, transcriptJsonLd } from "../../src/site/structured-data.ts";

describe("publishing", () => {
  const draft = ingest("d.md", "---\ntitle: D\ndraft: true\n---\nHi.\n");
  const done = ingest("e.md", "---\ntitle: E\n---\nHi.\n");
  it("keeps drafts unless asked to leave them out", () => {
    expect(publishedTranscripts([draft, done], { excludeDrafts: false }).map((t) => t.slug)).toEqual(["d", "e"]);
    expect(publishedTranscripts([draft, done], { excludeDrafts: true }).map((t) => t.slug)).toEqual(["e"]);
  });
  it("makes URLs with the path prefix, absolute when the origin is known", () => {
    expect(siteUrl("/t/x/", "/", undefined)).toBe("/t/x/");
    expect(siteUrl("/t/x/", "/archive/", undefined)).toBe("/archive/t/x/");
    expect(siteUrl("/feed.xml", "/archive/", "https://user.github.io/")).toBe("https://user.github.io/archive/feed.xml");
  });
});

describe("JSON-LD", () => {
  const t = ingest("x.md", "---\ntitle: \"</script><script>alert(1)</script>\"\ndate: 2024-02-03\nspeaker: Pod\ntags: [a, b]\nsource: https://www.youtube.com/watch?v=abc\nduration: 1:00\n---\nHello.\n\n你好。\n");
  it("describes the transcript", () => {
    expect(transcriptJsonLd(t, "https://x.test/t/x/")).toMatchObject({
      "@type": "Article",
      datePublished: "2024-02-03",
      author: { name: "Pod" },
      keywords: "a, b",
      inLanguage: ["en", "zh-CN"],
      isBasedOn: { url: "https://www.youtube.com/watch?v=abc", duration: "PT60S" },
    });
  });
  it("cannot close its script element", () => {
    const json = jsonForScript(transcriptJsonLd(t, "/t/x/"));
    expect(json).not.toMatch(/[<>]/);
    expect(JSON.parse(json).headline).toBe("</script><script>alert(1)</script>");
  });
});
