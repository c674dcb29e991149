/* The web editor's additions to Decap CMS (localoffer cms): the preview shows an offer as
   the public website will, with the site's own stylesheets. Values reach the page only through
   React, which escapes them; the body is Decap's sanitised Markdown preview. */
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
}());
