// Helpers of the search tests (search.test.ts, search-navigation.test.ts): the seeds' quotes and
// pairs, and driving the search page.
import type { Browser, Page } from "playwright-core";
import { loadArchive } from "../../../src/ingest/load.ts";
import type { Transcript } from "../../../src/model.ts";
import { sideText } from "../../../src/search/tokens.ts";
import { openPage, type OpenedPage } from "./page.ts";
import { SEEDS_DIR } from "./site.ts";

export const transcripts: Transcript[] = loadArchive(SEEDS_DIR).transcripts;

/** The one transcript and pair whose text holds `phrase` (as the page shows it). */
export function pairOf(phrase: string): { slug: string; id: string; title: string } {
  const needle = phrase.toLowerCase();
  const found: { slug: string; id: string; title: string }[] = [];
  for (const t of transcripts)
    for (const s of t.sections)
      for (const p of s.pairs) {
        const text = [p.en ? sideText(p.en) : "", p.zh ? sideText(p.zh) : ""].join("\n").toLowerCase();
        if (text.includes(needle)) found.push({ slug: t.slug, id: p.id, title: t.meta.title });
      }
  if (found.length !== 1) throw new Error(`"${phrase}" is in ${found.length} pairs of the seeds; pick a quote found once`);
  return found[0]!;
}

export function transcriptWith(pred: (t: Transcript) => boolean): Transcript {
  const t = transcripts.find(pred);
  if (!t) throw new Error("no such seed transcript");
  return t;
}
export const bilingual = transcriptWith((t) => t.languages.en > 0 && t.languages.zh > 0);
export const chineseOnly = transcriptWith((t) => t.languages.en === 0 && t.languages.zh > 0);

/** Quotes a reader might remember; half English, half Chinese (both seeds). */
export const ENGLISH_QUOTES = [
  "three scaling laws",
  "red glasses",
  "CNBC and Bloomberg",
  "motors replace labor",
  "good oldfashioned data processing",
  "first 10 trillion dollar company",
  "Nobody needs atomic bombs",
  "100 nuclear reactors",
  "staple a green card",
  "China hawks",
  "social contract",
];
export const CHINESE_QUOTES = [
  "红色的眼镜",
  "主权AI",
  "原子弹",
  "对华鹰派",
  "马达取代劳动力",
  "首家10万亿美元的公司",
  "平均海拔高度",
  "防火长城",
  "研究时代",
  "五层栈",
  "光明节快乐",
];

/** Requests that are not the site's own (a static archive needs none), and errors. */
export function problems(o: OpenedPage, origin: string): string[] {
  return [
    ...o.consoleErrors.map((e) => `console: ${e}`),
    ...o.failedRequests.map((e) => `failed: ${e}`),
    ...o.badResponses.filter((r) => !/\/favicon\.ico$/.test(r)).map((e) => `bad: ${e}`),
    ...o.requests.filter((u) => !u.startsWith(origin + "/") && !/^(data|blob|about):/.test(u)).map((u) => `external: ${u}`),
  ];
}

export interface Shown {
  href: string;
  title: string;
  meta: string;
  en: string | null;
  zh: string | null;
  marks: { en: string[]; zh: string[] };
}

/** Type a query into the search page's box and wait for its results (or the no-result message). */
export async function searchFor(page: Page, query: string): Promise<Shown[]> {
  const before = Number((await page.getAttribute("[data-search-page]", "data-searched")) ?? 0);
  await page.fill("#search-q", query);
  // The results are read in the same turn as the check that they answer the query, so a
  // search started meanwhile (a filter just changed) cannot empty the list in between.
  const answered = await page.waitForFunction(
    ({ q, before }) => {
      const root = document.querySelector<HTMLElement>("[data-search-page]");
      if (!root || root.hasAttribute("aria-busy")) return false;
      // The filters chosen in the form, as the page records the ones its results answer.
      const form = root.querySelector("form.search-form") as HTMLFormElement;
      const chosen = new URLSearchParams();
      for (const key of ["interview", "speaker", "tag", "year", "language"]) {
        const field = form.elements.namedItem(key) as HTMLSelectElement | RadioNodeList | null;
        if (field?.value) chosen.set(key, field.value);
      }
      if (!(Number(root.dataset.searched ?? 0) > before && root.dataset.query === q && root.dataset.filters === chosen.toString())) return false;
      return [...root.querySelectorAll(".search-results > li")].map((li) => {
        const side = (lang: string) => li.querySelector(`.sr-pair [lang="${lang}"]`);
        const marks = (lang: string) => [...(side(lang)?.querySelectorAll("mark") ?? [])].map((m) => m.textContent ?? "");
        return {
          href: (li.querySelector("a.sr-link") as HTMLAnchorElement).href,
          title: li.querySelector(".sr-title")?.textContent ?? "",
          meta: li.querySelector(".sr-meta")?.textContent ?? "",
          en: side("en")?.textContent ?? null,
          zh: side("zh-CN")?.textContent ?? null,
          marks: { en: marks("en"), zh: marks("zh-CN") },
        };
      });
    },
    { q: query, before },
    { timeout: 30_000 },
  );
  return (await answered.jsonValue()) as Shown[];
}

export async function openSearch(browser: Browser, base: string, query = ""): Promise<OpenedPage> {
  const opened = await openPage(browser, `${base}search/${query ? `?q=${encodeURIComponent(query)}` : ""}`);
  await opened.page.waitForSelector("[data-search-page].is-ready");
  return opened;
}

