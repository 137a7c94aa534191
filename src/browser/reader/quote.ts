// "Copy quote": the text of a pair in the language(s) on screen, with its citation (speaker,
// title, date) and permalink.

/** What a citation is made of. */
export interface QuoteParts {
  /** The text of each side shown, in order. */
  lines: string[];
  /** Speakers named on those sides (each once). */
  speakers: string[];
  /** The byline's who, used when no side names a speaker. */
  who: string;
  title: string;
  /** Is the title English (then plain), or Chinese (then in 《》)? */
  titleIsEnglish: boolean;
  date: string;
  url: string;
}

/** The quote as copied. Pure. */
export function formatQuote(q: QuoteParts): string {
  const cite = [q.speakers.join(" / ") || q.who, q.title && (q.titleIsEnglish ? q.title : `《${q.title}》`), q.date].filter(Boolean).join(", ");
  return `${q.lines.map((l) => `“${l}”`).join("\n")}\n— ${cite}\n${q.url}`;
}

const COPY_ICONS =
  '<svg class="cp" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="5.5" y="5.5" width="8" height="8.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5h-5a1.5 1.5 0 0 0-1.5 1.5v6a1.5 1.5 0 0 0 1.5 1.5h.5" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>' +
  '<svg class="ok" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8.5l3.2 3.2L13 4.5" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>';

const squash = (text: string | null | undefined) => (text ?? "").replace(/\s+/g, " ").trim();

/** An element's text without its speaker label, ¶ link, copy button and play link. */
function plain(el: Element): string {
  const c = el.cloneNode(true) as Element;
  c.querySelectorAll(".sp, .pl, .cq, .pf").forEach((x) => x.remove());
  return squash(c.textContent);
}

function legacyCopy(text: string): void {
  const ta = document.createElement("textarea");
  const focus = document.activeElement as HTMLElement | null;
  ta.value = text;
  ta.setAttribute("readonly", "");
  ta.className = "vh";
  document.body.appendChild(ta);
  ta.select();
  let ok = false;
  try {
    ok = document.execCommand("copy");
  } catch {
    ok = false;
  }
  ta.remove();
  focus?.focus?.();
  if (!ok) throw new Error("copy refused");
}

function copy(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text).catch(() => legacyCopy(text));
  return new Promise((ok) => {
    legacyCopy(text);
    ok();
  });
}

export function initCopyQuote(art: HTMLElement, say: (text: string) => void): void {
  const tpl = document.createElement("button");
  tpl.type = "button";
  tpl.className = "cq";
  tpl.title = "复制引文 Copy quote";
  tpl.innerHTML = COPY_ICONS;
  art.querySelectorAll(".pl").forEach((pl) => {
    const b = tpl.cloneNode(true) as HTMLButtonElement;
    b.setAttribute("aria-label", `复制引文 Copy quote ${(pl.getAttribute("href") ?? "").slice(3)}`);
    pl.parentNode!.insertBefore(b, pl.nextSibling);
  });

  /** The quote as it is on screen, with its citation. */
  const quote = (row: HTMLElement): string => {
    const sides = row.hasAttribute("data-pair") ? [...row.children].filter((c): c is HTMLElement => c instanceof HTMLElement && Boolean(c.lang) && !c.hasAttribute("data-missing")) : [row];
    let visible = sides.filter((s) => s.getClientRects().length > 0);
    if (!visible.length) visible = sides;
    const speakers: string[] = [];
    const lines: string[] = [];
    for (const s of visible) {
      const name = s.querySelector(".sp")?.textContent?.trim();
      if (name && !speakers.includes(name)) speakers.push(name);
      lines.push(plain(s));
    }
    const h1 = art.querySelector<HTMLElement>(".t-title");
    return formatQuote({
      lines,
      speakers,
      who: squash(art.querySelector(".byline .who")?.textContent),
      title: squash(h1?.textContent),
      titleIsEnglish: h1?.lang === "en",
      date: art.querySelector(".byline time")?.getAttribute("datetime") ?? "",
      url: `${window.location.href.split("#")[0]}#${row.id}`,
    });
  };

  const copyRow = (button: HTMLElement) => {
    const row = button.closest<HTMLElement>("[data-pair], [data-text]");
    if (!row) return;
    copy(quote(row)).then(
      () => {
        button.classList.add("done");
        say("已复制引文 Quote copied");
        setTimeout(() => button.classList.remove("done"), 2000);
      },
      () => say("复制失败 Copy failed"),
    );
  };

  let onRow: Element | null = null;
  art.addEventListener("click", (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const b = target.closest<HTMLElement>(".cq");
    if (b) {
      copyRow(b);
      return;
    }
    if (target.closest("a, button, input, label, summary")) return;
    const row = target.closest(".p, .x");
    const sel = window.getSelection();
    if (!row || (sel && !sel.isCollapsed)) return;
    // Tapping a row shows its ¶ and copy buttons (touch screens have no hover).
    if (onRow && onRow !== row) onRow.classList.remove("on");
    onRow = row.classList.toggle("on") ? row : null;
  });
}
