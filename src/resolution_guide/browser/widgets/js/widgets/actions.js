/* Actions on results: the calendar file and printing. Part of widgets.js (see resolution_guide.browser.scripts). */
Widget.prototype.part_downloads = function (result) {
  if (!Object.keys(result.deadlines).length) return null;
  var self = this, w = this.words;
  var ics = el("button", { type: "button", class: "rg-button rg-button-secondary", "data-rg-ics": "", text: w.ui("buttons.ics") });
  var print = el("button", { type: "button", class: "rg-button rg-button-secondary", "data-rg-print": "", text: w.ui("buttons.print") });
  ics.addEventListener("click", function () { self.downloadIcs(); });
  print.addEventListener("click", function () { self.print(); });
  return el("div", { class: "rg-actions rg-downloads" }, [ics, print]);
};

/* The calendar file is made by the engine, in this browser. */
Widget.prototype.downloadIcs = function () {
  var self = this;
  window.RGRuntime.call({ action: "ics", case: this.lastCase || this.readCase(), locale: this.locale }).then(function (response) {
    if (!response.ok) { self.showErrors(response.errors || [], true); return; }
    var url = URL.createObjectURL(new Blob([response.ics], { type: "text/calendar" }));
    var link = el("a", { href: url, download: self.words.ui("results.ics_file") });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }, function () {});
};

Widget.prototype.print = function () {
  document.documentElement.setAttribute("data-rg-printing", this.name);
  window.print();
  setTimeout(function () { document.documentElement.removeAttribute("data-rg-printing"); }, 500);
};

// A printed page cannot open "How this date was worked out": open every result detail first.
window.addEventListener("beforeprint", function () {
  var details = document.querySelectorAll(".rg-results details:not([open])");
  for (var i = 0; i < details.length; i++) {
    details[i].setAttribute("open", "");
    details[i].setAttribute("data-rg-opened-for-print", "");
  }
});
window.addEventListener("afterprint", function () {
  var details = document.querySelectorAll("[data-rg-opened-for-print]");
  for (var i = 0; i < details.length; i++) {
    details[i].removeAttribute("open");
    details[i].removeAttribute("data-rg-opened-for-print");
  }
});
