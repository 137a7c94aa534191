// The search page's words: counts and statuses in both languages. Pure (unit-tested).

/** The status line for a finished search. */
export function countText(n: number, query: string, unit: "interview" | "passage" = "interview"): string {
  if (n === 0) return `没有结果 · No results for “${query}”`;
  if (unit === "passage") return `${n} 个段落 · ${n} passage${n === 1 ? "" : "s"} for “${query}”`;
  return `${n} 篇访谈 · ${n} interview${n === 1 ? "" : "s"} for “${query}”`;
}

/** While results are still loading and a language is chosen, a result counts only once loaded: "at least". */
export function atLeastText(n: number, query: string, unit: "interview" | "passage"): string {
  return unit === "passage" ? `至少 ${n} 个段落 · At least ${n} passages for “${query}”` : `至少 ${n} 篇访谈 · At least ${n} interviews for “${query}”`;
}

/** The count while older interviews are not searched yet: of the newest `searched` of `among`. */
export function newestText(n: number, query: string, unit: "interview" | "passage", searched: number, among: number): string {
  const what = unit === "passage" ? `${n} 个段落` : `${n} 篇访谈`;
  const whatEn = unit === "passage" ? `${n} passage${n === 1 ? "" : "s"}` : `${n} interview${n === 1 ? "" : "s"}`;
  return `${what}（最新的 ${searched} 篇中，共 ${among} 篇）· ${whatEn} for “${query}” in the newest ${searched} of ${among} interviews`;
}

export const KEEP_TYPING = "请再输入一些 · Keep typing…";

export const NOTHING_TO_SEARCH = "没有可搜索的字词 · Nothing to search: type a word or a quote.";

export const INDEX_BUILDING = "搜索索引正在生成，完成后自动搜索 · The search index is being built; the search runs as soon as it is ready.";

export function failedText(err: unknown): string {
  return `搜索出错 · Search failed: ${err instanceof Error && err.message ? err.message : String(err)}`;
}
