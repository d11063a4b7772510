/* django-base: the one small script, served from this site so the 'self' CSP allows it.
   The main menu is a <details>: it works without this script. With it, the menu stays open on
   wide screens (where CSS hides its summary) and closes on Escape or a click outside it. */
(function () {
  "use strict";

  // A tab bar scrolls sideways on phones: bring the current tab into view.
  var currentTab = document.querySelector(".tabs [aria-current]");
  if (currentTab) {
    currentTab.parentElement.scrollLeft = currentTab.offsetLeft - currentTab.parentElement.offsetLeft - 16;
  }

  var menu = document.querySelector("[data-nav-menu]");
  if (!menu) {
    return;
  }
  var wide = window.matchMedia("(min-width: 48rem)");

  function fitToScreen() {
    menu.open = wide.matches;
  }

  fitToScreen();
  wide.addEventListener("change", fitToScreen);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && menu.open && !wide.matches) {
      menu.open = false;
      menu.querySelector("summary").focus();
    }
  });
  document.addEventListener("click", function (event) {
    if (menu.open && !wide.matches && !menu.contains(event.target)) {
      menu.open = false;
    }
  });
})();
