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

  // The short name in a new municipality's web address follows its name, as the server would
  // make it, until someone types their own.
  function addressFrom(name) {
    return name.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase()
      .replace(/[^\w\s-]/g, "").replace(/[-\s]+/g, "-").replace(/^[-_]+|[-_]+$/g, "")
      .slice(0, 60).replace(/[-_]+$/, "");
  }

  document.addEventListener("DOMContentLoaded", function () {
    var address = document.querySelector("input[data-slug-from]");
    var name = address && document.getElementById(address.getAttribute("data-slug-from"));
    if (!name) return;
    var preview = document.querySelector("[data-slug-preview]");
    var own = address.value !== "" && address.value !== addressFrom(name.value);
    function show() {
      if (preview) preview.textContent = address.value || "\u2026";
    }
    address.addEventListener("input", function () {
      own = address.value !== "";
      show();
    });
    name.addEventListener("input", function () {
      if (!own) address.value = addressFrom(name.value);
      show();
    });
  });
})();
