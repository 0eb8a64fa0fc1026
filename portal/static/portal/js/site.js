/* Progressive enhancement only: the site works without this file. */
(function () {
  "use strict";

  /* Video facades: the provider's player is requested only after the visitor presses play. */
  document.addEventListener("click", function (event) {
    var play = event.target.closest(".video-facade__play");
    if (!play) return;
    var facade = play.closest(".video-facade");
    var url = facade && facade.getAttribute("data-embed-url");
    if (!url) return;
    event.preventDefault();
    var frame = document.createElement("iframe");
    frame.src = url;
    frame.title = facade.getAttribute("data-title") || "";
    frame.allow = "fullscreen; picture-in-picture";
    frame.setAttribute("allowfullscreen", "");
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var poster = facade.querySelector(".video-facade__poster, picture");
    if (poster) poster.replaceWith(frame); else facade.prepend(frame);
    var fallback = document.createElement("a"); /* the film on its platform, should the player fail */
    fallback.className = "video-facade__link";
    fallback.href = play.href;
    fallback.rel = "noopener";
    fallback.textContent = facade.getAttribute("data-fallback");
    play.replaceWith(fallback);
    frame.focus();
  });

  /* Header disclosures (search, menu; templates/base.html): they work as plain <details>. Opening
     one closes the other, the search puts the cursor in its box, and Escape closes the open one,
     returning focus to its summary. */
  var disclosures = document.querySelectorAll(".header-disclosure");
  Array.prototype.forEach.call(disclosures, function (disclosure) {
    disclosure.addEventListener("toggle", function () {
      if (!disclosure.open) return;
      Array.prototype.forEach.call(disclosures, function (other) { if (other !== disclosure) other.open = false; });
      var field = disclosure.querySelector("input[type=search]");
      if (field && getComputedStyle(disclosure.querySelector("summary")).display !== "none") field.focus();
    });
    disclosure.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !disclosure.open) return;
      disclosure.open = false;
      disclosure.querySelector("summary").focus();
    });
  });

  /* Large-text view: the hotline bar is sticky there; telling the CSS its real height lets
     scroll-padding keep focused elements and anchor targets from sliding under it. */
  var hotlineBar = document.querySelector(".view-large .hotline-bar");
  if (hotlineBar && "ResizeObserver" in window) {
    new ResizeObserver(function () {
      document.documentElement.style.setProperty("--hotline-bar-height", hotlineBar.offsetHeight + 16 + "px");
    }).observe(hotlineBar);
  }

  /* Read aloud ("朗读全文"): the browser's speech synthesis speaks the chosen part of the page in the
     page's language. The controls stay hidden where the browser has no speech synthesis. The text
     is queued one line at a time: some engines cut a single long utterance off after ~15 seconds. */
  if (!("speechSynthesis" in window)) return;
  var readers = document.querySelectorAll("[data-read-aloud]");
  Array.prototype.forEach.call(readers, function (controls) { controls.hidden = false; });

  function voiceFor(lang) {
    var wanted = (lang === "zh-Hans" ? "zh-CN" : lang).toLowerCase();
    var voices = window.speechSynthesis.getVoices();
    var matches = function (prefix) {
      return voices.filter(function (voice) { return voice.lang.replace("_", "-").toLowerCase().indexOf(prefix) === 0; })[0];
    };
    return matches(wanted) || matches(wanted.split("-")[0]) || null;
  }

  function linesToRead(container, controls) {
    var lines = [];
    Array.prototype.forEach.call(container.children, function (child) {
      if (child === controls) return;
      child.innerText.split(/\n+/).forEach(function (line) {
        if (line.trim()) lines.push(line.trim());
      });
    });
    return lines;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-read-aloud] button");
    if (!button) return;
    var controls = button.closest("[data-read-aloud]");
    var synth = window.speechSynthesis;
    synth.cancel();
    if (button.value !== "start") return;
    var container = document.getElementById(controls.getAttribute("data-read-aloud"));
    var lang = document.documentElement.lang;
    var voice = voiceFor(lang);
    linesToRead(container, controls).forEach(function (line) {
      var utterance = new SpeechSynthesisUtterance(line);
      utterance.lang = lang;
      if (voice) utterance.voice = voice;
      synth.speak(utterance);
    });
  });
})();
