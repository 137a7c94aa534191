/* Runs in <head>, before the first paint (loaded without defer; no inline script
   under the CSP): puts the remembered reading mode and colour theme on <html>, so
   the page is drawn right the first time, and marks <html class="js">. After
   parsing, adds the dark-mode toggle to the site header. The theme follows the
   system until the reader picks one; picking the system's own theme forgets the
   choice again. Keys are shared with assets/reader.js. */
(function (d, w) {
  "use strict";
  var r = d.documentElement, MODE = "transcripts.mode", THEME = "transcripts.theme";
  var mq = w.matchMedia && w.matchMedia("(prefers-color-scheme: dark)");
  function get(k) { try { return w.localStorage.getItem(k); } catch (e) { return null; } }
  function put(k, v) { try { if (v) w.localStorage.setItem(k, v); else w.localStorage.removeItem(k); } catch (e) { /* private mode: not remembered */ } }
  function attr(name, v) { if (v) r.setAttribute(name, v); else r.removeAttribute(name); }
  function apply() {
    var m = get(MODE), t = get(THEME);
    attr("data-mode", /^(il|en|zh)$/.test(m) ? m : "");
    attr("data-theme", /^(light|dark)$/.test(t) ? t : "");
  }
  function dark() { var t = r.getAttribute("data-theme"); return t ? t === "dark" : !!(mq && mq.matches); }
  apply();
  r.classList.add("js");

  var button;
  function sync() { if (button) button.setAttribute("aria-pressed", dark() ? "true" : "false"); }
  d.addEventListener("DOMContentLoaded", function () {
    button = d.createElement("button");
    button.type = "button";
    button.className = "theme";
    button.title = "深色模式 Dark mode";
    button.innerHTML = '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="6.25" fill="none" stroke="currentColor" stroke-width="1.5"/><path d="M8 1.75a6.25 6.25 0 0 1 0 12.5z" fill="currentColor"/></svg><span class="tl">深色 <span lang="en">Dark</span></span>';
    button.addEventListener("click", function () {
      var next = dark() ? "light" : "dark", system = mq && mq.matches ? "dark" : "light";
      put(THEME, next === system ? "" : next);
      attr("data-theme", next === system ? "" : next);
      sync();
    });
    (d.querySelector(".site-header") || d.body).appendChild(button);
    sync();
  });
  if (mq && mq.addEventListener) mq.addEventListener("change", sync);
  // Another tab changed a setting, or the page came back from the back/forward cache.
  w.addEventListener("storage", function (e) { if (e.key === THEME || e.key === MODE || e.key === null) { apply(); sync(); } });
  w.addEventListener("pageshow", function (e) { if (e.persisted) { apply(); sync(); } });
})(document, window);
