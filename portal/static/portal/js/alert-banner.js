/* The fraud-alert banner's "hide for this visit" button (templates/includes/alert_banner.html).
   Loaded synchronously right after the banner, so a banner hidden earlier in this browser session
   is hidden before it is painted. The choice lives in sessionStorage: it ends with the session,
   and a new or different alert shows again. Without JavaScript the banner simply stays. */
(function () {
  "use strict";
  var KEY = "portal:hidden-alert";
  var banners = document.querySelectorAll(".alert-banner[data-alert-id]");
  var banner = banners[banners.length - 1];
  if (!banner) return;
  var id = banner.getAttribute("data-alert-id");
  var storage;
  try {
    storage = window.sessionStorage;
    storage.getItem(KEY);
  } catch (error) {
    return; /* storage blocked: keep the banner, without a button that could not remember */
  }
  if (storage.getItem(KEY) === id) {
    banner.hidden = true;
    return;
  }
  var button = banner.querySelector(".alert-banner__hide");
  button.hidden = false;
  button.addEventListener("click", function () {
    storage.setItem(KEY, id);
    banner.hidden = true;
    var main = document.getElementById("main");
    if (main) main.focus(); /* the focused button is gone: continue from the main content */
  });
})();
