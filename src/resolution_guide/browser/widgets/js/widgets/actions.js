/* Actions on results: the calendar file and printing. Part of widgets.js (see resolution_guide.browser.scripts). */
Widget.prototype.part_downloads = function (result, text) {
  if (!Object.keys(result.deadlines).length) return null;
  var self = this, w = this.words;
  function button(key, attr, action) {
    var b = el("button", { type: "button", class: "rg-button rg-button-secondary", text: w.ui("buttons." + key) });
    b.setAttribute(attr, "");
    b.addEventListener("click", action);
    return b;
  }
  var summary = this.summaryPage(result, text);
  return el("div", { class: "rg-downloads-wrap" }, [
    el("div", { class: "rg-actions rg-downloads" }, [
      button("print", "data-rg-print", function () { self.print(); }),
      button("save", "data-rg-save", function () { self.saveSummary(summary); }),
      button("ics", "data-rg-ics", function () { self.downloadIcs(); }),
    ]),
    summary,
  ]);
};

/* The answers given, as the check-answers pattern lists them: question, then answer in words. */
Widget.prototype.answersGiven = function () {
  var d = this.dates, w = this.words, rows = [];
  this.groups.forEach(function (group) {
    if (group.hidden) return;
    var inputs = this.fieldInputs(group), first = inputs[0];
    var label = group.querySelector("legend, label");
    var said = [];
    if (first.type === "radio") {
      inputs.forEach(function (i) {
        // An optional setting left at this guide's reading is not an answer the family gave.
        if (i.defaultChecked && i.closest("[data-rg-group]")) return;
        if (i.checked && i.value !== "") said.push(group.querySelector('label[for="' + i.id + '"]').textContent);
      });
    } else if (first.type === "checkbox") {
      if (first.checked) said.push(w.ui("choices.true"));
    } else if (first.tagName === "SELECT") {
      if (first.value) said.push(first.options[first.selectedIndex].textContent);
    } else {
      inputs.forEach(function (i) { if (i.value) said.push(DATE_RE.test(i.value) ? d.long(i.value) : i.value); });
    }
    if (said.length && label) rows.push([label.textContent.replace(/\s+/g, " ").trim(), said.join(", ")]);
  }, this);
  return rows;
};

/* The one-page summary to bring to the meeting (printed, or saved as a page): the answers, each
   date still in play with days left, the next steps, what to bring, room for the family's own notes,
   who publishes the guide (when mkdocs.yml names an organization), the date printed and the guide's address. Built with the results; shown only when printing. */
Widget.prototype.summaryPage = function (result, text) {
  var w = this.words, deadlines = result.deadlines;
  var page = el("section", { class: "rg-summary", "aria-hidden": "true" });
  page.appendChild(el("h2", { text: w.ui("summary.title") }));
  var answers = this.answersGiven();
  if (answers.length) {
    page.appendChild(el("h3", { text: w.ui("summary.answers") }));
    page.appendChild(el("dl", { class: "rg-summary-answers" }, answers.reduce(function (nodes, row) {
      nodes.push(el("dt", { text: row[0] }), el("dd", { text: row[1] }));
      return nodes;
    }, [])));
  }
  var ids = text.order.filter(function (id) { return deadlines[id].date && !isMoot(deadlines[id]); });
  page.appendChild(el("h3", { text: w.ui("summary.dates") }));
  page.appendChild(el("table", { class: "rg-summary-dates" }, [el("tbody", {}, ids.map(function (id) {
    var t = text.deadlines[id];
    return el("tr", {}, [el("th", { text: t.name }), el("td", { text: t.date }), el("td", { text: t.days_left || "" })]);
  }))]));
  if (text.next_steps && text.next_steps.length) {
    page.appendChild(el("h3", { text: w.ui("results.next_steps") }));
    page.appendChild(el("ul", {}, text.next_steps.map(function (s) {
      return el("li", { text: [s.date, s.who].filter(Boolean).join(" · ") + (s.date || s.who ? ": " : "") + s.text });
    })));
  }
  var bring = pageData("rg-bring");  // checklist.yml, group `bring`, embedded by the build
  if (bring && bring.items && bring.items.length) {
    page.appendChild(el("h3", { text: bring.title }));
    page.appendChild(el("ul", { class: "rg-summary-bring" }, bring.items.map(function (item) {
      return el("li", { text: item });
    })));
  }
  page.appendChild(el("h3", { text: w.ui("summary.notes") }));
  // Four lines: with "What to bring" the summary still fits one US Letter page (tests/browser, pdf).
  page.appendChild(el("div", { class: "rg-summary-lines" }, [0, 1, 2, 3].map(function () { return el("p", {}); })));
  var help = this.organizationContacts("p");
  if (help) page.appendChild(help);
  var address = location.href.split("#")[0];
  page.appendChild(el("p", { class: "rg-summary-footer" }, [
    this.sentenceWithToday("summary.printed", {}, "rg-summary-printed"),
    el("span", { text: w.ui("summary.address", { address: address }) }),
  ]));
  return page;
};

/* The same summary as a page the family can keep: one HTML file with its own small style. */
Widget.prototype.saveSummary = function (summary) {
  var css = "body{font:16px/1.4 system-ui,sans-serif;max-width:44em;margin:1em auto;padding:0 1em}" +
    "dt{font-weight:700}dd{margin:0 0 .4em}table{border-collapse:collapse}th,td{text-align:left;padding:.2em .6em .2em 0;vertical-align:top}" +
    ".rg-summary-lines p{border-bottom:1px solid #555;height:1.6em;margin:0}";
  var html = "<!doctype html>\n<html lang=\"" + this.lang + "\"><head><meta charset=\"utf-8\"><title>" +
    this.words.ui("summary.title") + "</title><style>" + css + "</style></head><body>" + summary.innerHTML + "</body></html>\n";
  saveFile(new Blob([html], { type: "text/html;charset=utf-8" }), this.words.ui("summary.file"));
};

/* The calendar file is made by the engine, in this browser. */
Widget.prototype.downloadIcs = function () {
  var self = this;
  window.RGRuntime.call({ action: "ics", case: this.lastCase || this.readCase(), locale: this.locale }).then(function (response) {
    if (!response.ok) { self.showErrors(response.errors || [], true); return; }
    saveFile(new Blob([response.ics], { type: "text/calendar" }), self.words.ui("results.ics_file"));
  }, function () {});
};

Widget.prototype.print = function () {
  document.documentElement.setAttribute("data-rg-printing", this.name);
  window.print();
  setTimeout(function () { document.documentElement.removeAttribute("data-rg-printing"); }, 500);
};

/* The browser's own Print (menu, Ctrl+P, a phone's share sheet) on a page whose calculator shows results prints
   the same one-page summary as the button, not the whole page with every explanation (issue 10). A print
   already set up by a button (a summary or one letter) is left as it is. */
(function () {
  var ours = false;
  window.addEventListener("beforeprint", function () {
    var root = document.documentElement;
    if (root.hasAttribute("data-rg-printing")) return;
    var shown = document.querySelector('.rg-widget[data-rg-state="result"] .rg-summary');
    if (!shown) return;
    root.setAttribute("data-rg-printing", shown.closest(".rg-widget").getAttribute("data-rg-widget") || "summary");
    ours = true;
  });
  window.addEventListener("afterprint", function () {
    if (ours) document.documentElement.removeAttribute("data-rg-printing");
    ours = false;
  });
})();
