/* Find a setting (site/finder.py builds the page and finder-data.json).
 *
 * Filters at once from columns of numbers; names are fetched in chunks only for the results
 * shown. The choices are kept in the address (?age=7&need=autism&near=CK7...), so a search
 * can be shared; ?describe=... (from the home page; not ?q=, which opens the theme's search) is read as a sentence and turned into choices.
 * Every value reaches the page as text (textContent), never as HTML.
 */
(function () {
  "use strict";
  var form = document.getElementById("lo-finder");
  if (!form) return;
  var describe = document.getElementById("lo-finder-describe");
  var output = document.getElementById("lo-finder-output");
  var count = document.getElementById("lo-finder-count");
  var list = document.getElementById("lo-finder-results");
  var more = document.getElementById("lo-finder-more");
  var PAGE = 20;
  var data = null;
  var shown = PAGE;
  var matches = [];
  var chunks = {};
  var pending = 0;
  var buffer = null;
  var items = {};   // the element drawn for each setting shown, by its number
  var drawn = [];   // the settings in the list now, in order
  var NUMBER = new Intl.NumberFormat("en-GB");

  function byName(name) { return form.elements.namedItem(name); }
  function checked(name) {
    return Array.prototype.filter.call(form.querySelectorAll("input[name=" + name + "]"),
      function (box) { return box.checked; }).map(function (box) { return box.value; });
  }

  function choices() {
    return {
      age: byName("age").value, need: byName("need").value, area: byName("area").value,
      near: byName("near") ? byName("near").value : "", language: byName("language").value,
      type: checked("type"), access: checked("access"),
      specialist: byName("specialist").checked
    };
  }

  function setChoices(chosen) {
    function select(name, value) {
      var field = byName(name);
      if (!field || value === undefined) return;
      var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
      field.value = known ? value : "";
    }
    select("age", chosen.age); select("need", chosen.need); select("area", chosen.area);
    select("near", chosen.near); select("language", chosen.language);
    ["type", "access"].forEach(function (name) {
      form.querySelectorAll("input[name=" + name + "]").forEach(function (box) {
        box.checked = (chosen[name] || []).indexOf(box.value) >= 0;
      });
    });
    byName("specialist").checked = !!chosen.specialist;
  }

  function toAddress(chosen) {
    var params = new URLSearchParams();
    ["age", "need", "area", "near", "language"].forEach(function (key) {
      if (chosen[key]) params.set(key, chosen[key]);
    });
    if (chosen.type.length) params.set("type", chosen.type.join(","));
    if (chosen.access.length) params.set("access", chosen.access.join(","));
    if (chosen.specialist) params.set("specialist", "1");
    var query = params.toString();
    history.replaceState(null, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function fromAddress() {
    var params = new URLSearchParams(location.search);
    if (params.get("describe")) {
      document.getElementById("lo-finder-q").value = params.get("describe");
      return understand(params.get("describe"));
    }
    function list(key) { return (params.get(key) || "").split(",").filter(Boolean); }
    return {
      age: params.get("age") || "", need: params.get("need") || "", area: params.get("area") || "",
      near: params.get("near") || "", language: params.get("language") || "",
      type: list("type"), access: list("access"), specialist: params.get("specialist") === "1"
    };
  }

  // A sentence such as "a school for a 7 year old with autism who uses a wheelchair, near CK7".
  function understand(sentence) {
    var text = " " + sentence.toLowerCase().replace(/[^a-z0-9]+/g, " ") + " ";
    var chosen = { age: "", need: "", area: "", near: "", language: "", type: [], access: [],
                   specialist: false };
    var age = text.match(/ (\d{1,2}) ?(?:years?|yrs?|year olds?) ?(?:old)? /) ||
              text.match(/ (?:aged?|ages) (\d{1,2}) /) || text.match(/ (\d{1,2}) /);
    if (age && +age[1] <= 25) chosen.age = String(+age[1]);
    function has(word) { return text.indexOf(" " + word + " ") >= 0; }
    var need = data.needs.filter(function (row) { return row[2].some(has); })[0];
    if (need) chosen.need = need[0];
    data.access.forEach(function (row) {
      if (row[2].some(has)) chosen.access.push(row[0]);
    });
    if (has("wheelchair") && chosen.access.indexOf("step_free_entrance") < 0) {
      chosen.access.unshift("step_free_entrance");
    }
    data.types.forEach(function (row) {
      var label = row[1].toLowerCase();
      if (has(label) || has(label.replace(/ school$/, ""))) chosen.type.push(row[0]);
    });
    if (!chosen.type.length) {
      var groups = { school: "school", schools: "school", nursery: "early years",
                     nurseries: "early years", childminder: "early years", college: "college",
                     colleges: "college" };
      Object.keys(groups).forEach(function (word) {
        if (!has(word)) return;
        data.types.forEach(function (row) {
          if (row[2] === groups[word] && chosen.type.indexOf(row[0]) < 0) chosen.type.push(row[0]);
        });
      });
    }
    data.districts.forEach(function (row) {
      if (!has(row[0].toLowerCase())) return;
      if (row.length === 3) chosen.near = row[0]; else chosen.area = "district:" + row[0];
    });
    if (!chosen.area) {
      data.towns.forEach(function (town) { if (has(town.toLowerCase())) chosen.area = "town:" + town; });
    }
    data.languages.forEach(function (language) {
      if (language !== "English" && has(language.toLowerCase())) chosen.language = language;
    });
    if (has("specialist") || has("special")) chosen.specialist = !!chosen.need;
    return chosen;
  }

  function indexOf(rows, value) {
    for (var i = 0; i < rows.length; i++) if ((rows[i][0] || rows[i]) === value) return i;
    return -2;
  }

  function mask(rows, values) {
    var bits = 0;
    values.forEach(function (value) { var i = indexOf(rows, value); if (i >= 0) bits |= 1 << i; });
    return bits;
  }

  function filter(chosen) {
    var c = data.columns;
    var age = chosen.age === "" ? -1 : +chosen.age;
    var need = chosen.need ? mask(data.needs, [chosen.need]) : 0;
    var needColumn = chosen.specialist ? c.specialist : c.need;
    var access = mask(data.access, chosen.access);
    var typeWanted = null;
    if (chosen.type.length) {
      typeWanted = {};
      chosen.type.forEach(function (t) { typeWanted[indexOf(data.types, t)] = true; });
    }
    // Which age ranges and places match: worked out once per table row, not per setting.
    var ageOk = data.ages.map(function (pair) { return age < 0 || (pair[0] <= age && age <= pair[1]); });
    var area = chosen.area.split(":"), placeOk = null;
    if (area.length > 1) {
      var what = area[0], name = area.slice(1).join(":");
      var column = { town: 0, ward: 1, district: 2 }[what];
      var wanted = what === "town" ? data.towns.indexOf(name)
        : what === "ward" ? indexOf(data.wards, name) : indexOf(data.districts, name);
      placeOk = data.places.map(function (place) { return place[column] === wanted; });
    }
    var languageWord = -1, languageBit = 0;
    if (chosen.language) {
      var li = data.languages.indexOf(chosen.language);
      languageWord = li < 0 ? -2 : Math.floor(li / 30);
      languageBit = li < 0 ? 0 : 1 << (li % 30);
    }
    // The settings that match are written into one buffer, kept from change to change: a
    // change of filter makes no array per setting for the garbage collector to clear later.
    if (!buffer || buffer.length < data.count) buffer = new Int32Array(data.count);
    var m = 0;
    for (var i = 0, n = data.count; i < n; i++) {
      if (!ageOk[c.ages[i]]) continue;
      if (need && !(needColumn[i] & need)) continue;
      if (access && (c.access[i] & access) !== access) continue;
      if (typeWanted && !typeWanted[c.type[i]]) continue;
      if (placeOk && !placeOk[c.place[i]]) continue;
      if (languageWord === -2) continue;
      if (languageWord >= 0 && !(c.languages[languageWord][i] & languageBit)) continue;
      buffer[m++] = i;
    }
    return chosen.near ? nearestFirst(buffer, m, chosen.near) : buffer.slice(0, m);
  }

  // The first `m` settings of `found`, nearest to the district first (in their own order where
  // they are as near). A setting's distance is its place's, and there are few places: the
  // places are ranked by distance, then the settings are put in rank order by counting how
  // many fall in each rank (no comparison sort of thousands of settings).
  function nearestFirst(found, m, near) {
    var c = data.columns;
    var centre = data.districts[indexOf(data.districts, near)];
    var distance = data.places.map(function (place) {
      var row = data.districts[place[2]];
      return row && row.length === 3 ? kilometres(centre, row) : Infinity;
    });
    var byDistance = distance.map(function (_, place) { return place; })
      .sort(function (a, b) {
        return distance[a] === distance[b] ? 0 : distance[a] < distance[b] ? -1 : 1;
      });
    var rank = new Int32Array(distance.length), ranks = 0;
    byDistance.forEach(function (place, k) {
      if (k > 0 && distance[place] !== distance[byDistance[k - 1]]) ranks += 1;
      rank[place] = ranks;
    });
    var starts = new Int32Array(ranks + 2);
    for (var i = 0; i < m; i++) starts[rank[c.place[found[i]]] + 1] += 1;
    for (var r = 1; r < starts.length; r++) starts[r] += starts[r - 1];
    var ordered = new Int32Array(m);
    for (var j = 0; j < m; j++) ordered[starts[rank[c.place[found[j]]]]++] = found[j];
    return ordered;
  }

  // A column as finder.py packs it: [width, digits], each value plus one in `width` base-64
  // digits.
  var DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function unpack(column) {
    var width = column[0], digits = column[1], count = digits.length / width;
    var values = new Int32Array(count), value = {};
    for (var k = 0; k < 64; k++) value[DIGITS.charCodeAt(k)] = k;
    for (var i = 0, at = 0; i < count; i++) {
      var number = 0;
      for (var w = 0; w < width; w++) number = number * 64 + value[digits.charCodeAt(at++)];
      values[i] = number - 1;
    }
    return values;
  }

  function kilometres(a, b) {
    var rad = Math.PI / 180, x = (b[2] - a[2]) * rad * Math.cos((a[1] + b[1]) / 2 * rad);
    var y = (b[1] - a[1]) * rad;
    return Math.sqrt(x * x + y * y) * 6371;
  }

  function summary(chosen, total) {
    var words = total === 1 ? "1 setting matches" : NUMBER.format(total) + " settings match";
    var parts = [];
    if (chosen.age !== "") parts.push("age " + chosen.age);
    if (chosen.need) parts.push(data.needs[indexOf(data.needs, chosen.need)][1].toLowerCase());
    if (chosen.near) parts.push("nearest to " + chosen.near + " first");
    return words + (parts.length ? " (" + parts.join(", ") + ")." : ".");
  }

  function update(remember) {
    var chosen = choices();
    if (remember !== false) toAddress(chosen);
    matches = filter(chosen);
    shown = PAGE;
    count.textContent = summary(chosen, matches.length) +
      (matches.length ? "" : " Try fewer choices, or look at the lists of settings below.");
    render();
  }

  function render() {
    var wanted = matches.slice(0, shown);
    var missing = {};
    wanted.forEach(function (i) {
      var k = Math.floor(i / data.chunk);
      if (!chunks[k]) missing[k] = true;
    });
    var keys = Object.keys(missing);
    if (keys.length) {
      pending += 1;
      var ticket = pending;
      Promise.all(keys.map(function (k) {
        return fetch("names/" + k + ".json").then(function (r) { return r.json(); })
          .then(function (names) { chunks[k] = names; });
      })).then(function () { if (ticket === pending) render(); });
      return;
    }
    more.hidden = matches.length <= shown;
    // Only what changed is drawn: the same results in the same order leave the list alone,
    // and a setting shown before keeps its element.
    if (wanted.length === drawn.length && wanted.every(function (i, k) { return drawn[k] === i; })) {
      return;
    }
    if (Object.keys(items).length > 400) items = {};
    var fragment = document.createDocumentFragment();
    wanted.forEach(function (i) {
      if (!items[i]) items[i] = result(i);
      fragment.appendChild(items[i]);
    });
    list.replaceChildren(fragment);
    drawn = Array.from(wanted);
  }

  function text(tag, value, className) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (className) el.className = className;
    return el;
  }

  function result(i) {
    var c = data.columns;
    var entry = chunks[Math.floor(i / data.chunk)][i % data.chunk];
    var item = document.createElement("li");
    var heading = document.createElement("h3");
    var link = text("a", entry[1]);
    link.href = "../settings/" + encodeURIComponent(entry[0]) + "/";
    heading.appendChild(link);
    item.appendChild(heading);
    var facts = document.createElement("dl");
    function fact(label, value) {
      if (!value) return;
      var row = document.createElement("div");
      row.appendChild(text("dt", label));
      row.appendChild(text("dd", value));
      facts.appendChild(row);
    }
    var ages = data.ages[c.ages[i]];
    fact("Ages", ages[0] < 0 ? "" : ages[0] === ages[1] ? String(ages[0]) : ages[0] + " to " + ages[1]);
    fact("Type", c.type[i] >= 0 ? data.types[c.type[i]][1] : "");
    var place = data.places[c.place[i]], area = [];
    if (place[0] >= 0) area.push(data.towns[place[0]]);
    if (place[1] >= 0) area.push(data.wards[place[1]][0] + " ward");
    if (place[2] >= 0) area.push(data.districts[place[2]][0]);
    fact("Area", area.join(", "));
    var access = data.access.filter(function (row, bit) { return c.access[i] & (1 << bit); })
      .map(function (row) { return row[1]; });
    fact("Access", access.length ? access.join("; ") : "Not given");
    fact("Review", c.overdue[i] ? "Review overdue: check with the setting" : "Reviewed on time");
    item.appendChild(facts);
    if (c.overdue[i]) item.className = "lo-overdue";
    return item;
  }

  function start(loaded) {
    data = loaded;
    var packed = data.columns;
    data.columns = {};
    Object.keys(packed).forEach(function (key) {
      data.columns[key] = key === "languages" ? packed[key].map(unpack) : unpack(packed[key]);
    });
    form.hidden = false;
    describe.hidden = false;
    output.hidden = false;
    setChoices(fromAddress());
    update(true);
    form.addEventListener("change", function () { update(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); update(true); });
    form.addEventListener("reset", function () { setTimeout(function () { update(true); }, 0); });
    describe.addEventListener("submit", function (event) {
      event.preventDefault();
      setChoices(understand(document.getElementById("lo-finder-q").value));
      update(true);
      document.getElementById("results").scrollIntoView();
    });
    more.addEventListener("click", function () {
      var first = shown;
      shown += PAGE;
      render();
      var next = list.children[first];
      if (next) { var a = next.querySelector("a"); if (a) a.focus(); }
    });
  }

  window.localofferFinder = { filter: function (chosen) { return Array.from(filter(chosen)); },
                              understand: function (s) { return understand(s); } };
  fetch("finder-data.json").then(function (r) { return r.json(); }).then(start)
    .catch(function () { /* the lists below still work */ });
})();
