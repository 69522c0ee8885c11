/* Small comforts on top of pages that work without JavaScript (loaded from this site only). */
(function () {
  "use strict";

  function menus() {
    return Array.prototype.slice.call(document.querySelectorAll("details.menu"));
  }

  // Header menus (<details>): one open at a time; Escape or a click elsewhere closes them.
  document.addEventListener("toggle", function (event) {
    var opened = event.target;
    if (!opened.matches || !opened.matches("details.menu") || !opened.open) return;
    menus().forEach(function (menu) {
      if (menu !== opened) menu.open = false;
    });
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    menus().forEach(function (menu) {
      if (!menu.open) return;
      var hadFocus = menu.contains(document.activeElement);
      menu.open = false;
      if (hadFocus) menu.querySelector("summary").focus();
    });
  });

  document.addEventListener("click", function (event) {
    menus().forEach(function (menu) {
      if (menu.open && !menu.contains(event.target)) menu.open = false;
    });
  });

  // On a narrow screen the main navigation scrolls sideways: bring the current page into view.
  document.addEventListener("DOMContentLoaded", function () {
    var current = document.querySelector(".main-nav a[aria-current='page']");
    var list = current && current.closest("ul");
    if (list && list.scrollWidth > list.clientWidth) {
      list.scrollLeft = current.offsetLeft - (list.clientWidth - current.offsetWidth) / 2;
    }
  });
})();
