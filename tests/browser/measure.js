/* Measurements taken inside the page for tests/browser/ (loaded by conftest.measure()).
   Each function returns plain data; the Python tests hold the thresholds and the messages. */
window.portalMeasure = (function () {
  "use strict";

  var CONTROLS = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])';
  // The controls the large view must make at least 60 x 60 CSS px.
  var PRIMARY = ".view-switch__button, .header-disclosure > summary, .main-nav a, .search-box button, .search-page-form button, " +
    ".video-facade__play, .pagination a, button[type='submit'], .read-aloud button";
  var SINGLE_COLUMN = ".card-grid, .tiles, .footer-grid, .audience-sections, .hero__inner, .search-layout";

  function describe(el) {
    var parts = [];
    for (var node = el; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
      var part = node.tagName.toLowerCase();
      if (node.id) { parts.unshift(part + "#" + node.id); break; }
      if (node.classList.length) part += "." + Array.prototype.join.call(node.classList, ".");
      parts.unshift(part);
    }
    return parts.join(" > ");
  }

  function px(value) { return parseFloat(value) || 0; }

  function isShown(el) {
    // checkVisibility() also sees content the browser skips, such as a closed <details>'s contents.
    if (el.checkVisibility && !el.checkVisibility()) return false;
    var style = getComputedStyle(el);
    if (style.visibility !== "visible" || px(style.opacity) === 0) return false;
    var rect = el.getBoundingClientRect();
    return rect.width > 1 && rect.height > 1;
  }

  /* Every visible, non-blank text node: its size, line height, alignment and measure. */
  function textNodes() {
    var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    var found = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var text = node.textContent.trim();
      var el = node.parentElement;
      if (!text || !el || el.closest("script, style, noscript, [hidden], [aria-hidden='true'] svg")) continue;
      var range = document.createRange();
      range.selectNodeContents(node);
      var rect = range.getBoundingClientRect();
      if (rect.width <= 1 || rect.height <= 1 || !isShown(el)) continue;
      var style = getComputedStyle(el);
      var block = el;
      while (block.parentElement && getComputedStyle(block).display.indexOf("inline") === 0) block = block.parentElement;
      var blockStyle = getComputedStyle(block);
      var width = block.clientWidth - px(blockStyle.paddingLeft) - px(blockStyle.paddingRight);
      found.push({
        text: text.slice(0, 40), where: describe(el), fontSize: px(style.fontSize),
        lineHeight: style.lineHeight === "normal" ? null : px(style.lineHeight),
        textAlign: blockStyle.textAlign, measure: width / px(style.fontSize),
      });
    }
    return found;
  }

  /* Vertical gap between consecutive visible paragraphs in main, against half their line height. */
  function paragraphGaps() {
    var gaps = [];
    document.querySelectorAll("main p").forEach(function (p) {
      var next = p.nextElementSibling;
      if (!next || next.tagName !== "P" || !isShown(p) || !isShown(next)) return;
      gaps.push({
        where: describe(p), gap: next.getBoundingClientRect().top - p.getBoundingClientRect().bottom,
        lineHeight: px(getComputedStyle(p).lineHeight),
      });
    });
    return gaps;
  }

  /* A link is inline (exempt from target sizes, WCAG 2.5.8) when it sits in running text. */
  function isInline(el) {
    if (getComputedStyle(el).display !== "inline") return false;
    var own = el.textContent.trim().length;
    return el.parentElement.textContent.trim().length > own;
  }

  function targets() {
    var found = [];
    document.querySelectorAll(CONTROLS).forEach(function (el) {
      if (!isShown(el)) return;
      var rect = el.getBoundingClientRect();
      found.push({
        where: describe(el), text: (el.textContent || el.value || "").trim().slice(0, 30),
        width: rect.width, height: rect.height, primary: el.matches(PRIMARY), inline: isInline(el),
      });
    });
    return found;
  }

  /* Items of each multi-column layout that do not start at the same left edge as the first. */
  function columns() {
    var found = [];
    document.querySelectorAll(SINGLE_COLUMN).forEach(function (grid) {
      var lefts = Array.prototype.filter.call(grid.children, isShown).map(function (child) {
        return Math.round(child.getBoundingClientRect().left);
      });
      var distinct = lefts.filter(function (left, index) { return lefts.indexOf(left) === index; });
      found.push({ where: describe(grid), columns: distinct.length });
    });
    return found;
  }

  /* Elements whose content does not fit their box (text cut off or spilling out). */
  function overflowing() {
    var found = [];
    document.querySelectorAll("body *").forEach(function (el) {
      if (!isShown(el) || el.closest(".visually-hidden, .table-wrap")) return;
      var style = getComputedStyle(el);
      if (style.display.indexOf("inline") === 0 && style.display !== "inline-block" && style.display !== "inline-flex") return;
      if (["auto", "scroll"].indexOf(style.overflowX) >= 0) return;
      /* A link cut with … on purpose (the phone's one-line alert banner): its page holds the whole text. */
      if (el.tagName === "A" && style.textOverflow === "ellipsis") return;
      var hasText = Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
      if (!hasText) return;
      if (el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1) {
        found.push({ where: describe(el), text: el.textContent.trim().slice(0, 40),
          box: [el.clientWidth, el.clientHeight], content: [el.scrollWidth, el.scrollHeight] });
      }
    });
    return found;
  }

  /* The h1 in main and the first text block after it: the first shown element that holds text of
     its own and is not inline (a paragraph, a heading, a label, a list item). Boxes in viewport px. */
  function firstScreen() {
    var h1 = document.querySelector("main h1");
    if (!h1) return null;
    var box = function (el) { var r = el.getBoundingClientRect(); return { top: r.top, bottom: r.bottom }; };
    var after = Array.prototype.filter.call(document.querySelectorAll("main *"), function (el) {
      if (!(h1.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) || h1.contains(el)) return false;
      if (getComputedStyle(el).display.indexOf("inline") === 0 || !isShown(el)) return false;
      return Array.prototype.some.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
    });
    var first = after[0];
    /* Its first line: the box of the first line of its own text (the issue asks for the first line). */
    var firstLine = function (el) {
      var text = Array.prototype.find.call(el.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); });
      var range = document.createRange();
      range.selectNodeContents(text);
      var line = range.getClientRects()[0];
      return { top: line.top, bottom: line.bottom };
    };
    return { h1: box(h1), first: first ? firstLine(first) : null, firstWhere: first ? describe(first) : null,
      firstText: first ? first.textContent.trim().slice(0, 40) : null };
  }

  function pageWidth() {
    return { scrollWidth: document.documentElement.scrollWidth, viewport: document.documentElement.clientWidth };
  }

  /* WCAG relative luminance and contrast of "rgb(a)" strings. */
  function rgb(value) { return (value.match(/[\d.]+/g) || []).map(Number); }
  function luminance(c) {
    var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
  }
  function contrast(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }
  function backgroundBehind(el) {
    for (var node = el.parentElement; node; node = node.parentElement) {
      var c = rgb(getComputedStyle(node).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.9)) return c;
    }
    return [255, 255, 255];
  }

  /* The focused element: what it is, where it is, its focus indicator and whether anything covers it. */
  function focused() {
    var el = document.activeElement;
    if (!el || el === document.body) return null;
    var style = getComputedStyle(el);
    var rect = el.getBoundingClientRect();
    var background = backgroundBehind(el);
    var indicator = 0;
    if (style.outlineStyle !== "none" && px(style.outlineWidth) >= 2) {
      indicator = Math.max(indicator, contrast(rgb(style.outlineColor), background));
    }
    var shadow = style.boxShadow.match(/rgba?\([^)]*\)\s+0px\s+0px\s+0px\s+([\d.]+)px/);
    if (shadow && px(shadow[1]) >= 2) indicator = Math.max(indicator, contrast(rgb(shadow[0]), background));
    var x = Math.min(Math.max(rect.left + rect.width / 2, 0), innerWidth - 1);
    var y = Math.min(Math.max(rect.top + Math.min(rect.height / 2, 10), 0), innerHeight - 1);
    var top = document.elementFromPoint(x, y);
    return {
      where: describe(el), text: (el.textContent || el.value || "").trim().slice(0, 30),
      tag: el.tagName.toLowerCase(), classes: el.className, id: el.id,
      onScreen: rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth,
      covered: !!top && top !== el && !el.contains(top) ? describe(top) : null,
      indicatorContrast: indicator,
    };
  }

  return {
    textNodes: textNodes, paragraphGaps: paragraphGaps, targets: targets, columns: columns,
    overflowing: overflowing, pageWidth: pageWidth, focused: focused, firstScreen: firstScreen,
  };
})();
