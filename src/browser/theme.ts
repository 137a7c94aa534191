// Bundled as assets/theme.js, a classic script in <head> (no defer, no inline script under the
// CSP), before the first paint: puts the remembered reading mode and colour theme on <html>, so
// the page is drawn right the first time, and marks <html class="js">. After parsing, adds the
// dark-mode toggle to the site header. The theme follows the system until the reader picks one;
// picking the system's own theme forgets the choice again.
import { MODE_KEY, readSetting, storedMode, storedTheme, THEME_KEY, writeSetting } from "./settings-store.ts";

const root = document.documentElement;
const systemDark = window.matchMedia?.("(prefers-color-scheme: dark)");

function attr(name: string, value: string): void {
  if (value) root.setAttribute(name, value);
  else root.removeAttribute(name);
}

function apply(): void {
  attr("data-mode", storedMode(readSetting(MODE_KEY)));
  attr("data-theme", storedTheme(readSetting(THEME_KEY)));
}

function dark(): boolean {
  const t = root.getAttribute("data-theme");
  return t ? t === "dark" : Boolean(systemDark?.matches);
}

apply();
root.classList.add("js");

let button: HTMLButtonElement | undefined;
function sync(): void {
  button?.setAttribute("aria-pressed", dark() ? "true" : "false");
}

document.addEventListener("DOMContentLoaded", () => {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "theme";
  b.title = "深色模式 Dark mode";
  b.innerHTML =
    '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 1.75a6.25 6.25 0 0 1 0 12.5z" fill="currentColor"/></svg><span class="theme-label">深色 <span lang="en">Dark</span></span>';
  b.addEventListener("click", () => {
    const next = dark() ? "light" : "dark";
    const system = systemDark?.matches ? "dark" : "light";
    writeSetting(THEME_KEY, next === system ? "" : next);
    attr("data-theme", next === system ? "" : next);
    sync();
  });
  (document.querySelector(".site-header") || document.body).appendChild(b);
  button = b;
  sync();
});
systemDark?.addEventListener?.("change", sync);
// Another tab changed a setting, or the page came back from the back/forward cache.
window.addEventListener("storage", (e) => {
  if (e.key === THEME_KEY || e.key === MODE_KEY || e.key === null) {
    apply();
    sync();
  }
});
window.addEventListener("pageshow", (e) => {
  if (e.persisted) {
    apply();
    sync();
  }
});
