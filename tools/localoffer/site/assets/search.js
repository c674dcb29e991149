/* localoffer: search with Pagefind. Loads only the parts of the index that a search needs.
   Adds a Search button to the header, and runs searches on the search page (?q=words).
   Search that answers parents (the words come from words/search-words.json, written by
   site/search_words.py from the borough's glossary and the kinds of need):
   - a glossary term's meaning shows first ("EHCP", or "dyslexia" for SpLD);
   - words that mean the same find each other: "ASD" is also searched as "autism", "SpLD" as
     "dyslexia"; the results of each form are merged, best first;
   - a word close to the one typed ranks below the word itself ("SEN" before "sensory");
   - a search that finds nothing points to Find a setting and the lists. */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var base = config ? (JSON.parse(config.textContent).base || ".") : ".";
  // Absolute, because import() resolves a relative address from this script, not the page.
  var root = new URL(base.replace(/\/?$/, "/"), document.baseURI).href;
  var searchUrl = root + "search/";

  var wordsData = null;

  function loadWords() {
    if (!wordsData) {
      wordsData = fetch(root + "words/search-words.json")
        .then(function (response) { return response.json(); })
        .catch(function () { return { groups: [], terms: {} }; });  // word for word, then
    }
    return wordsData;
  }

  function words(text) { return text.toLowerCase().match(/[a-z0-9]+/g) || []; }

  // The little words a glossary meaning is stored without (search_words.py).
  var LITTLE = ["a", "an", "and", "or", "of", "the", "for", "to", "in", "with"];

  function key(text) {
    return words(text).filter(function (word) { return LITTLE.indexOf(word) < 0; }).join(" ");
  }

  // The glossary term a query asks about: the term itself, or a word that means the same
  // as exactly one term ("dyslexia" is SpLD; "autism" is both ASD and ASC, so neither).
  function termFor(query, data) {
    var typed = key(query);
    if (!typed) { return null; }
    if (data.terms[typed]) { return data.terms[typed]; }
    var found = [];
    data.groups.forEach(function (group) {
      if (!group.some(function (member) { return key(member) === typed; })) { return; }
      group.forEach(function (member) {
        if (data.terms[member] && found.indexOf(member) < 0) { found.push(member); }
      });
    });
    return found.length === 1 ? data.terms[found[0]] : null;
  }

  // The query, then the same query with each word (or words) that has another form written
  // in that form: "ASD in Hollins" is also searched as "autism in Hollins".
  function forms(query, data) {
    var typed = words(query);
    var found = [query.trim()];
    data.groups.forEach(function (group) {
      group.forEach(function (member) {
        var parts = words(member);
        if (!parts.length || !parts.every(function (part) { return typed.indexOf(part) >= 0; })) {
          return;
        }
        var rest = typed.filter(function (word) { return parts.indexOf(word) < 0; });
        group.forEach(function (other) {
          var form = rest.concat(words(other)).join(" ");
          if (other !== member && found.indexOf(form) < 0) { found.push(form); }
        });
      });
    });
    return found.slice(0, 8);
  }

  // The index comes in shards (site/search_shards.py, listed in pagefind/shards.json), each
  // holding whole towns where it can: a search in one area loads only the shards that hold
  // its settings, and the `area` filter (each town's key, in area_keys) leaves out the other
  // towns in them.
  var listing = null;

  function loadListing() {
    if (!listing) {
      listing = fetch(root + "pagefind/shards.json")
        .then(function (response) { return response.json(); });
    }
    return listing;
  }

  // What the select means by "every area" (a town named "*" is searched as every area).
  var EVERY = "*";
  var index = null;
  var indexArea = null;
  var used = null;  // the Pagefind module the last index was made with

  // Pagefind's ids of pages indexed again in the delta shard, or gone: their old results are
  // left out.
  var dropped = {};

  // The shards of `area` (every shard for EVERY): the first one's Pagefind runs the search,
  // and merges the others, so the results are one list ranked together. null when no setting
  // is indexed.
  function loadIndex(area) {
    if (index && indexArea === area) { return index; }
    var before = index;
    indexArea = area;
    index = loadListing().then(async function (listed) {
      (listed.drop || []).forEach(function (id) { dropped[id] = true; });
      var areas = listed.areas || {};
      var own = area !== EVERY && Object.prototype.hasOwnProperty.call(areas, area);
      var shards = own ? areas[area] : listed.shards;
      if (before) { await before.catch(function () { return null; }); }
      if (used) { await used.destroy(); used = null; }
      if (!shards.length) { return null; }
      var folder = root + "pagefind/";
      var pagefind = await import(folder + shards[0] + "pagefind.js");
      // Result addresses are relative to the site's root, which may be a folder (mike's
      // 2026-27/). termSimilarity: a page with the word typed ranks above one with a
      // longer word it starts. noWorker: the search runs in the page, which saves the
      // 41 kB of Pagefind's worker script on every search (a search takes milliseconds).
      var options = { baseUrl: new URL(root).pathname, ranking: { termSimilarity: 5 },
                      noWorker: true };
      await pagefind.options(Object.assign({ basePath: folder + shards[0] }, options));
      await Promise.all(shards.slice(1).map(function (shard) {
        return pagefind.mergeIndex(folder + shard, options);
      }));
      used = pagefind;
      return pagefind;
    });
    return index;
  }

  async function searchForms(pagefind, query, data, area) {
    var keys = (await loadListing()).area_keys || {};
    var own = area !== EVERY && Object.prototype.hasOwnProperty.call(keys, area);
    var filters = own ? { filters: { area: keys[area] } } : {};
    var searches = await Promise.all(forms(query, data).map(function (form) {
      return pagefind.search(form, filters);
    }));
    var best = {};
    searches.forEach(function (search, index) {
      search.results.forEach(function (result) {
        if (dropped[result.id]) { return; }
        // What was typed counts a little more than a word that means the same.
        var score = result.score * (index === 0 ? 1.1 : 1);
        if (!best[result.id] || best[result.id].score < score) {
          best[result.id] = { score: score, result: result };
        }
      });
    });
    return Object.keys(best).map(function (id) { return best[id]; })
      .sort(function (a, b) { return b.score - a.score; })
      .map(function (entry) { return entry.result; });
  }

  function meaningFirst(list, term) {
    var li = document.createElement("li");
    li.className = "lo-search-term";
    var link = document.createElement("a");
    link.href = root + term[2];
    link.textContent = term[0];
    li.appendChild(link);
    var meaning = document.createElement("p");
    meaning.textContent = term[1];
    li.appendChild(meaning);
    list.appendChild(li);
  }

  function pointToLists(list) {
    var note = document.createElement("p");
    note.id = "lo-search-none";
    note.className = "lo-search-none";
    note.appendChild(document.createTextNode("Nothing found. Try other words, or "));
    var link = document.createElement("a");
    link.href = root + "find/";
    link.textContent = "find a setting by age, need and area";
    note.appendChild(link);
    note.appendChild(document.createTextNode(". Or look through "));
    var all = document.createElement("a");
    all.href = root + "settings/";
    all.textContent = "every setting from A to Z";
    note.appendChild(all);
    note.appendChild(document.createTextNode("."));
    list.after(note);
  }

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

  async function run(form, query, area) {
    var status = document.getElementById("lo-search-status");
    var list = document.getElementById("lo-search-results");
    list.textContent = "";
    var none = document.getElementById("lo-search-none");
    if (none) { none.remove(); }
    if (!query.trim()) { status.textContent = ""; return; }
    if (!area) {
      status.textContent = "Choose an area to search in.";
      form.querySelector("select").focus();
      return;
    }
    status.textContent = "Searching…";
    var pagefind = await loadIndex(area);
    var data = await loadWords();
    var results = pagefind ? await searchForms(pagefind, query, data, area) : [];
    var term = termFor(query, data);
    if (term) { meaningFirst(list, term); }
    var shown = 0;
    async function more() {
      var next = results.slice(shown, shown + 10);
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
      if (shown < results.length) {
        button = document.createElement("button");
        button.id = "lo-search-more";
        button.className = "md-button";
        button.type = "button";
        button.textContent = "Show more results";
        button.addEventListener("click", more);
        list.after(button);
      }
    }
    var count = results.length + (term ? 1 : 0);
    await more();
    // Said once the first results are on the page, so a screen reader can move to them.
    status.textContent = count === 0 ? "No results for “" + query + "”."
      : count + (count === 1 ? " result" : " results") + " for “" + query + "”.";
    if (count === 0) { pointToLists(list); }
  }

  var AREA_KEY = "localoffer-search-area";

  function remembered() {
    try { return window.localStorage.getItem(AREA_KEY); } catch (error) { return null; }
  }

  function remember(area) {
    try { window.localStorage.setItem(AREA_KEY, area); } catch (error) { /* not kept */ }
  }

  function option(select, value, label) {
    var item = document.createElement("option");
    item.value = value;
    item.textContent = label;
    select.appendChild(item);
  }

  // A choice of area when the index names more than one town. Where the index is in several
  // shards the choice is needed, so a search downloads only the chosen area's shards: a
  // parent on a phone chooses their own area, or every area knowingly.
  function areaChoice(form, listed, chosen) {
    var towns = Object.keys(listed.areas || {});
    if (towns.length < 2) { return null; }
    var needed = listed.shards.length > 1;
    var row = document.createElement("div");
    row.className = "lo-search-area";
    var label = document.createElement("label");
    label.htmlFor = "lo-search-area";
    label.textContent = "Area";
    var select = document.createElement("select");
    select.id = "lo-search-area";
    select.name = "area";
    if (needed) {
      select.required = true;
      option(select, "", "Choose an area");
    } else {
      option(select, EVERY, "Every area");
    }
    towns.forEach(function (town) { option(select, town, town); });
    if (needed) { option(select, EVERY, "Every area (a bigger download)"); }
    var known = towns.concat([EVERY]);
    select.value = known.indexOf(chosen) >= 0 ? chosen
      : (known.indexOf(remembered()) >= 0 ? remembered() : select.options[0].value);
    row.appendChild(label);
    row.appendChild(select);
    form.insertBefore(row, form.querySelector(".lo-search-row"));
    return select;
  }

  async function searchPage() {
    var form = document.querySelector(".lo-search-form");
    if (!form) { return; }
    var input = form.querySelector("input");
    var asked = new URLSearchParams(window.location.search);
    var query = asked.get("q") || "";
    input.value = query;
    var listed = await loadListing().catch(function () { return { shards: [] }; });
    var select = areaChoice(form, listed, asked.get("area"));
    function area() { return select ? select.value : EVERY; }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var address = "?q=" + encodeURIComponent(input.value);
      if (select) {
        address += "&area=" + encodeURIComponent(select.value);
        remember(select.value);
      }
      history.replaceState(null, "", address);
      run(form, input.value, area());
    });
    if (query) { run(form, query, area()); } else { input.focus(); }
  }

  headerButton();
  searchPage();
  window.localofferPagefindWords = { forms: function (query) {
    return loadWords().then(function (data) { return forms(query, data); });
  }, termFor: function (query) {
    return loadWords().then(function (data) { return termFor(query, data); });
  } };
})();
