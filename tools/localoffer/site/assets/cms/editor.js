/* The web editor's additions to Decap CMS (localoffer cms):
   - beside the preview, what `localoffer check` says about the offer being edited, and the
     page exactly as the website will publish it. Both come from localoffer's own Python code,
     through the helper `localoffer cms serve` runs on this computer (its address is in the
     page's <meta name="localoffer-helper">): this script only sends it the offer's text,
     written as Decap will save it (with the YAML library Decap uses), and shows the answers.
     Values reach the page only as text (React escapes them); the page is shown in a
     sandboxed frame where nothing runs. Without the helper (the editor on the website, with
     GitHub), the panel says the checks run on the pull request, and the preview is an
     approximate one drawn here;
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
  var WAIT_AFTER_TYPING_MS = 250;  // ask once typing pauses, not at every key
  function metas(name) {
    return Array.prototype.map.call(
      document.querySelectorAll('meta[name="' + name + '"]'),
      function (meta) { return meta.getAttribute("content"); });
  }
  function absolute(href) {
    return new URL(href, document.baseURI).href;
  }
  metas("localoffer-preview-style").forEach(function (href) {
    CMS.registerPreviewStyle(href);
  });
  CMS.registerPreviewStyle(absolute(document.querySelector('link[rel="stylesheet"]').getAttribute("href")));
  var helper = metas("localoffer-helper")[0] || "";

  // The offer's text as Decap will save it: its front-matter formatter, with the same YAML
  // library (decap-cms-core/src/formats/yaml.ts and frontmatter.ts, backend.ts entryToRaw).
  var YAML = null;
  var yamlHref = metas("localoffer-yaml")[0];
  var yamlReady = helper && yamlHref ? import(absolute(yamlHref)).then(function (module) {
    YAML = module.YAML || module.default;
  }) : Promise.reject(new Error("no helper"));
  yamlReady.catch(function () {});

  function offerText(entry, fields) {
    var data = entry.get("data").toJS();
    var body = data.body === undefined || data.body === null ? "" : String(data.body);
    delete data.body;
    var order = fields ? fields.map(function (field) { return field.get("name"); }).toArray() : [];
    var contents = YAML.createNode(data);
    contents.items.sort(function (a, b) {
      var first = order.indexOf(a.key && a.key.toString());
      var second = order.indexOf(b.key && b.key.toString());
      return first === -1 || second === -1 ? 0 : first - second;
    });
    var document_ = new YAML.Document();
    document_.contents = contents;
    var matter = String(document_).trim();
    var text = (matter !== "{}" ? "---\n" + matter + "\n---\n" : "") + body;
    return text.slice(-1) === "\n" ? text : text + "\n";
  }
  function slugOf(entry) {
    var path = /^offers\/([a-z0-9-]+)\/offer\.md$/.exec(entry.get("path") || "");
    if (path) {
      return path[1];
    }
    var name = entry.getIn(["data", "name"]);
    return String(name || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "new-setting";
  }
  function ask(what, slug, text) {
    return window.fetch(helper + what + "?slug=" + encodeURIComponent(slug), {
      method: "POST", body: text, headers: { "Content-Type": "text/plain;charset=UTF-8" },
      credentials: "omit", cache: "no-store"
    }).then(function (response) {
      return response.json().then(function (answer) {
        if (!response.ok) {
          throw new Error(answer && answer.error ? answer.error : "The helper said " + response.status + ".");
        }
        return answer;
      });
    });
  }

  function text(value) {
    return value === undefined || value === null ? "" : String(value);
  }
  function plural(count, one, many) {
    return count + " " + (count === 1 ? one : many);
  }
  function summary(result) {
    if (!result.findings.length) {
      return "The checks find nothing to fix in this offer.";
    }
    var parts = [];
    if (result.errors) {
      parts.push(plural(result.errors, "thing", "things") + " to fix before the local authority can publish it");
    }
    if (result.warnings) {
      parts.push(plural(result.warnings, "thing", "things") + " to look at");
    }
    return "The checks found " + parts.join(", and ") + ".";
  }

  function findingsPanel(state) {
    var said;
    if (!helper) {
      said = "The checks run when you send this offer for review (mark it Ready). Their results show on the pull request, against each line, and the local authority sees them too.";
    } else if (state.checkProblem) {
      said = "The checks could not run just now: " + state.checkProblem + " They run again when you send the offer for review.";
    } else if (!state.result) {
      said = "Checking your offer...";
    } else {
      said = summary(state.result);
    }
    var findings = helper && !state.checkProblem && state.result ? state.result.findings : [];
    // One live region, always there, so that screen readers hear each new summary.
    return h("section", { className: "lo-findings", "aria-labelledby": "lo-findings-title" },
      h("h2", { id: "lo-findings-title" }, "What the checks say"),
      h("p", { role: "status", className: "lo-findings-summary" }, said),
      findings.length ? h("ol", { className: "lo-findings-list" },
        findings.map(function (finding, index) {
          var fix = finding.severity === "error";
          return h("li", { key: index, className: fix ? "lo-finding lo-finding-error" : "lo-finding lo-finding-warning" },
            h("p", { className: "lo-finding-where" },
              h("strong", null, fix ? "To fix: " : "To look at: "), text(finding.where)),
            h("p", { className: "lo-finding-message" }, text(finding.message)),
            h("p", { className: "lo-finding-rule" }, "Rule " + text(finding.rule)));
        })) : null);
  }

  function fact(label, value) {
    if (!text(value)) {
      return null;
    }
    return h("div", { key: label }, h("dt", null, label), h("dd", null, text(value)));
  }
  // Without the helper: the name, key facts and answers, drawn here with the site's styles.
  function approximatePage(props) {
    var data = props.entry.get("data");
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
              props.widgetFor("body"))))));
  }

  function fitToContent(event) {
    var frame = event.target;
    var inside = frame.contentDocument;
    if (inside && inside.documentElement) {
      frame.style.height = inside.documentElement.scrollHeight + "px";
    }
  }
  function pagePanel(state, props) {
    var exact = helper && !state.previewProblem && state.page;
    var heading = exact || (helper && !state.previewProblem) ? "The page as the website will show it"
      : "An approximate preview";
    var content;
    var draft = props.entry.getIn(["data", "status"]) !== "published";
    if (exact) {
      content = [
        draft ? h("p", { key: "draft", className: "lo-approximate" }, "Your offer's status is Draft: the website will not show this page until its status is Published and the local authority has published it.") : null,
        h("iframe", { key: "page",
        className: "lo-page", title: "Preview of " + text(state.page.title) + ", as the website will show it",
        sandbox: "allow-same-origin", srcDoc: state.page.document, onLoad: fitToContent
      })];
    } else if (helper && !state.previewProblem) {
      content = h("p", null, "Making the page...");
    } else {
      content = [
        h("p", { key: "note", className: "lo-approximate" }, state.previewProblem ?
          "The page cannot be made just now: " + state.previewProblem + " This is an approximate preview: the website's page may differ."
          : "The website's own page may differ: it shows every detail the same way for every setting, once the local authority has published your change."),
        h("div", { key: "page" }, approximatePage(props))];
    }
    return h("section", { className: "lo-preview", "aria-labelledby": "lo-preview-title" },
      h("h2", { id: "lo-preview-title" }, heading), content);
  }

  // Decap's preview frame is a document of its own, without a language or a title, scrolled
  // with nothing in it to focus: screen readers and keyboards need all three.
  function fixPreviewDocument(frameDocument) {
    var root = frameDocument && frameDocument.documentElement;
    if (!root) {
      return;
    }
    if (!root.getAttribute("lang")) {
      root.setAttribute("lang", "en");
    }
    if (!root.hasAttribute("tabindex")) {
      root.setAttribute("tabindex", "0");
    }
    if (!frameDocument.title) {
      frameDocument.title = "Preview: what the checks say, and the page as the website will show it";
    }
  }

  var OfferPreview = window.createClass({
    getInitialState: function () {
      return { result: null, checkProblem: "", page: null, previewProblem: "" };
    },
    componentDidMount: function () {
      this.asked = 0;
      fixPreviewDocument(this.props.document);
      this.schedule();
    },
    componentDidUpdate: function (previous) {
      fixPreviewDocument(this.props.document);
      if (previous.entry !== this.props.entry) {
        this.schedule();
      }
    },
    componentWillUnmount: function () {
      window.clearTimeout(this.timer);
      this.gone = true;
    },
    schedule: function () {
      if (!helper) {
        return;
      }
      var self = this;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(function () { self.refresh(); }, WAIT_AFTER_TYPING_MS);
    },
    refresh: function () {
      var self = this;
      yamlReady.then(function () {
        return offerText(self.props.entry, self.props.fields);
      }).then(function (text_) {
        if (text_ === self.lastText || self.gone) {
          return;
        }
        self.lastText = text_;
        var slug = slugOf(self.props.entry);
        var asked = self.asked += 1;
        var current = function () { return asked === self.asked && !self.gone; };
        ask("check", slug, text_).then(function (result) {
          if (current()) {
            self.setState({ result: result, checkProblem: "" });
          }
        }, function (error) {
          if (current()) {
            self.setState({ checkProblem: error.message });
          }
        });
        ask("preview", slug, text_).then(function (page) {
          if (current()) {
            self.setState({ page: page, previewProblem: "" });
          }
        }, function (error) {
          if (current()) {
            self.setState({ previewProblem: error.message });
          }
        });
      }).catch(function (error) {
        var problem = "the offer could not be written out here (" + error.message + ").";
        if (!self.gone) {
          self.setState({ checkProblem: problem, previewProblem: problem });
        }
      });
    },
    render: function () {
      return h("div", { className: "lo-editor-preview" },
        findingsPanel(this.state), pagePanel(this.state, this.props));
    }
  });
  metas("localoffer-preview-for").forEach(function (name) {
    CMS.registerPreviewTemplate(name, OfferPreview);
  });

  // Pictures. The answers are edited as Markdown text (raw mode: the rich-text mode rewrites
  // it), where Decap offers no way to add a picture. So the answers box gets a button that
  // opens Decap's media library for this offer: a picture chosen or uploaded there is part of
  // the offer's draft, saved with it on its branch into the offer's own folder
  // (config.yml's media_folder), and its Markdown line goes at the end of the answers to a
  // question the school picks. (The media library Decap opens from its top bar instead saves
  // and deletes straight on the published branch, without review: hidden below.)
  var PICTURE_NOTE = "Say in words what the picture shows";
  function questionsIn(markdown) {
    return text(markdown).split("\n").filter(function (line) {
      return /^## \S/.test(line);
    }).map(function (line) { return line.slice(3).trim(); });
  }
  function withPicture(markdown, question, path) {
    var lines = text(markdown).replace(/\s+$/, "").split("\n");
    var picture = "![" + PICTURE_NOTE + "](" + path.replace(/[()\s]/g, encodeURIComponent) + ")";
    var at = lines.length;
    var start = lines.indexOf("## " + question);
    if (start !== -1) {
      at = start + 1;
      while (at < lines.length && !/^## \S/.test(lines[at])) {
        at += 1;
      }
      while (at > start + 1 && lines[at - 1].trim() === "") {
        at -= 1;
      }
    }
    lines.splice(at, 0, "", picture);
    return lines.join("\n") + "\n";
  }
  // A new offer (the local authority's editor) starts with the questions of a primary
  // school; once its type is chosen, the answers box gets that type's own questions and
  // guidance instead, as long as nothing has been written in it yet.
  var newOfferBodies = {};
  var bodiesHref = metas("localoffer-new-offer-bodies")[0];
  if (bodiesHref) {
    window.fetch(absolute(bodiesHref), { credentials: "same-origin" }).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (bodies) { newOfferBodies = bodies || {}; }, function () {});
  }
  function isUntouchedTemplate(markdown) {
    var value = text(markdown).trim();
    return Object.keys(newOfferBodies).some(function (type) {
      return text(newOfferBodies[type]).trim() === value;
    });
  }
  var answersBoxes = [];  // the answers boxes drawn (AnswersControl, below)
  // Decap tells a field nothing when another one changes: so the type's box says it itself.
  var selectWidget = CMS.getWidget && CMS.getWidget("select");
  if (selectWidget && selectWidget.control) {
    var SelectControl = selectWidget.control;
    var TypeSelect = window.createClass({
      onChange: function (value) {
        this.props.onChange.apply(null, arguments);
        var isNewOffer = /\/new(\?|$)/.test(window.location.hash);
        if (isNewOffer && this.props.field && this.props.field.get("name") === "type") {
          answersBoxes.slice().forEach(function (box) { box.typeChosen(text(value)); });
        }
      },
      render: function () {
        return h(SelectControl, Object.assign({}, this.props, { onChange: this.onChange }));
      }
    });
    registerInstead("select", selectWidget, TypeSelect);
  }
  function registerInstead(name, widget, control) {
    var replacement = Object.assign({}, widget, {
      name: name, controlComponent: control, previewComponent: widget.preview
    });
    delete replacement.control;  // (the registry's own names: they would win over the two above)
    delete replacement.preview;
    CMS.registerWidget(replacement);
  }

  var markdownWidget = CMS.getWidget && CMS.getWidget("markdown");
  if (markdownWidget && markdownWidget.control) {
    var MarkdownControl = markdownWidget.control;
    var pictureControls = 0;
    var AnswersControl = window.createClass({
      getInitialState: function () {
        pictureControls += 1;
        this.controlID = "lo-picture-" + pictureControls;
        return { question: "", revision: 0 };
      },
      // Decap redraws a field only when its value changes, unless the control says otherwise
      // (as its image widget does): a picture chosen in the media library must redraw it too.
      // (Decap calls this without the state: only React's own call has it.)
      shouldComponentUpdate: function (next, nextState) {
        return (nextState !== undefined && nextState !== this.state)
          || next.value !== this.props.value
          || next.classNameWrapper !== this.props.classNameWrapper
          || next.hasActiveStyle !== this.props.hasActiveStyle
          || Boolean(next.mediaPaths && next.mediaPaths.get(this.controlID));
      },
      componentDidMount: function () {
        answersBoxes.push(this);
      },
      componentWillUnmount: function () {
        answersBoxes.splice(answersBoxes.indexOf(this), 1);
      },
      // The type of a new offer was chosen: its own questions, if nothing is written yet.
      typeChosen: function (type) {
        var body = newOfferBodies[type];
        if (body && text(this.props.value).trim() !== body.trim()
            && isUntouchedTemplate(this.props.value)) {
          this.props.onChange(body);
          this.setState({ revision: this.state.revision + 1 });  // (see componentDidUpdate)
        }
      },
      componentDidUpdate: function () {
        var chosen = this.props.mediaPaths && this.props.mediaPaths.get(this.controlID);
        if (!chosen || chosen === this.inserted) {
          return;
        }
        this.inserted = chosen;  // once, however often Decap draws the box before it forgets it
        this.props.onRemoveInsertedMedia(this.controlID);
        var path = typeof chosen === "string" ? chosen : text(chosen.get ? chosen.get(0) : chosen[0]);
        var questions = questionsIn(this.props.value);
        var question = this.state.question || questions[0] || "";
        this.props.onChange(withPicture(this.props.value, question, path));
        // Decap's Markdown box reads its value only when it is first drawn: draw it anew, or it
        // would go on showing (and then save) the answers without the picture.
        this.setState({ revision: this.state.revision + 1 });
      },
      addPicture: function (event) {
        event.preventDefault();
        this.props.onOpenMediaLibrary({
          controlID: this.controlID, forImage: true, privateUpload: false, value: [],
          allowMultiple: false, field: this.props.field
        });
      },
      render: function () {
        var self = this;
        var questions = questionsIn(this.props.value);
        var chosen = questions.indexOf(this.state.question) === -1 ? questions[0] || "" : this.state.question;
        var pickerID = this.controlID + "-question";
        return h("div", null,
          h(MarkdownControl, Object.assign({}, this.props, { key: "answers-" + this.state.revision })),
          h("div", { className: "lo-add-picture" },
            questions.length ? h("label", { htmlFor: pickerID, "data-lo": "" }, "Add a picture under the question") : null,
            questions.length ? h("select", {
              id: pickerID, value: chosen,
              onChange: function (event) { self.setState({ question: event.target.value }); }
            }, questions.map(function (question) {
              return h("option", { key: question, value: question }, question);
            })) : null,
            h("button", { type: "button", onClick: this.addPicture }, "Add a picture"),
            h("p", null, "The picture is kept in your offer's folder and sent for review with your change. Replace “" + PICTURE_NOTE + "” with a short description for people who cannot see it.")));
      }
    });
    registerInstead("markdown", markdownWidget, AnswersControl);
  }

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
          var label = up.querySelector("label:not([data-lo])");  // Decap's, not ours
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
      preview.setAttribute("title", "Preview: what the checks say, and the page as the website will show it");
    }
    var inside = preview && preview.contentDocument && preview.contentDocument.documentElement;
    if (inside && !inside.getAttribute("lang")) {
      inside.setAttribute("lang", "en");
    }
  }
  // Decap's media library saves and deletes straight on the published branch, with no draft
  // and no review, when it is opened from the top bar, and whenever it deletes a picture
  // already published. Pictures are added with "Add a picture" in the answers box instead
  // (above), which saves them with the offer's draft; a picture is removed by deleting its
  // line from the answers (the local authority tidies the folder).
  var UNREVIEWED = [["header button", "Media"], [".ReactModalPortal button", "Delete selected"],
                    ["[role=\"dialog\"] button", "Delete selected"]];
  function hideUnreviewedMedia() {
    UNREVIEWED.forEach(function (pair) {
      Array.prototype.forEach.call(document.querySelectorAll(pair[0]), function (button) {
        if (button.textContent.trim() === pair[1] && !button.hidden) {
          button.hidden = true;
          button.style.display = "none";
        }
      });
    });
  }
  // The media library's Upload is a label that takes the keyboard's focus, round a file box
  // that does not: Enter and Space on it did nothing. They now open the file box.
  document.addEventListener("keydown", function (event) {
    var label = event.target;
    if ((event.key !== "Enter" && event.key !== " ") || !label || label.tagName !== "LABEL") {
      return;
    }
    var input = label.querySelector('input[type="file"]');
    if (input && !input.disabled) {
      event.preventDefault();
      input.click();
    }
  }, true);
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
      hideUnreviewedMedia();
    });
  }
  new MutationObserver(fixSoon).observe(document.documentElement, { childList: true, subtree: true });
  fixSoon();
}());
