/* localoffer: an abbreviation tapped or clicked shows its meaning in the
   text, because phones show no tooltips. Without JavaScript the meanings are listed at the
   end of each setting's page. */
(function () {
  "use strict";
  function toggle(abbr) {
    var next = abbr.nextSibling;
    if (next && next.nodeType === 1 && next.classList.contains("lo-abbr-expansion")) {
      next.remove();
      abbr.setAttribute("aria-expanded", "false");
      return;
    }
    var expansion = document.createElement("span");
    expansion.className = "lo-abbr-expansion";
    expansion.textContent = " (" + abbr.getAttribute("title") + ")";
    abbr.after(expansion);
    abbr.setAttribute("aria-expanded", "true");
  }
  document.addEventListener("click", function (event) {
    var abbr = event.target.closest && event.target.closest(".md-typeset abbr[title]");
    if (abbr) { toggle(abbr); }
  });
})();
