// The search records (src/search/records.ts, tokens.ts, passages.ts, facets.ts): strings and Transcripts in, records out.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "node-html-parser";
import { describe, expect, it } from "vitest";
import { buildArchive } from "../../src/ingest/archive.ts";
import { ingest } from "../../src/ingest/ingest.ts";
import type { Transcript } from "../../src/model.ts";
import { searchFacets, speakersOf } from "../../src/search/facets.ts";
import { cardOf } from "../../src/site/card.ts";
import { PAIR_MARK, SIDE_MARK, SPACE_MARK } from "../../src/search/marks.ts";
import { DEFAULT_PASSAGE_SIZE, parsePassage, passageOrder, type Token } from "../../src/search/passages.ts";
import { archiveSearch, pairTokens, recordHtml, transcriptSearch, type TranscriptSearch } from "../../src/search/records.ts";
import { isFieldId } from "../../src/search/field-ids.ts";
import { interviewFields } from "../../src/search/fields.ts";
import { searchForm } from "../../src/search/search-form.ts";
import { chineseSearchTokens, htmlToText, joinTokens, sideText, tokenizeChinese, tokenizeEnglish } from "../../src/search/tokens.ts";

const toks = (side: Token[]) => side.map((t) => t.tok);

const seedsDir = fileURLToPath(new URL("../../seeds", import.meta.url));
const seeds = buildArchive(
  readdirSync(seedsDir)
    .filter((n) => /\.(md|txt)$/i.test(n))
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(seedsDir, file)) })),
).transcripts;
const pairsSeed = seeds.find((t) => t.shape === "front-matter")!;
const videoSeed = seeds.find((t) => t.shape === "video-summary")!;

const small = (): Transcript =>
  ingest(
    "2024/small_talk.md",
    [
      "---",
      "title: A small talk",
      "date: 2024-05-01",
      "speaker: Alex",
      "channel: Some Pod",
      "tags: [ai, 扩展定律, ai]",
      "---",
      "### First",
      "",
      "We now have three *scaling laws*, right?",
      "",
      "我们现在有三个扩展定律，对吧？",
      "",
      "### Second",
      "",
      "OpenAI is likely the next hyperscale company.",
      "",
      "OpenAI很可能成为下一个超大规模公司。",
      "",
    ].join("\n"),
  );

describe("marks", () => {
  it("are not letters, digits or emoji: Pagefind indexes no word for them, but counts a position", () => {
    for (const mark of [PAIR_MARK, SIDE_MARK, SPACE_MARK]) {
      expect(mark).toHaveLength(1);
      expect(/[\p{L}\p{N}\p{M}]/u.test(mark)).toBe(false);
      expect(/\p{Emoji}/u.test(mark)).toBe(false);
      expect(/\s/.test(mark)).toBe(false);
      expect(/[!-/:-@[-`{-~]/.test(mark), "not ASCII punctuation (Pagefind splits compounds there)").toBe(false);
    }
  });

  it("never come from the text itself", () => {
    expect(tokenizeEnglish(`a ${PAIR_MARK} b${SIDE_MARK}`)).toEqual(["a", "b"]);
    expect(tokenizeChinese(`扩展${SPACE_MARK}定律${PAIR_MARK}`)).toEqual(["扩展", "定律"]);
    expect(htmlToText(`x${PAIR_MARK}y`)).toBe("xy");
  });
});

describe("htmlToText", () => {
  it("gives the text a reader sees", () => {
    expect(htmlToText("<em>scaling</em> &amp; <a href='x'>laws</a><br>next")).toBe("scaling & laws next");
    expect(htmlToText("&lt;script&gt;alert(1)&lt;/script&gt;")).toBe("<script>alert(1)</script>");
    expect(htmlToText("<p>one</p>\n<p>two</p>")).toBe("one two");
  });
});

describe("tokenizeChinese", () => {
  it("segments Han runs into words with ICU, as the browser segments a query", () => {
    expect(tokenizeChinese("扩展定律")).toEqual(["扩展", "定律"]);
    const seg = new Intl.Segmenter("zh", { granularity: "word" });
    const query = [...seg.segment("超大规模")].map((s) => s.segment);
    const tokens = tokenizeChinese("成为下一个超大规模公司");
    for (const word of query) expect(tokens).toContain(word);
  });

  it("keeps Latin words whole and puts punctuation in tokens of its own", () => {
    expect(tokenizeChinese("我认为OpenAI很可能，GPT-4和U.S.不同。")).toEqual(
      expect.arrayContaining(["OpenAI", "，", "GPT-4", "U.S", "。"]),
    );
    expect(tokenizeChinese("“AI”")).toEqual(["“", "AI", "”"]);
  });

  it("marks the spaces of the text, so joining gives the text back exactly", () => {
    const text = "推理 token 的生成速度增长如此之快，Grace Blackwell 看起来与以往不同。";
    const tokens = tokenizeChinese(text);
    expect(tokens).toContain(SPACE_MARK);
    expect(joinTokens(tokens, "zh")).toBe(text);
  });

  it("gives every Chinese paragraph of the seeds back exactly", () => {
    let checked = 0;
    for (const t of seeds)
      for (const s of t.sections)
        for (const p of s.pairs) {
          if (!p.zh) continue;
          const text = sideText(p.zh);
          expect(joinTokens(tokenizeChinese(text), "zh")).toBe(text);
          checked++;
        }
    expect(checked).toBeGreaterThan(150);
  });
});

describe("tokenizeEnglish", () => {
  it("splits on whitespace, as Pagefind does", () => {
    expect(tokenizeEnglish("  three  scaling\nlaws, right? ")).toEqual(["three", "scaling", "laws,", "right?"]);
    expect(joinTokens(tokenizeEnglish("three scaling laws, right?"), "en")).toBe("three scaling laws, right?");
  });
});

const searchOf = (t: Transcript, options = {}) => {
  const search = transcriptSearch(t, options);
  if (!search) throw new Error(`${t.file}: no search data`);
  return search;
};

/** The words of a record as Pagefind counts them: the fields, then the pairs. */
const recordWords = (search: TranscriptSearch) => [search.record.fields, search.record.content].filter(Boolean).join(" ").split(" ");

/** Every pair of a transcript's passages, once, in order (a pair on a passage boundary is in both). */
function passagePairs(search: TranscriptSearch) {
  const seen = new Map<string, ReturnType<typeof parsePassage>[number]>();
  for (const passage of search.passages) for (const p of parsePassage(passage.content, passage.pairs, passage.start)) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

describe("transcriptSearch: the record", () => {
  it("is the transcript's pairs, both languages, one page at /t/<slug>/", () => {
    const t = small();
    const { record } = searchOf(t);
    expect(record.url).toBe(`/t/${t.slug}/`);
    expect(record.language).toBe("en");
    expect(record.content.split(" ")[0]).toBe(PAIR_MARK);
    const zh = chineseSearchTokens("我们现在有三个扩展定律，对吧？");
    expect(zh.shown).toEqual(expect.arrayContaining(["扩展", "定律", "，", "？"]));
    // The index holds the search form: full-width punctuation as ASCII.
    expect(zh.indexed).toEqual(expect.arrayContaining(["扩展", "定律", ",", "?"]));
    expect(record.content.startsWith(`${PAIR_MARK} We now have three scaling laws, right? ${SIDE_MARK} ${zh.indexed.join(" ")} ${PAIR_MARK} OpenAI`)).toBe(true);
    expect(record.content).not.toContain("  ");
  });

  it("carries the filters: interview (slug), speaker and channel, tags (once), year, languages", () => {
    expect(searchOf(small()).record.filters).toEqual({
      interview: [small().slug],
      speaker: ["Alex", "Some Pod"],
      tag: ["ai", "扩展定律"],
      year: ["2024"],
      language: ["en", "zh"],
    });
  });

  it("indexes the transcript text only: not summaries, tables of contents or footers", () => {
    const content = searchOf(videoSeed).record.content.replaceAll(" ", "");
    expect(videoSeed.summary?.tldr).toBeTruthy();
    const tldr = videoSeed.summary!.tldr!.slice(0, 20).replace(/\s/g, "");
    expect(content).not.toContain(tldr);
    for (const s of videoSeed.sections) if (s.heading) expect(content).not.toContain(s.heading.replace(/\s/g, "").slice(0, 12) + "Part");
    for (const line of videoSeed.summary!.footer) expect(content).not.toContain(htmlToText(line).replace(/\s/g, ""));
  });

  it("puts a Chinese-only transcript's text on the Chinese side", () => {
    const search = searchOf(videoSeed);
    expect(search.record.filters.language).toEqual(["zh"]);
    for (const p of passagePairs(search).filter((x) => !isFieldId(x.id))) expect(p.en).toEqual([]);
    expect(search.record.content).toContain("扩展 定律");
  });

  it("sorts text rows the parser did not understand by their language", () => {
    const t = ingest("bare.txt", "Just an English paragraph with no translation.\n\n只有一段中文。\n");
    const parsed = passagePairs(searchOf(t));
    const en = parsed.filter((p) => p.en.length).map((p) => joinTokens(toks(p.en), "en"));
    const zh = parsed.filter((p) => p.zh.length).map((p) => joinTokens(toks(p.zh), "zh"));
    expect(en.join(" ")).toContain("Just an English paragraph");
    expect(zh.join("")).toContain("只有一段中文。");
  });

  it("gives a transcript without pairs nothing, and HTML in text stays text", () => {
    expect(transcriptSearch({ ...small(), sections: [] })).toBeUndefined();
    const t = ingest("x.md", "---\ntitle: X\n---\n<script>alert(1)</script> is shown.\n\n<script>alert(1)</script> 显示为文本。\n");
    const [search] = archiveSearch([t, { ...small(), sections: [] }]);
    expect(search!.record.content).toContain("<script>alert(1)</script>");
  });
});

describe("transcriptSearch: the passages", () => {
  it("name the interview and hold the pairs at their word positions", () => {
    const t = small();
    const { passages } = searchOf(t);
    expect(passages).toHaveLength(1);
    const { content, start, pairs, ...meta } = passages[0]!;
    expect(meta).toEqual({ title: "A small talk", date: "2024-05-01", who: "Alex", page: `/t/${t.slug}/` });
    expect(start).toBe(0);
    // The interview's fields, then the pairs; the text as written, one token for each of the record's.
    expect(pairs).toBe("title: speaker: tags: s:s-1 s:s-2 p-1 p-2");
    expect(content.split(" ")).toHaveLength(recordWords(searchOf(t)).length);
    expect(content).toContain("定律 ，");
  });

  it("passage N holds every pair with a token at positions N × size to (N + 1) × size - 1", () => {
    for (const [t, size] of [[small(), 1], [small(), 5], [small(), 13], [pairsSeed, 500], [pairsSeed, 3000]] as const) {
      const search = searchOf(t, { passageSize: size });
      const words = recordWords(search);
      expect(search.passages).toHaveLength(Math.ceil(words.length / size));
      search.passages.forEach((passage, n) => {
        const tokens = passage.content.split(" ");
        // Its tokens are the record's, from `start` on, whole pairs (as written; the record holds their search form).
        expect(words.slice(passage.start, passage.start + tokens.length)).toEqual(tokens.map(searchForm));
        expect(tokens[0]).toBe(PAIR_MARK);
        expect(words[passage.start + tokens.length] ?? PAIR_MARK).toBe(PAIR_MARK);
        // It covers its range, and no pair in it lies outside the range.
        expect(passage.start).toBeLessThanOrEqual(n * size);
        expect(passage.start + tokens.length).toBeGreaterThanOrEqual(Math.min(words.length, (n + 1) * size));
        const parsed = parsePassage(passage.content, passage.pairs, passage.start);
        expect(parsed.length).toBe(passage.pairs.split(" ").length);
        // Where each pair ends (exclusive): where the next one starts.
        const ends = parsed.map((_, i) => parsed[i + 1]?.at ?? passage.start + tokens.length);
        parsed.forEach((p, i) => {
          expect(p.at, "a pair starting after the range").toBeLessThan((n + 1) * size);
          expect(ends[i], "a pair ending before the range").toBeGreaterThan(n * size);
        });
      });
    }
  });

  it("keep every pair, in page order, and each side reads back as the page shows it", () => {
    for (const t of seeds) {
      const search = searchOf(t);
      const words = recordWords(search);
      const all = passagePairs(search);
      const parsed = all.filter((p) => !isFieldId(p.id));
      const pairs = t.sections.flatMap((s) => s.pairs).filter((p) => pairTokens(p));
      expect(parsed.map((p) => p.id)).toEqual(pairs.map((p) => p.id));
      expect(all.map((p) => p.id)).toEqual([...interviewFields(t).map((f) => f.id), ...pairs.map((p) => p.id)]);
      const byId = new Map(pairs.map((p) => [p.id, p]));
      for (const p of parsed) {
        const pair = byId.get(p.id)!;
        if (pair.en) expect(joinTokens(toks(p.en), "en")).toBe(sideText(pair.en));
        else expect(p.en).toEqual([]);
        if (pair.zh) expect(joinTokens(toks(p.zh), "zh")).toBe(sideText(pair.zh));
        else expect(p.zh).toEqual([]);
        // Word positions are the record's: the token at a side's start position is its first token.
        expect(words[p.at]).toBe(PAIR_MARK);
        for (const t of [...p.en, ...p.zh]) expect(words[t.pos]).toBe(searchForm(t.tok));
      }
    }
  });

  it("cut the seeds into passages of 3,000 word positions", () => {
    const all = archiveSearch(seeds);
    expect(all.map((s) => s.slug)).toEqual(seeds.map((t) => t.slug));
    for (const s of all) {
      const positions = recordWords(s).length;
      expect(s.passages.length).toBe(Math.ceil(positions / DEFAULT_PASSAGE_SIZE));
      expect(s.passages.length).toBeGreaterThan(1);
    }
  });
});

describe("facets", () => {
  it("lists interviews, speakers, tags and years, from the same model as the records", () => {
    const f = searchFacets([small(), ...seeds].map(cardOf));
    expect(f.interview.map((x) => x.value)).toEqual([small().slug, ...seeds.map((t) => t.slug)]);
    expect(f.speaker.map((x) => x.value)).toEqual(expect.arrayContaining(["Alex", "Some Pod", "Bg2 Pod"]));
    expect(f.tag.find((x) => x.value === "ai")?.count).toBe(1);
    expect(f.year.map((x) => x.value)).toEqual([...new Set(f.year.map((x) => x.value))].sort().reverse());
    for (const t of seeds) for (const s of speakersOf(t.meta)) expect(f.speaker.map((x) => x.value)).toContain(s);
  });
});

describe("recordHtml", () => {
  it("is a page whose only text is the record's fields (weighted) and content, with the filters as <meta> tags", () => {
    const { record } = searchOf(small());
    const hostile = { ...record, content: `${record.content} <script>x</script> & "q"`, filters: { ...record.filters, tag: [`A "talk" <b>&</b>`] } };
    const root = parse(recordHtml(hostile));
    expect(root.querySelector("html")!.getAttribute("lang")).toBe("en");
    expect(root.querySelector("body")!.text).toBe(`${hostile.fields} ${hostile.content}`);
    expect(root.querySelector("[data-pagefind-weight]")!.text).toBe(hostile.fields);
    expect(root.querySelectorAll("script")).toHaveLength(0);
    expect(root.querySelectorAll("meta[data-pagefind-meta]")).toHaveLength(0);
    const filters = root.querySelectorAll("meta[data-pagefind-filter]").map((m) => `${m.getAttribute("data-pagefind-filter")}=${m.getAttribute("content")}`);
    expect(filters).toEqual(["interview[content]=small-talk", "speaker[content]=Alex", "speaker[content]=Some Pod", `tag[content]=A "talk" <b>&</b>`, "year[content]=2024", "language[content]=en", "language[content]=zh"]);
  });
});

describe("passageOrder", () => {
  it("reads first the passage with the longest run of matched positions, then the one with the most", () => {
    const cases: [number[], number, number[]][] = [
      [[5, 3001, 3002, 3003, 10], 3000, [1, 0]],
      [[1, 2, 5000, 5100, 5200], 3000, [0, 1]],
      [[7000, 10, 20], 3000, [0, 2]],
      [[40, 41, 12, 13, 14, 2], 10, [1, 4, 0]],
    ];
    expect(cases.map(([words, size]) => passageOrder(words, size).map((p) => p.n))).toEqual(cases.map((c) => c[2]));
  });

  it("ranks a passage by the transcript's words in it: matches in the interview's fields (the first positions) count last", () => {
    // Positions 0–99 are fields: their run of three does not put passage 0 first.
    expect(passageOrder([5, 6, 7, 3500], 3000, 100).map((p) => p.n)).toEqual([1, 0]);
    expect(passageOrder([5, 6, 7, 200, 3500, 3501], 3000, 100).map((p) => [p.n, p.run])).toEqual([[1, 2], [0, 1]]);
    // A passage keeps all its matched positions, fields included (its field pairs can be shown).
    expect(passageOrder([5, 6, 7, 200], 3000, 100)[0]!.words).toEqual([5, 6, 7, 200]);
    // Matches in the fields only: ranked among themselves.
    expect(passageOrder([5, 6, 40], 30, 100).map((p) => [p.n, p.run])).toEqual([[0, 2], [1, 1]]);
  });
});
