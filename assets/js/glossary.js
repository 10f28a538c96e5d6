// Glossary pop-ups, an enhancement: without this script each reference is a link to its
// entry in the page's term list (このページの用語), which links back to every use.
// With it, each reference becomes a toggle button (aria-expanded, aria-controls) followed
// by its pop-up, which holds a copy of the entry. WCAG 2.1 SC 1.4.13: it opens only on
// click, tap, Enter or Space; it stays until Esc, 閉じる, a tap outside, the term again or
// another term; focus returns to the term. One pop-up at a time; it sits below the term
// (above when there is no room), never over it, and within the screen.
// Keep each statement on its own lines: keikaku strips comment lines and indentation only.
(function () {
  "use strict";
  var current = null;
  var doc = document;

  function close(refocus) {
    if (!current) return;
    var c = current;
    current = null;
    c.b.setAttribute("aria-expanded", "false");
    c.p.hidden = true;
    if (refocus) c.b.focus();
  }

  // Page coordinates of the pop-up: below the term, or above it when the screen has no
  // room below and has room above; left-aligned with the term but kept on the screen.
  function place(b, p) {
    var r = b.getBoundingClientRect();
    var w = doc.documentElement.clientWidth;
    var h = window.innerHeight;
    var ph = p.offsetHeight;
    var pw = p.offsetWidth;
    var top = r.bottom + 6;
    if (top + ph > h && r.top - ph - 6 >= 0) top = r.top - ph - 6;
    var left = Math.max(8, Math.min(r.left, w - pw - 8));
    var o = p.offsetParent;
    var base = o && o !== doc.body ? o.getBoundingClientRect() : { left: -window.pageXOffset, top: -window.pageYOffset };
    p.style.left = left - base.left + "px";
    p.style.top = top - base.top + "px";
    // Scroll a pop-up that runs off the bottom into view, as far as the term stays visible.
    var below = top + ph + 8 - h;
    if (below > 0 && top > r.top) window.scrollBy(0, Math.min(below, Math.max(0, r.top - 8)));
  }

  function open(b, p) {
    close(false);
    current = { b: b, p: p };
    b.setAttribute("aria-expanded", "true");
    p.hidden = false;
    place(b, p);
  }

  // A copy of the entry without ids (they stay unique) and without the links back to the text.
  function copy(node, into) {
    for (var n = node.firstChild; n; n = n.nextSibling) {
      if (n.className === "term-uses") continue;
      var c = n.cloneNode(true);
      if (c.removeAttribute) {
        c.removeAttribute("id");
        var ids = c.querySelectorAll("[id]");
        for (var i = 0; i < ids.length; i++) ids[i].removeAttribute("id");
      }
      into.appendChild(c);
    }
  }

  // The term as it reads: without its readings (rt, rp, a name's kana) or hidden labels.
  function shownText(node) {
    var c = node.cloneNode(true);
    var hidden = c.querySelectorAll("rt, rp, .vh, .kana-sr");
    for (var i = 0; i < hidden.length; i++) hidden[i].parentNode.removeChild(hidden[i]);
    return c.textContent;
  }

  function enhance(a, n) {
    var dt = doc.getElementById(a.getAttribute("href").slice(1));
    if (!dt || dt.tagName !== "DT" || !dt.nextElementSibling) return;
    var b = doc.createElement("button");
    b.type = "button";
    b.className = "term";
    if (a.id) b.id = a.id;
    b.setAttribute("aria-expanded", "false");
    b.setAttribute("aria-controls", "term-pop-" + n);
    var name = shownText(a);
    while (a.firstChild) b.appendChild(a.firstChild);

    var p = doc.createElement("div");
    p.className = "term-pop";
    p.id = "term-pop-" + n;
    p.hidden = true;
    p.setAttribute("role", "group");
    p.setAttribute("aria-label", "「" + name + "」の説明");
    var head = doc.createElement("div");
    head.className = "term-pop-head";
    var title = doc.createElement("p");
    title.className = "term-pop-title";
    copy(dt, title);
    var x = doc.createElement("button");
    x.type = "button";
    x.className = "term-pop-close";
    x.textContent = "閉じる";
    head.appendChild(title);
    head.appendChild(x);
    p.appendChild(head);
    copy(dt.nextElementSibling, p);

    b.addEventListener("click", function () {
      if (current && current.b === b) close(false);
      else open(b, p);
    });
    x.addEventListener("click", function () {
      close(true);
    });
    a.parentNode.replaceChild(b, a);
    b.parentNode.insertBefore(p, b.nextSibling);
  }

  var refs = doc.querySelectorAll("a.term[href^='#']");
  for (var i = 0; i < refs.length; i++) {
    if (!refs[i].closest(".glossary")) enhance(refs[i], i + 1);
  }

  doc.addEventListener("keydown", function (e) {
    if (current && (e.key === "Escape" || e.key === "Esc")) {
      var inside = current.p.contains(doc.activeElement) || current.b === doc.activeElement;
      close(inside);
    }
  });
  doc.addEventListener("pointerdown", function (e) {
    if (current && !current.p.contains(e.target) && !current.b.contains(e.target)) close(false);
  });
  window.addEventListener("resize", function () {
    if (current) place(current.b, current.p);
  });
})();
