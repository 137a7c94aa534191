// A result as DOM: the interview, its best pair in both languages with the matched words
// marked, links to the pair (/t/<slug>/#p-N). All text as text nodes.
import type { SideLanguage } from "../../search/marks.ts";
import { el, langOf } from "../dom.ts";
import { rememberHit } from "../hit-memory.ts";
import { excerpt } from "./excerpt.ts";
import type { Token } from "../../search/passages.ts";
import { matchedWords, SIDES } from "./rank.ts";
import type { Hit } from "./results.ts";
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

/** A result card: interview, date, speaker; the matched pair, both languages; link to #p-N. */
export function renderHit(h: Hit, { compact = false } = {}): HTMLLIElement {
  const { meta, ranked, hit } = h;
  const best = ranked[0]!;
  const pair = best.pair;
  const href = pairLink(meta, pair.id);
  const words = matchedWords(pair, hit);
  const title = meta.title || meta.page;
  const num = pair.id.replace(/^p-/, "");
  const link = el("a", { class: "sr-link", href, "data-pair": pair.id }, el("span", { class: "sr-title", lang: langOf(title) }, title), " ", el("span", { class: "sr-para" }, `¶ ${num}`));
  link.addEventListener("click", () => rememberHit(href, words));

  const info = el("p", { class: "sr-meta" });
  if (meta.date) info.append(el("time", { datetime: meta.date }, meta.date));
  if (meta.who) info.append(el("span", { lang: langOf(meta.who) }, meta.who));

  const sides = el("div", { class: "sr-pair" });
  for (const side of SIDES) {
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
  if (!compact && ranked.length > 1) {
    const more = el("p", { class: "sr-more" }, el("span", {}, "同段其他匹配 "), el("span", { lang: "en" }, "Also here: "));
    for (const r of ranked.slice(1, 6)) {
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
