// A result as DOM: the interview, its best pair in both languages with the matched words
// marked, links to the pair (/t/<slug>/#p-N). All text as text nodes.
import type { SideLanguage } from "../../search/marks.ts";
import { el, langOf } from "../dom.ts";
import { rememberHit } from "../hit-memory.ts";
import { excerpt } from "./excerpt.ts";
import type { Token } from "../../search/passages.ts";
import { matchedWords, SIDES } from "./rank.ts";
import { isField, type Hit } from "./results.ts";
import { parseFieldId, type FieldKind } from "../../search/field-ids.ts";
import { siteUrl } from "./site.ts";

/** The text of one side, matched tokens in <mark>; `window` limits it to an excerpt. */
function sideNodes(tokens: readonly Token[], side: SideLanguage, hit: ReadonlySet<number>, window: number): DocumentFragment {
  const frag = document.createDocumentFragment();
  if (!tokens.length) return frag;
  const { parts, cutStart, cutEnd } = excerpt(tokens, side, hit, window);
  if (cutStart) frag.append("… ");
  for (const p of parts) frag.append(p.mark ? el("mark", {}, p.text) : p.text);
  if (cutEnd) frag.append(" …");
  return frag;
}

function pairLink(meta: Hit["meta"], pairId: string): string {
  return siteUrl(`${meta.page || "/"}#${pairId}`);
}

/** What each of the interview's fields is called on a result. */
const FIELD_LABELS: Readonly<Record<FieldKind, [string, string]>> = {
  title: ["标题", "Title"],
  speaker: ["讲者 / 频道", "Speaker / channel"],
  people: ["人物", "People"],
  companies: ["公司", "Companies"],
  tags: ["标签", "Tags"],
  summary: ["摘要", "Summary"],
  point: ["核心论点", "Key point"],
  quote: ["金句", "Quote"],
  chapter: ["章节", "Chapter"],
  s: ["章节", "Chapter"],
};

/** Where a field leads: the interview's page, at the summary panel or the chapter (src/search/fields.ts). */
function fieldLink(meta: Hit["meta"], fieldId: string): string {
  const { anchor } = parseFieldId(fieldId);
  return siteUrl(`${meta.page || "/"}${anchor ? `#${anchor}` : ""}`);
}

/** A match in the interview's fields only: the field, named, with its words marked. */
function fieldNodes(h: Hit): { href: string; body: HTMLElement } {
  const { pair } = h.ranked[0]!;
  const { kind } = parseFieldId(pair.id);
  const [zh, en] = FIELD_LABELS[kind] ?? FIELD_LABELS.title;
  const side: SideLanguage = pair.en.length ? "en" : "zh";
  const body = el("p", { class: "sr-field" }, el("span", { class: "sr-field-name" }, `${zh} `, el("span", { lang: "en" }, en), " "));
  const text = el("span", { lang: side === "en" ? "en" : langOf(pair.zh.map((t) => t.tok).join("")) });
  text.append(sideNodes(pair[side], side, h.hit, 60));
  body.append(text);
  return { href: fieldLink(h.meta, pair.id), body };
}

/** A result card: interview, date, speaker; the matched pair, both languages; link to #p-N. */
export function renderHit(h: Hit, { compact = false } = {}): HTMLLIElement {
  const { meta, ranked, hit } = h;
  const best = ranked[0]!;
  const pair = best.pair;
  const field = isField(best) ? fieldNodes(h) : null;
  const href = field ? field.href : pairLink(meta, pair.id);
  const words = matchedWords(pair, hit);
  const title = meta.title || meta.page;
  // A paragraph's number; a field names itself below.
  const where = field ? null : el("span", { class: "sr-para" }, `¶ ${pair.id.replace(/^p-/, "")}`);
  const link = el("a", { class: "sr-link", href, "data-pair": pair.id }, el("span", { class: "sr-title", lang: langOf(title) }, title), where && " ", where);
  link.addEventListener("click", () => rememberHit(href, words));

  const info = el("p", { class: "sr-meta" });
  if (meta.date) info.append(el("time", { datetime: meta.date }, meta.date));
  if (meta.who) info.append(el("span", { lang: langOf(meta.who) }, meta.who));

  const sides = field ? field.body : el("div", { class: "sr-pair" });
  for (const side of field ? [] : SIDES) {
    const tokens = pair[side];
    if (!tokens.length) continue;
    const matched = best.sides.includes(side);
    const window = compact ? (side === "en" ? 24 : 48) : side === "en" ? 60 : 120;
    const p = el("p", { class: `sr-side sr-${side}${matched ? " sr-matched" : ""}`, lang: side === "en" ? "en" : "zh-CN" });
    p.append(sideNodes(tokens, side, matched ? hit : new Set(), window));
    sides.append(p);
  }

  const card = el("article", { class: "sr-card" }, el("h2", { class: "sr-head" }, link), info, sides);
  const item = el("li", { class: "sr-item" }, card);
  const others = field ? [] : ranked.slice(1).filter((r) => !isField(r));
  if (!compact && others.length) {
    const more = el("p", { class: "sr-more" }, el("span", {}, "同段其他匹配 "), el("span", { lang: "en" }, "Also here: "));
    for (const r of others.slice(0, 5)) {
      const a = el("a", { href: pairLink(meta, r.pair.id), "data-pair": r.pair.id }, `¶ ${r.pair.id.replace(/^p-/, "")}`);
      a.addEventListener("click", () => rememberHit(a.href, matchedWords(r.pair, hit)));
      more.append(a, " ");
    }
    card.append(more);
  }
  if (!compact && h.places > 1) {
    // The other passages of this interview that match: the same search with the interview chosen.
    const url = new URL(location.href);
    url.searchParams.set("interview", h.slug);
    card.append(el("p", { class: "sr-every" }, el("a", { href: url.href }, "此访谈中的全部匹配 · ", el("span", { lang: "en" }, "Every match in this interview →"))));
  }
  return item;
}

/** What a search without results says, with what to try. */
export function noResults(query: string, hasFilters: boolean): HTMLDivElement {
  return el(
    "div",
    { class: "sr-empty" },
    el("p", {}, "没有找到与 “", el("b", { lang: langOf(query) }, query), "” 相关的段落。"),
    el("p", { lang: "en" }, "No passage matches “", el("b", { lang: langOf(query) }, query), "”."),
    el(
      "ul",
      {},
      el("li", {}, "检查拼写，或换一个更短的词。", el("span", { lang: "en" }, " Check the spelling or try fewer words.")),
      el("li", {}, "换一种语言试试：英文原文与中文译文都可搜索。", el("span", { lang: "en" }, " Try the other language: both the English and the Chinese are searchable.")),
      hasFilters ? el("li", {}, "清除筛选条件。", el("span", { lang: "en" }, " Clear the filters.")) : false,
    ),
  );
}
