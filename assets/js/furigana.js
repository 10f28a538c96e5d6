// The ふりがな switch in every page header: shows or hides the readings (rt) at once and
// remembers the reader's choice across pages (localStorage). Without this script the button
// stays hidden and the site's default applies (class furigana-off on <html>).
(function () {
  "use strict";
  var root = document.documentElement;
  var key = "keikaku-furigana";
  var button = document.querySelector(".furigana-switch");

  function show(on) {
    root.classList.toggle("furigana-off", !on);
    if (button) button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  var stored = null;
  try {
    stored = localStorage.getItem(key);
  } catch (e) {}
  show(stored ? stored === "on" : !root.classList.contains("furigana-off"));
  if (!button) return;
  button.hidden = false;
  button.addEventListener("click", function () {
    var on = root.classList.contains("furigana-off");
    show(on);
    try {
      localStorage.setItem(key, on ? "on" : "off");
    } catch (e) {}
  });
})();
