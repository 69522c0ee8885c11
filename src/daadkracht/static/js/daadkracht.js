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

  // A form that comes back with errors: keyboard focus goes to its summary of errors (which
  // links to each field), or else to the first field marked invalid, so that neither a
  // keyboard nor a screen-reader user has to look for what went wrong.
  function focusFirstError(root) {
    var target = root.querySelector("[data-form-errors], [aria-invalid='true']");
    if (!target) return;
    if (!target.hasAttribute("tabindex") && target.matches("[data-form-errors]")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusFirstError(document);
  });

  // A link of the summary takes the focus into its field, not just the view to it.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-form-errors] a[href^='#']");
    var field = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    var folded = field.closest("details:not([open])");
    if (folded) folded.open = true;
    field.focus();
  });

  // The same for a form that htmx puts back in the page (a quick update, a task).
  document.addEventListener("htmx:afterSettle", function (event) {
    if (event.target.querySelector) focusFirstError(event.target);
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

  // The party lines of a work agreement: spare lines stay hidden until someone asks for one
  // more; focus goes to its department.
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("[data-party-lines]"), function (set) {
      var button = set.querySelector("[data-add-line]");
      var note = set.querySelector("[data-more-lines-note]");
      if (!button || !set.querySelector("[data-spare-line][hidden]")) return;
      button.hidden = false;
      if (note) note.hidden = true;
      button.addEventListener("click", function () {
        var line = set.querySelector("[data-spare-line][hidden]");
        if (!line) return;
        line.hidden = false;
        var field = line.querySelector("select, input");
        if (field) field.focus();
        if (!set.querySelector("[data-spare-line][hidden]")) button.hidden = true;
      });
    });
  });
})();
