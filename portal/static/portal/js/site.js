/* Progressive enhancement only: the site works without this file.
   Video facades: the provider's player is requested only after the visitor presses play. */
(function () {
  "use strict";
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
    play.remove();
    frame.focus();
  });
})();
