// Landing on a pair (#p-N, from a search result or a shared link, or a ¶ link on the page): the pair
// fully in view, and, when it is the first pair of its section, the section's heading above it.
// The space kept at the top is the page's `scroll-padding-top` (site.css), where anything sticky
// over the text would be accounted for. Without JS, site.css gives a section's first pair a
// scroll margin the size of a one-line heading; this measures the real one.

/** Geometry of a landing, in viewport pixels. */
export interface Landing {
  /** Height of the viewport. */
  viewport: number;
  /** Space kept free at the top (scroll-padding-top). */
  padding: number;
  pairTop: number;
  pairBottom: number;
  /** Top of the section heading, when the pair is the section's first. */
  headTop?: number;
}

/**
 * The scroll margin to give the pair so that scrolling it to the top shows its heading too: the
 * distance from the heading's top to the pair's. 0 (the pair's top at the top) when the pair fits
 * in the viewport but not with its heading: the whole pair comes first. A pair taller than the
 * viewport cannot be whole in view; it keeps its heading above it (unless that takes more than a
 * third of the screen). Pure.
 */
export function landingMargin(l: Landing): number {
  if (l.headTop === undefined || l.headTop > l.pairTop) return 0;
  const room = l.viewport - l.padding;
  const head = l.pairTop - l.headTop;
  const pair = l.pairBottom - l.pairTop;
  if (head + pair <= room) return Math.round(head);
  return pair > room && head <= room / 3 ? Math.round(head) : 0;
}

/** Bring the pair the address names into view (on load and on every change of the address). */
export function initTarget(art: HTMLElement): void {
  const land = () => {
    let id = "";
    try {
      id = decodeURIComponent(location.hash.slice(1));
    } catch {
      return;
    }
    const pair = id ? document.getElementById(id) : null;
    if (!pair || !art.contains(pair) || !pair.matches(".p, .x")) return;
    const section = pair.parentElement;
    const head = section?.querySelector<HTMLElement>(":scope > h2");
    const first = section?.querySelector(":scope > .p, :scope > .x") === pair;
    const r = pair.getBoundingClientRect();
    const margin = landingMargin({
      viewport: window.innerHeight,
      padding: parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0,
      pairTop: r.top,
      pairBottom: r.bottom,
      headTop: first && head ? head.getBoundingClientRect().top : undefined,
    });
    // A scroll margin (not a one-off scroll), so that the browser keeps the same place if it
    // scrolls to the target again while the page loads. CSSOM, not a style attribute: CSP allows it.
    pair.style.scrollMarginTop = `${margin}px`;
    pair.scrollIntoView({ block: "start" });
    landedAt = window.scrollY;
  };
  let landedAt = -1;
  window.addEventListener("hashchange", land);
  if (!location.hash) return;
  land();
  // Measured again once everything has loaded (a late font may move the heading), unless the reader has scrolled since.
  window.addEventListener("load", () => window.scrollY === landedAt && land(), { once: true });
}
