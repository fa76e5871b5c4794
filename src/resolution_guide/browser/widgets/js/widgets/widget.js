/* The calculator's life: set-up, runtime status, calculating, clearing. Part of widgets.js (see resolution_guide.browser.scripts). */
window.RGWidgets = { init: initAll };

function initAll() {
  var nodes = document.querySelectorAll("[data-rg-widget]");
  for (var i = 0; i < nodes.length; i++) {
    if (!nodes[i].hasAttribute("data-rg-ready")) new Widget(nodes[i]);
  }
}

function Widget(root) {
  root.setAttribute("data-rg-ready", "");
  this.root = root;
  this.name = root.getAttribute("data-rg-widget");
  this.parts = JSON.parse(root.getAttribute("data-rg-results") || "[]");
  this.locale = root.getAttribute("data-locale") || "en";     // the engine renders its words in it
  this.lang = document.documentElement.lang || this.locale;
  this.words = wordsFor(this.locale);
  this.absent = JSON.parse(root.getAttribute("data-rg-absent") || "{}");
  this.device = JSON.parse(root.getAttribute("data-rg-device") || "[]");
  this.dates = makeDates(this.lang);
  this.form = root.querySelector("[data-rg-form]");
  this.output = root.querySelector("[data-rg-output]");
  this.statusEl = root.querySelector("[data-rg-status]");
  this.summary = root.querySelector("[data-rg-error-summary]");
  this.announcer = root.querySelector("[data-rg-announce]");
  this.rule = root.querySelector("[data-rg-rule]");
  this.groups = Array.prototype.slice.call(root.querySelectorAll("[data-field]"));
  this.lastCase = null;
  this.seq = 0;
  this.setUp();
}

Widget.prototype.setUp = function () {
  var self = this;
  var runtime = window.RGRuntime;
  if (!runtime || typeof WebAssembly !== "object") {
    this.unavailable(!runtime ? "failed" : "no_webassembly");
    return;
  }
  this.form.hidden = false;
  // The rule stays one click away, so the first question fits on a phone's first screen.
  if (this.rule) this.rule.open = false;
  this.restoreFromFragment();
  this.updateVisibility();

  runtime.onstatus(function (status, detail) { self.showStatus(status, detail); });
  this.showStatus(runtime.status, runtime.detail);

  this.form.addEventListener("change", function () {
    self.updateVisibility();
    self.saveToFragment();
    self.compute(false);
  });
  this.form.addEventListener("submit", function (event) {
    event.preventDefault();
    self.saveToFragment();
    self.compute(true);
  });
  this.root.querySelector("[data-rg-clear]").addEventListener("click", function () { self.clear(); });
  this.form.addEventListener("focusin", function () { runtime.start(); }, { once: true });

  // Start Python early: when the page is idle, or as soon as the calculator scrolls into view.
  if ("IntersectionObserver" in window) {
    var io = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { io.disconnect(); runtime.start(); }
    });
    io.observe(this.root);
  }
  var idle = window.requestIdleCallback || function (fn) { return setTimeout(fn, 200); };
  idle(function () { runtime.start(); }, { timeout: 2000 });
  // Ready before the first result, in an idle task of its own.
  idle(function () { self.dates.warm(); }, { timeout: 3000 });
  // A result restored from a link is announced; an empty form's first result is not.
  runtime.start().then(function () { self.compute(false, !self.restored); }, function () {});
};

Widget.prototype.unavailable = function (reason) {
  var box = this.root.querySelector("[data-rg-unavailable]");
  var key = reason === "no_webassembly" || reason === "from_disk_unavailable" ? reason : "failed";
  box.textContent = this.words.ui("status." + key);
  box.hidden = false;
  this.form.hidden = true;
  if (this.rule) this.rule.open = true;   // the words are now the only answer
  this.statusEl.textContent = "";
  this.root.setAttribute("data-rg-state", "unavailable");
};

Widget.prototype.showStatus = function (status, detail) {
  if (status === "failed") { this.unavailable(detail); return; }
  this.root.setAttribute("data-rg-state", status);
  this.statusEl.textContent = this.words.ui("status." + status);
  this.output.setAttribute("aria-busy", status === "loading" ? "true" : "false");
};

Widget.prototype.clear = function () {
  this.form.reset();
  var params = fragmentParams();
  this.groups.forEach(function (group) { params.delete(group.getAttribute("data-field")); });
  writeFragment(params);
  this.updateVisibility();
  this.clearErrors();
  this.output.textContent = "";
  this.announce("");
  this.seq++;
  var firstInput = this.form.querySelector("input, select");
  if (firstInput) firstInput.focus();
  if (window.RGRuntime.status === "ready") this.compute(false, true);
};

/* ---------- calling the engine ---------- */
/* quiet: show the result without announcing it (first load of an empty form, after Clear). */
Widget.prototype.compute = function (fromSubmit, quiet) {
  var self = this;
  var runtime = window.RGRuntime;
  var theCase = this.readCase();
  var seq = ++this.seq;
  if (runtime.status !== "ready") {
    if (fromSubmit) this.statusEl.textContent = this.words.ui("status.loading");
    runtime.start().then(function () { if (seq === self.seq) self.compute(fromSubmit, quiet); }, function () {});
    return;
  }
  var unreadable = this.unreadableDates();
  runtime.call({ action: "compute", case: theCase, locale: this.locale }).then(function (response) {
    if (seq !== self.seq) return;            // a newer answer is on its way
    self.lastCase = theCase;
    if (response.ok && !unreadable.length) {
      self.clearErrors();
      self.renderResult(response.result, response.text);
      if (!quiet) self.announce(self.summaryText(response.result, response.text));
    } else {
      var own = {};
      unreadable.forEach(function (e) { own[e.field] = true; });
      var others = (response.ok ? [] : response.errors || []).filter(function (e) { return !own[e.field]; });
      self.output.textContent = "";
      self.announce("");                     // the error summary is an alert of its own
      self.showErrors(unreadable.concat(others), fromSubmit);
    }
  }, function () {});
};
