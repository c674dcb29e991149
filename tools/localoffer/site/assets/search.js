/* localoffer: search with Pagefind. Loads only the parts of the index that a search needs.
   Adds a Search button to the header, and runs searches on the search page (?q=words). */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var base = config ? (JSON.parse(config.textContent).base || ".") : ".";
  // Absolute, because import() resolves a relative address from this script, not the page.
  var root = new URL(base.replace(/\/?$/, "/"), document.baseURI).href;
  var searchUrl = root + "search/";

  function headerButton() {
    var header = document.querySelector(".md-header__inner");
    if (!header || document.querySelector(".lo-search-button")) { return; }
    var link = document.createElement("a");
    link.className = "md-header__button md-icon lo-search-button";
    link.href = searchUrl;
    link.setAttribute("aria-label", "Search");
    link.innerHTML = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" aria-hidden="true"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg>';
    var source = header.querySelector(".md-header__source");
    header.insertBefore(link, source);
  }

  function text(html) {
    // Decodes &amp; and friends; a textarea never runs or loads anything, and keeps spaces.
    var decoder = document.createElement("textarea");
    decoder.innerHTML = html;
    return decoder.value;
  }

  function excerpt(html) {
    // Pagefind marks the words found with <mark>; keep those and nothing else as markup.
    var paragraph = document.createElement("p");
    html.split(/(<mark>.*?<\/mark>)/).forEach(function (part) {
      var found = /^<mark>(.*)<\/mark>$/.exec(part);
      var node = found ? document.createElement("mark") : document.createTextNode("");
      node.textContent = text(found ? found[1] : part);
      paragraph.appendChild(node);
    });
    return paragraph;
  }

  async function run(form, query) {
    var status = document.getElementById("lo-search-status");
    var list = document.getElementById("lo-search-results");
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    status.textContent = "Searching…";
    var pagefind = await import(root + "pagefind/pagefind.js");
    // Result addresses are relative to the site's root, which may be a folder (mike's 2026-27/).
    await pagefind.options({ baseUrl: new URL(root).pathname });
    var search = await pagefind.search(query);
    var shown = 0;
    async function more() {
      var next = search.results.slice(shown, shown + 10);
      shown += next.length;
      var data = await Promise.all(next.map(function (result) { return result.data(); }));
      data.forEach(function (item) {
        var li = document.createElement("li");
        var link = document.createElement("a");
        link.href = item.url;
        link.textContent = text((item.meta && item.meta.title) || item.url);
        li.appendChild(link);
        li.appendChild(excerpt(item.excerpt || ""));
        list.appendChild(li);
      });
      var button = document.getElementById("lo-search-more");
      if (button) { button.remove(); }
      if (shown < search.results.length) {
        button = document.createElement("button");
        button.id = "lo-search-more";
        button.className = "md-button";
        button.type = "button";
        button.textContent = "Show more results";
        button.addEventListener("click", more);
        list.after(button);
      }
    }
    var count = search.results.length;
    status.textContent = count === 0 ? "No results for “" + query + "”. Try fewer or other words."
      : count + (count === 1 ? " result" : " results") + " for “" + query + "”.";
    await more();
  }

  function searchPage() {
    var form = document.querySelector(".lo-search-form");
    if (!form) { return; }
    var input = form.querySelector("input");
    var query = new URLSearchParams(window.location.search).get("q") || "";
    input.value = query;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
      run(form, input.value);
    });
    if (query) { run(form, query); } else { input.focus(); }
  }

  headerButton();
  searchPage();
})();
