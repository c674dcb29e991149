/* The web editor's additions to Decap CMS (localoffer cms):
   - the preview shows an offer as the public website will, with the site's own stylesheets
     (values reach the page only through React, which escapes them; the body is Decap's
     sanitised Markdown preview);
   - accessibility fixes Decap's own code lacks (axe, WCAG 2.2 AA): colours darkened to a
     4.5:1 contrast, names for the answers box and the preview frame, menus with the roles
     screen readers expect (editor.css darkens the pop-up messages). */
(function () {
  "use strict";
  var CMS = window.CMS;
  var h = window.h;
  if (!CMS || !h || !window.createClass) {
    return;
  }
  function metas(name) {
    return Array.prototype.map.call(
      document.querySelectorAll('meta[name="' + name + '"]'),
      function (meta) { return meta.getAttribute("content"); });
  }
  metas("localoffer-preview-style").forEach(function (href) {
    CMS.registerPreviewStyle(href);
  });

  function text(value) {
    return value === undefined || value === null ? "" : String(value);
  }
  function fact(label, value) {
    if (!text(value)) {
      return null;
    }
    return h("div", { key: label }, h("dt", null, label), h("dd", null, text(value)));
  }

  var OfferPreview = window.createClass({
    render: function () {
      var data = this.props.entry.get("data");
      var get = function (key) { return data ? data.get(key) : undefined; };
      var senco = get("senco");
      var sencoName = senco && senco.get ? senco.get("name") : "";
      var sencoEmail = senco && senco.get ? senco.get("email") : "";
      return h("div", { className: "md-container" },
        h("main", { className: "md-main" },
          h("div", { className: "md-main__inner md-grid" },
            h("div", { className: "md-content" },
              h("article", { className: "md-content__inner md-typeset" },
                get("status") !== "published" ?
                  h("p", { className: "admonition warning" },
                    "Draft: parents will not see this offer until its status is Published and the local authority has published it.") : null,
                h("h1", null, text(get("name")) || "Your setting's name"),
                h("dl", { className: "lo-facts" },
                  fact("Ages", get("age_range")),
                  fact("Address", [text(get("address")), text(get("town")), text(get("postcode"))].filter(Boolean).join(", ")),
                  fact("Phone", get("phone")),
                  fact("Website", get("website")),
                  fact("SENCO", [text(sencoName), text(sencoEmail)].filter(Boolean).join(", "))),
                this.props.widgetFor("body"))))));
    }
  });
  metas("localoffer-preview-for").forEach(function (name) {
    CMS.registerPreviewTemplate(name, OfferPreview);
  });

  // Decap draws its interface with CSS-in-JS, so its class names change between builds; its
  // colours that fail WCAG's 4.5:1 contrast are recognised by value instead, and darkened.
  var DARKER = {
    "rgb(121, 130, 145)": "#4f5663",  // grey text: 3.4:1 on Decap's #eff0f4, now 6.6:1
    "rgb(123, 130, 144)": "#4f5663",
    "rgb(91, 128, 205)": "#35579e",   // blue of the field being edited
    "rgb(23, 162, 184)": "#0e6877"    // teal of the status and Publish buttons
  };
  var DARKER_TEXT = { "rgb(255, 0, 59)": "#c8002e" };  // red "Changed" badge text
  var rulesSeen = typeof WeakMap === "function" ? new WeakMap() : null;
  function darkenColours() {
    Array.prototype.forEach.call(document.styleSheets, function (sheet) {
      var rules;
      try {
        rules = sheet.cssRules;
      } catch (error) {
        return;
      }
      var start = rulesSeen && rulesSeen.get(sheet) || 0;
      for (var index = start; index < rules.length; index += 1) {
        var style = rules[index].style;
        if (!style) {
          continue;
        }
        if (DARKER[style.color] || DARKER_TEXT[style.color]) {
          style.color = DARKER[style.color] || DARKER_TEXT[style.color];
        }
        if (DARKER[style.backgroundColor]) {
          style.backgroundColor = DARKER[style.backgroundColor];
        }
      }
      if (rulesSeen) {
        rulesSeen.set(sheet, rules.length);
      }
    });
  }
  function nameUnnamed() {
    Array.prototype.forEach.call(
      document.querySelectorAll('[role="textbox"]:not([aria-label]):not([aria-labelledby])'),
      function (box) {
        for (var up = box.parentElement; up && up !== document.body; up = up.parentElement) {
          var label = up.querySelector("label");
          if (label) {
            box.setAttribute("aria-label", label.textContent);
            return;
          }
        }
      });
    // Decap's menus put their items in a bare list: the list is only a container.
    Array.prototype.forEach.call(document.querySelectorAll('[role="menu"] > ul:not([role])'),
      function (list) { list.setAttribute("role", "none"); });
    var preview = document.getElementById("preview-pane");
    if (preview && !preview.getAttribute("title")) {
      preview.setAttribute("title", "Preview: the page as the website will show it");
    }
  }
  var waiting = false;
  function fixSoon() {
    if (waiting) {
      return;
    }
    waiting = true;
    window.requestAnimationFrame(function () {
      waiting = false;
      darkenColours();
      nameUnnamed();
    });
  }
  new MutationObserver(fixSoon).observe(document.documentElement, { childList: true, subtree: true });
  fixSoon();
}());
