/* The transcript reader (deferred; assets/theme.js has already put the remembered
   mode on <html> before the first paint). Everything here is an enhancement: with
   JS off the page reads side by side, the mode radios still work through CSS,
   ¶ links and #p-N targets are plain HTML.
   - reading modes: radios + key M (Shift+M back), remembered, position kept;
   - "Copy quote" beside each ¶ link: the text in the language(s) on screen
     plus speaker, title, date and permalink;
   - contents: disclosure on narrow screens, current section marked. */
(function (d, w) {
  "use strict";
  var art = d.querySelector("article.t");
  if (!art) return;
  var r = d.documentElement, MODE = "transcripts.mode";
  var MODES = ["sbs", "il", "en", "zh"];
  var NAMES = { sbs: "并排 Side by side", il: "交替 Interleaved", en: "English", zh: "中文" };
  var live = d.getElementById("live"), liveTimer = 0;
  function say(text) {
    if (!live) return;
    live.textContent = "";
    clearTimeout(liveTimer);
    liveTimer = setTimeout(function () { live.textContent = text; }, 60);
  }
  function forEach(list, fn) { Array.prototype.forEach.call(list, fn); }
  function txt(sel) { var el = art.querySelector(sel); return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; }

  /* ---- Reading modes ---- */
  var modes = d.getElementById("modes");
  function current() { var m = r.getAttribute("data-mode"); return MODES.indexOf(m) > 0 ? m : "sbs"; }
  function syncRadio() { var el = d.getElementById("m-" + current()); if (el) el.checked = true; }
  /** The first row or heading at the top of the viewport, to keep in place across a mode change. */
  function anchor() {
    var rows = art.querySelectorAll(".t-body h2, .p, .x"), lo = 0, hi = rows.length - 1, found = null;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (rows[mid].getBoundingClientRect().bottom > 0) { found = rows[mid]; hi = mid - 1; } else lo = mid + 1;
    }
    return found;
  }
  function setMode(m, announce) {
    if (MODES.indexOf(m) < 0) m = "sbs";
    var a = w.scrollY > 0 ? anchor() : null, before = a ? a.getBoundingClientRect().top : 0;
    if (m === "sbs") r.removeAttribute("data-mode"); else r.setAttribute("data-mode", m);
    try { if (m === "sbs") w.localStorage.removeItem(MODE); else w.localStorage.setItem(MODE, m); } catch (e) { /* not remembered */ }
    syncRadio();
    if (a) w.scrollBy(0, a.getBoundingClientRect().top - before);
    if (announce) say("阅读模式 Reading mode: " + NAMES[m]);
  }
  if (modes) {
    syncRadio();
    modes.addEventListener("change", function (e) { if (e.target.name === "mode") setMode(e.target.value, false); });
    d.addEventListener("keydown", function (e) {
      if ((e.key !== "m" && e.key !== "M") || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.defaultPrevented) return;
      var t = e.target, tag = t && t.tagName;
      if (t && (t.isContentEditable || tag === "TEXTAREA" || tag === "SELECT" ||
        (tag === "INPUT" && !/^(radio|checkbox|button|submit|reset)$/.test(t.type)))) return;
      e.preventDefault();
      setMode(MODES[(MODES.indexOf(current()) + (e.shiftKey ? MODES.length - 1 : 1)) % MODES.length], true);
    });
    w.addEventListener("storage", syncRadio);
    w.addEventListener("pageshow", syncRadio);
  }

  /* ---- Copy quote ---- */
  var tpl = d.createElement("button");
  tpl.type = "button";
  tpl.className = "cq";
  tpl.title = "复制引文 Copy quote";
  tpl.innerHTML = '<svg class="cp" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><rect x="5.5" y="5.5" width="8" height="8.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M10.5 3.5v-.5a1.5 1.5 0 0 0-1.5-1.5h-5a1.5 1.5 0 0 0-1.5 1.5v6a1.5 1.5 0 0 0 1.5 1.5h.5" fill="none" stroke="currentColor" stroke-width="1.4"/></svg>' +
    '<svg class="ok" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><path d="M3 8.5l3.2 3.2L13 4.5" fill="none" stroke="currentColor" stroke-width="1.8"/></svg>';
  forEach(art.querySelectorAll(".pl"), function (pl) {
    var b = tpl.cloneNode(true);
    b.setAttribute("aria-label", "复制引文 Copy quote " + pl.getAttribute("href").slice(3));
    pl.parentNode.insertBefore(b, pl.nextSibling);
  });

  function plain(el) {
    var c = el.cloneNode(true);
    forEach(c.querySelectorAll(".sp, .pl, .cq"), function (x) { x.parentNode.removeChild(x); });
    return c.textContent.replace(/\s+/g, " ").trim();
  }
  function shown(el) { return el.getClientRects().length > 0; }
  /** The quote as it is on screen, with its citation. */
  function quote(row) {
    var sides = row.hasAttribute("data-pair")
      ? Array.prototype.filter.call(row.children, function (c) { return c.lang && !c.hasAttribute("data-missing"); })
      : [row];
    var visible = sides.filter(shown);
    if (!visible.length) visible = sides;
    var speakers = [], lines = [];
    visible.forEach(function (s) {
      var sp = s.querySelector(".sp"), name = sp && sp.textContent.trim();
      if (name && speakers.indexOf(name) < 0) speakers.push(name);
      lines.push("“" + plain(s) + "”");
    });
    var title = txt(".t-title"), h1 = art.querySelector(".t-title");
    var time = art.querySelector(".byline time");
    var cite = [
      speakers.join(" / ") || txt(".byline .who"),
      title && (h1 && h1.lang === "en" ? title : "《" + title + "》"),
      time ? time.getAttribute("datetime") : "",
    ].filter(Boolean).join(", ");
    var url = w.location.href.split("#")[0] + "#" + row.id;
    return lines.join("\n") + "\n— " + cite + "\n" + url;
  }
  function legacyCopy(text) {
    var ta = d.createElement("textarea"), focus = d.activeElement, ok = false;
    ta.value = text;
    ta.setAttribute("readonly", "");
    ta.className = "vh";
    d.body.appendChild(ta);
    ta.select();
    try { ok = d.execCommand("copy"); } catch (e) { ok = false; }
    d.body.removeChild(ta);
    if (focus && focus.focus) focus.focus();
    if (!ok) throw new Error("copy refused");
  }
  function copy(text) {
    if (w.navigator.clipboard && w.isSecureContext) {
      return w.navigator.clipboard.writeText(text).catch(function () { legacyCopy(text); });
    }
    return new Promise(function (ok) { legacyCopy(text); ok(); });
  }
  function copyRow(button) {
    var row = button.closest("[data-pair], [data-text]"), text = quote(row);
    copy(text).then(function () {
      button.classList.add("done");
      say("已复制引文 Quote copied");
      setTimeout(function () { button.classList.remove("done"); }, 2000);
    }, function () { say("复制失败 Copy failed"); });
  }
  var onRow = null;
  art.addEventListener("click", function (e) {
    var b = e.target.closest(".cq");
    if (b) { copyRow(b); return; }
    if (e.target.closest("a, button, input, label, summary")) return;
    var row = e.target.closest(".p, .x"), sel = w.getSelection();
    if (!row || (sel && !sel.isCollapsed)) return;
    // Tapping a row shows its ¶ and copy buttons (touch screens have no hover).
    if (onRow && onRow !== row) onRow.classList.remove("on");
    onRow = row.classList.toggle("on") ? row : null;
  });

  /* ---- Contents ---- */
  var toc = d.getElementById("toc");
  if (toc) {
    var btn = toc.querySelector(".toc-b"), narrow = w.matchMedia("(max-width: 860px)");
    var setOpen = function (open) { toc.classList.toggle("open", open); btn.setAttribute("aria-expanded", open ? "true" : "false"); };
    btn.addEventListener("click", function () { setOpen(!toc.classList.contains("open")); });
    toc.addEventListener("click", function (e) { if (narrow.matches && e.target.closest('a[href^="#"]')) setOpen(false); });

    var links = {}, secs = [], marked = null, frame = 0;
    forEach(toc.querySelectorAll('ol a[href^="#"]'), function (a) { links[a.getAttribute("href").slice(1)] = a; });
    forEach(art.querySelectorAll(".t-body > section"), function (s) { if (links[s.id]) secs.push(s); });
    var rail = toc.closest(".rail");
    var mark = function () {
      frame = 0;
      // The current section: the last one whose top is above 30% of the viewport.
      var line = w.innerHeight * 0.3, lo = 0, hi = secs.length - 1, found = -1;
      while (lo <= hi) {
        var mid = (lo + hi) >> 1;
        if (secs[mid].getBoundingClientRect().top <= line) { found = mid; lo = mid + 1; } else hi = mid - 1;
      }
      var a = found < 0 ? null : links[secs[found].id];
      if (a === marked) return;
      if (marked) marked.removeAttribute("aria-current");
      marked = a;
      if (!a) return;
      a.setAttribute("aria-current", "location");
      // Keep the marked entry in view inside the sticky rail, without scrolling the page.
      if (rail && rail.scrollHeight > rail.clientHeight + 1) {
        var ar = a.getBoundingClientRect(), rr = rail.getBoundingClientRect();
        if (ar.top < rr.top + 100 || ar.bottom > rr.bottom - 24) rail.scrollTop += ar.top - rr.top - rail.clientHeight / 3;
      }
    };
    var later = function () { if (!frame) frame = w.requestAnimationFrame(mark); };
    if (secs.length && "IntersectionObserver" in w) {
      var io = new IntersectionObserver(later, { rootMargin: "0px 0px -70% 0px" });
      secs.forEach(function (s) { io.observe(s); });
    }
    w.addEventListener("resize", later);
    later();
  }
})(document, window);
