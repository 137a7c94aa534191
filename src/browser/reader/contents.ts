// The table of contents: a disclosure on narrow screens, the current section marked as you read.
export function initContents(art: HTMLElement): void {
  const toc = document.getElementById("toc");
  if (!toc) return;
  const btn = toc.querySelector<HTMLButtonElement>(".toc-b")!;
  const narrow = window.matchMedia("(max-width: 860px)");
  const setOpen = (open: boolean) => {
    toc.classList.toggle("open", open);
    btn.setAttribute("aria-expanded", open ? "true" : "false");
  };
  btn.addEventListener("click", () => setOpen(!toc.classList.contains("open")));
  toc.addEventListener("click", (e) => {
    if (narrow.matches && e.target instanceof Element && e.target.closest('a[href^="#"]')) setOpen(false);
  });

  const links = new Map<string, HTMLAnchorElement>();
  toc.querySelectorAll<HTMLAnchorElement>('ol a[href^="#"]').forEach((a) => links.set(a.getAttribute("href")!.slice(1), a));
  const secs = [...art.querySelectorAll<HTMLElement>(".t-body > section")].filter((s) => links.has(s.id));
  const rail = toc.closest(".rail");
  let marked: HTMLAnchorElement | null = null;
  let frame = 0;
  const mark = () => {
    frame = 0;
    // The current section: the last one whose top is above 30% of the viewport.
    const line = window.innerHeight * 0.3;
    let lo = 0;
    let hi = secs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (secs[mid]!.getBoundingClientRect().top <= line) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const a = found < 0 ? null : (links.get(secs[found]!.id) ?? null);
    if (a === marked) return;
    marked?.removeAttribute("aria-current");
    marked = a;
    if (!a) return;
    a.setAttribute("aria-current", "location");
    // Keep the marked entry in view inside the sticky rail, without scrolling the page.
    if (rail && rail.scrollHeight > rail.clientHeight + 1) {
      const ar = a.getBoundingClientRect();
      const rr = rail.getBoundingClientRect();
      if (ar.top < rr.top + 100 || ar.bottom > rr.bottom - 24) rail.scrollTop += ar.top - rr.top - rail.clientHeight / 3;
    }
  };
  const later = () => {
    if (!frame) frame = window.requestAnimationFrame(mark);
  };
  if (secs.length && "IntersectionObserver" in window) {
    const io = new IntersectionObserver(later, { rootMargin: "0px 0px -70% 0px" });
    secs.forEach((s) => io.observe(s));
  }
  window.addEventListener("resize", later);
  later();
}
