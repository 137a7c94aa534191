// Reading modes: side by side / interleaved / English / 中文, chosen with the radios or the M
// key (Shift+M back), remembered, the reading position kept across a change. On a screen too
// narrow for two columns (under 600 px) side by side is not offered: a remembered side by side is
// shown, and marked, as interleaved (and comes back on a wider screen); the control says why.
import { MODE_KEY, MODES, writeSetting, type Mode } from "../settings-store.ts";

/** Too narrow for two columns (as site.css). */
export const NARROW = "(max-width: 599.98px)";

const MODE_NAMES: Readonly<Record<Mode, string>> = { sbs: "并排 Side by side", il: "交替 Interleaved", en: "English", zh: "中文" };

const isMode = (m: string | null): m is Mode => (MODES as readonly string[]).includes(m ?? "");

/** The modes a screen offers: all, or all but side by side on a narrow one. Pure. */
export function modesFor(narrow: boolean): readonly Mode[] {
  return narrow ? MODES.filter((m) => m !== "sbs") : MODES;
}

/** The mode a page shows for the remembered one: side by side reads as interleaved on a narrow screen. Pure. */
export function shownMode(remembered: Mode, narrow: boolean): Mode {
  return narrow && remembered === "sbs" ? "il" : remembered;
}

/** The mode after `current` among `modes`, or before it with `back`. Pure. */
export function nextMode(current: Mode, back: boolean, modes: readonly Mode[] = MODES): Mode {
  const i = Math.max(0, modes.indexOf(current));
  return modes[(i + (back ? modes.length - 1 : 1)) % modes.length]!;
}

/** Does a key press in `target` belong to the page (M switches modes) rather than to a field? */
function isPageKey(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return true;
  if (target.isContentEditable || target.tagName === "TEXTAREA" || target.tagName === "SELECT") return false;
  return !(target instanceof HTMLInputElement && !/^(radio|checkbox|button|submit|reset)$/.test(target.type));
}

export function initModes(art: HTMLElement, say: (text: string) => void): void {
  const root = document.documentElement;
  const modes = document.getElementById("modes");
  if (!modes) return;
  const narrow = window.matchMedia(NARROW);
  const current = (): Mode => {
    const m = root.getAttribute("data-mode");
    return isMode(m) && m !== "sbs" ? m : "sbs";
  };
  const shown = () => shownMode(current(), narrow.matches);
  const radio = (m: Mode) => document.getElementById(`m-${m}`) as HTMLInputElement | null;
  const syncRadio = () => {
    const sbs = radio("sbs");
    if (sbs) sbs.disabled = narrow.matches;
    const el = radio(shown());
    if (el) el.checked = true;
  };
  /** The first row or heading at the top of the viewport, to keep in place across a mode change. */
  const anchor = (): Element | null => {
    const rows = art.querySelectorAll(".t-body h2, .p, .x");
    let lo = 0;
    let hi = rows.length - 1;
    let found: Element | null = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (rows[mid]!.getBoundingClientRect().bottom > 0) {
        found = rows[mid]!;
        hi = mid - 1;
      } else lo = mid + 1;
    }
    return found;
  };
  const setMode = (value: string, announce: boolean) => {
    const m: Mode = isMode(value) ? value : "sbs";
    const a = window.scrollY > 0 ? anchor() : null;
    const before = a ? a.getBoundingClientRect().top : 0;
    if (m === "sbs") root.removeAttribute("data-mode");
    else root.setAttribute("data-mode", m);
    writeSetting(MODE_KEY, m === "sbs" ? "" : m);
    syncRadio();
    if (a) window.scrollBy(0, a.getBoundingClientRect().top - before);
    if (announce) say(`阅读模式 Reading mode: ${MODE_NAMES[m]}`);
  };
  syncRadio();
  modes.addEventListener("change", (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.name === "mode") setMode(t.value, false);
  });
  document.addEventListener("keydown", (e) => {
    if ((e.key !== "m" && e.key !== "M") || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
    if (!isPageKey(e.target)) return;
    e.preventDefault();
    // Focus stays with the control it is on: on the mode now chosen, not the one before.
    const onRadio = document.activeElement instanceof HTMLInputElement && document.activeElement.name === "mode";
    setMode(nextMode(shown(), e.shiftKey, modesFor(narrow.matches)), true);
    if (onRadio) radio(shown())?.focus();
  });
  narrow.addEventListener?.("change", syncRadio);
  window.addEventListener("storage", syncRadio);
  window.addEventListener("pageshow", syncRadio);
}
