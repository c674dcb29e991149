/* localoffer: search that answers parents (site/search_words.py writes the words).
 * - Words that mean the same find each other: "ASD" also searches for autism, "dyslexia" for
 *   SpLD, "SEN" for special educational needs.
 * - A known abbreviation is searched as a whole word: the theme's search looks for words that
 *   start with what was typed, so "SEN" also found "sensory".
 * - A search that finds nothing points to the lists of settings.
 * The theme's search runs in a Web Worker; each search is sent to it as {type: 2, data: words}
 * (mkdocs-material 9), which is where the words are widened.
 */
(function () {
  "use strict";
  var config = document.getElementById("__config");
  var base = config ? (JSON.parse(config.textContent).base || ".") : ".";
  var root = new URL(base.replace(/\/?$/, "/"), document.baseURI).href;
  var groups = null;

  function words(text) { return text.toLowerCase().match(/[a-z0-9]+/g) || []; }

  function widen(query) {
    if (!groups) return query;
    var typed = words(query);
    var exact = {}, extra = [];
    groups.forEach(function (group) {
      var found = group.some(function (member) {
        var parts = words(member);
        return parts.length && parts.every(function (part) { return typed.indexOf(part) >= 0; });
      });
      group.forEach(function (member) {
        var parts = words(member);
        if (parts.length === 1) exact[parts[0]] = true;
        if (!found) return;
        parts.forEach(function (part) {
          if (typed.indexOf(part) < 0 && extra.indexOf(part) < 0) extra.push(part);
        });
      });
    });
    var kept = query.split(/\s+/).filter(Boolean).map(function (token) {
      var bare = words(token).join("");
      return exact[bare] && /^[a-z0-9]+$/i.test(token) ? token + "^1" : token;
    });
    // The added words are looked for in the text only: in titles and tags (which the theme
    // weighs a thousand times more) they would outrank what was typed.
    return kept.concat(extra.map(function (word) { return "text:" + word + "^1"; })).join(" ");
  }

  var post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (message) {
    if (message && message.type === 2 && typeof message.data === "string") {
      arguments[0] = { type: 2, data: widen(message.data) };
    }
    return post.apply(this, arguments);
  };

  function pointToLists() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta) return;
    var note = document.getElementById("lo-search-none");
    var none = /^No matching/i.test(meta.textContent.trim());
    if (none && !note) {
      note = document.createElement("p");
      note.id = "lo-search-none";
      note.className = "lo-search-none";
      note.appendChild(document.createTextNode("Nothing found. Try other words, or "));
      var link = document.createElement("a");
      link.href = root + "find/";
      link.textContent = "find a setting by age, need and area";
      note.appendChild(link);
      note.appendChild(document.createTextNode("."));
      meta.after(note);
    } else if (!none && note) {
      note.remove();
    }
  }

  var results = document.querySelector(".md-search-result");
  if (results) {
    new MutationObserver(pointToLists).observe(results, { childList: true, subtree: true,
                                                          characterData: true });
  }
  fetch(root + "words/search-words.json").then(function (r) { return r.json(); })
    .then(function (data) { groups = data.groups; })
    .catch(function () { /* the search still works, word for word */ });
  window.localofferSearchWords = { widen: widen };
})();
