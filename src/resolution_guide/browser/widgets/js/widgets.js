/* The calculators' page side: questions shown as they become relevant, answers kept
 * in the URL fragment, results with reasons and citations, errors in the GOV.UK
 * pattern, .ics download and print. It talks to Python only through window.RGRuntime
 * (runtime.js), so the offline bundle reuses this file unchanged.
 * No cookies, no storage, no request to any other host.
 */
(function () {
  "use strict";
  if (window.RGWidgets) return;
  window.RGWidgets = { init: initAll };

  var DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

  /* ---------- words: locale -> English -> key ---------- */
  function wordsFor(locale) {
    var all = window.RGWords || {};
    var chain = [all[locale], all.en].filter(Boolean);
    function lookup(part, path) {
      for (var i = 0; i < chain.length; i++) {
        var node = chain[i][part];
        var keys = path.split(".");
        for (var k = 0; k < keys.length && node != null; k++) node = node[keys[k]];
        if (typeof node === "string") return node;
      }
      return null;
    }
    function fill(text, params) {
      return text.replace(/\{(\w+)\}/g, function (m, key) {
        return params && params[key] != null ? String(params[key]) : m;
      });
    }
    /* A field's own word, e.g. fields["options.receipt_day"].short: keys with dots are looked up whole. */
    function fieldWord(name, prop) {
      for (var i = 0; i < chain.length; i++) {
        var entry = chain[i].ui && chain[i].ui.fields && chain[i].ui.fields[name];
        if (entry && typeof entry[prop] === "string") return entry[prop];
      }
      return null;
    }
    return {
      field: fieldWord,
      ui: function (path, params) { var t = lookup("ui", path); return t == null ? path.split(".").pop() : fill(t, params); },
      engine: function (path, params) { var t = lookup("engine", path); return t == null ? null : fill(t, params); },
    };
  }

  /* ---------- dates in the page's language ---------- */
  /* The formatters are made on first use and shared: making the first Intl.DateTimeFormat
     loads locale data (about 20 ms here), which must not land in the page's start-up task. */
  var formatters = {};
  function formatter(lang, style) {
    var key = lang + " " + style;
    if (!formatters[key]) {
      formatters[key] = new Intl.DateTimeFormat(lang, { weekday: style, year: "numeric", month: style, day: "numeric", timeZone: "UTC" });
    }
    return formatters[key];
  }
  function makeDates(lang) {
    function toDate(iso) { var p = iso.split("-"); return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])); }
    return {
      long: function (iso) { return formatter(lang, "long").format(toDate(iso)); },
      short: function (iso) { return formatter(lang, "short").format(toDate(iso)); },
      day: function (iso) { return toDate(iso).getTime() / 86400000; },
      warm: function (style) { formatter(lang, style); },
    };
  }

  /* ---------- small DOM helpers ---------- */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      if (key === "text") node.textContent = attrs[key];
      else if (key === "class") node.className = attrs[key];
      else node.setAttribute(key, attrs[key]);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }
  function timeEl(iso, text) { return el("time", { datetime: iso, text: text }); }

  /* ---------- the URL fragment: answers a family can bookmark ---------- */
  function fragmentParams() {
    var hash = location.hash.replace(/^#/, "");
    return hash.indexOf("=") >= 0 ? new URLSearchParams(hash) : new URLSearchParams();
  }
  function writeFragment(params) {
    var text = params.toString();
    var url = location.pathname + location.search + (text ? "#" + text : "");
    history.replaceState(history.state, "", url);
  }

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
    this.lang = document.documentElement.lang || root.getAttribute("data-locale") || "en";
    this.words = wordsFor(root.getAttribute("data-locale") || "en");
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
    // Ready before the first result, one formatter per idle task so each task stays short.
    idle(function () { self.dates.warm("short"); }, { timeout: 3000 });
    idle(function () { self.dates.warm("long"); }, { timeout: 3000 });
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

  /* ---------- questions revealed as they become relevant ---------- */
  Widget.prototype.rawValue = function (name) {
    var inputs = this.form.elements[name];
    if (!inputs) return "";
    if (inputs.length !== undefined && inputs.tagName !== "SELECT") {
      for (var i = 0; i < inputs.length; i++) {
        if ((inputs[i].type === "radio" || inputs[i].type === "checkbox") && inputs[i].checked) return inputs[i].value;
        if (inputs[i].type === "date" && inputs[i].value) return inputs[i].value;
      }
      return "";
    }
    if (inputs.type === "checkbox") return inputs.checked ? "true" : "";
    return inputs.value || "";
  };

  Widget.prototype.isShown = function (group) {
    var rule = group.getAttribute("data-show-if");
    if (!rule) return true;
    var cond = JSON.parse(rule);
    var self = this;
    return Object.keys(cond).every(function (name) {
      var value = self.rawValue(name);
      return cond[name] === "given" ? value !== "" : value === cond[name];
    });
  };

  Widget.prototype.updateVisibility = function () {
    var self = this;
    // Repeat until stable: hiding one question can hide another that depends on it.
    for (var pass = 0; pass < 3; pass++) {
      this.groups.forEach(function (group) { group.hidden = !self.isShown(group); });
    }
  };

  Widget.prototype.fieldInputs = function (group) {
    return Array.prototype.slice.call(group.querySelectorAll("input, select"));
  };

  /* "options.receipt_day" sets c.options.receipt_day: the case's options object. */
  function setCaseValue(c, name, value) {
    var dot = name.indexOf(".");
    if (dot < 0) { c[name] = value; return; }
    var outer = name.slice(0, dot);
    c[outer] = c[outer] || {};
    c[outer][name.slice(dot + 1)] = value;
  }

  /* ---------- answers -> case object (only questions on screen) ---------- */
  Widget.prototype.readCase = function () {
    var flat = {};
    this.readFields(flat);
    var c = {};
    Object.keys(flat).forEach(function (name) { setCaseValue(c, name, flat[name]); });
    return c;
  };

  Widget.prototype.readFields = function (c) {
    this.groups.forEach(function (group) {
      if (group.hidden) return;
      var name = group.getAttribute("data-field");
      var inputs = this.fieldInputs(group);
      var first = inputs[0];
      if (first.type === "radio") {
        var checked = inputs.filter(function (i) { return i.checked; })[0];
        if (!checked || checked.value === "") return;
        c[name] = checked.value === "true" ? true : checked.value === "false" ? false : checked.value;
      } else if (first.type === "checkbox") {
        if (first.checked) c[name] = true;
      } else if (first.getAttribute("data-list") === "dates") {
        var dates = first.value.split(/[\s,;]+/).filter(Boolean);
        if (dates.length) c[name] = dates;
      } else if (inputs.length > 1) {
        var list = inputs.map(function (i) { return i.value; }).filter(Boolean);
        if (list.length) c[name] = list;
      } else if (first.value) {
        c[name] = first.value;
      }
    }, this);
  };

  Widget.prototype.saveToFragment = function () {
    var params = fragmentParams();
    var self = this;
    this.groups.forEach(function (group) { params.delete(group.getAttribute("data-field")); });
    this.groups.forEach(function (group) {
      if (group.hidden) return;
      var name = group.getAttribute("data-field");
      self.fieldInputs(group).forEach(function (input) {
        if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
        // An optional setting left at this guide's reading needs no place in the fragment.
        if (input.type === "radio" && input.defaultChecked && input.closest("[data-rg-group]")) return;
        if (input.value || input.type === "date") params.append(name, input.value);
      });
    });
    // Drop trailing empty dates so the fragment stays short.
    var clean = new URLSearchParams();
    params.forEach(function (value, key) { if (value !== "" || params.getAll(key).some(Boolean)) clean.append(key, value); });
    writeFragment(clean);
  };

  Widget.prototype.restoreFromFragment = function () {
    var params = fragmentParams();
    var self = this;
    this.restored = false;
    this.groups.forEach(function (group) {
      var name = group.getAttribute("data-field");
      if (!params.has(name)) return;
      var values = params.getAll(name);
      self.restored = true;
      self.fieldInputs(group).forEach(function (input, index) {
        if (input.type === "radio" || input.type === "checkbox") input.checked = values.indexOf(input.value) >= 0;
        else if (input.type === "date") input.value = DATE_RE.test(values[index] || "") ? values[index] : "";
        else input.value = values[0];
      });
    });
    this.openChangedGroups();
  };

  /* A collapsed optional group opens when an answer in it differs from this guide's reading,
     so a shared link never hides why its dates differ. */
  Widget.prototype.openChangedGroups = function () {
    var boxes = this.root.querySelectorAll("details[data-rg-group]");
    for (var i = 0; i < boxes.length; i++) {
      var radios = boxes[i].querySelectorAll("input[type=radio]");
      for (var j = 0; j < radios.length; j++) {
        if (radios[j].checked !== radios[j].defaultChecked) { boxes[i].open = true; break; }
      }
    }
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
    runtime.call({ action: "compute", case: theCase }).then(function (response) {
      if (seq !== self.seq) return;            // a newer answer is on its way
      self.lastCase = theCase;
      if (response.ok && !unreadable.length) {
        self.clearErrors();
        self.renderResult(response.result);
        if (!quiet) self.announce(self.summaryText(response.result));
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

  /* A date field holding an impossible or half-typed date reports value "" as if it were empty;
     only validity.badInput tells them apart, so without this check the answer would vanish. */
  Widget.prototype.unreadableDates = function () {
    var errors = [];
    this.groups.forEach(function (group) {
      if (group.hidden) return;
      var bad = this.fieldInputs(group).filter(function (i) { return i.validity && i.validity.badInput; })[0];
      if (bad) errors.push({ field: group.getAttribute("data-field"), code: "not_a_date", input: bad });
    }, this);
    return errors;
  };

  Widget.prototype.announce = function (text) {
    if (this.announcer && this.announcer.textContent !== text) this.announcer.textContent = text;
  };

  /* One line for a screen reader: what is ready and the date or answer that matters most.
     The full results stay on the page to be read at the listener's own pace. */
  Widget.prototype.summaryText = function (result) {
    var w = this.words, d = this.dates, parts = this.parts;
    function has(part) { return parts.indexOf(part) >= 0; }
    var deadlines = result.deadlines || {};
    var meeting = deadlines.resolution_meeting_by;
    var meetingBy = meeting && meeting.date ? w.ui("announce.meeting_by", { date: d.long(meeting.date) }) : null;
    var required = result.resolution_meeting_required;
    var answer = required === true || required === false ? w.engine("answers." + required) : null;
    var said = [];
    if (has("deadlines")) {
      var dated = byDate(deadlines).filter(function (id) { return deadlines[id].date; });
      if (!dated.length) return w.ui("results.empty");
      said.push(dated.length === 1 ? w.ui("announce.dates_one") : w.ui("announce.dates", { count: dated.length }));
      said.push(meetingBy || answer || w.ui("announce.first_date", {
        name: w.engine("deadlines." + dated[0]) || dated[0], date: d.long(deadlines[dated[0]].date) }));
    } else if (has("answer")) {
      said.push(answer);
      if (has("meeting_deadline")) said.push(meetingBy);
    }
    if (has("agreement")) {
      var info = deadlines.agreement_void_until;
      said.push(info && info.date ? w.ui("announce.agreement", { date: d.long(info.date) }) : w.ui("results.empty"));
    }
    if (has("attendance") && result.attendance) {
      said.push(w.ui("announce.attendance"));
      var lawyer = result.attendance.may_attend.filter(function (e) { return e.who === "district_attorney"; })[0];
      if (lawyer) said.push(w.ui("results.district_attorney_" + (lawyer.allowed === true ? "yes" : lawyer.allowed === false ? "no" : "if")));
    }
    return said.filter(Boolean).join(" ");
  };

  /* The field's short name for the error summary: this page's words, then the engine's. */
  Widget.prototype.shortLabel = function (name, group) {
    var label = this.words.field(name, "short") || this.words.engine("fields." + name);
    if (label) return label;
    var caption = group.querySelector("legend, label");
    return caption ? caption.firstChild.textContent.trim() : name;
  };

  /* ---------- GOV.UK error pattern ---------- */
  Widget.prototype.clearErrors = function () {
    this.summary.hidden = true;
    this.summary.querySelector("ul").textContent = "";
    this.groups.forEach(function (group) {
      group.classList.remove("rg-field-error");
      var msg = group.querySelector(".rg-error-message");
      if (msg) { msg.hidden = true; msg.textContent = ""; }
      this.fieldInputs(group).forEach(function (i) { i.removeAttribute("aria-invalid"); });
    }, this);
  };

  Widget.prototype.showErrors = function (errors, moveFocus) {
    var self = this;
    var list = this.summary.querySelector("ul");
    this.clearErrors();
    errors.forEach(function (error) {
      var group = error.field && self.root.querySelector('[data-field="' + error.field + '"]');
      var text = self.words.ui("errors." + error.code, error.params);
      if (text === error.code) text = self.words.engine("errors." + error.code, error.params) || error.message;
      var item = el("li");
      if (group && !group.hidden) {
        var input = error.input || self.fieldInputs(group)[0];
        var box = group.closest("details");
        if (box) box.open = true;
        var linkText = self.words.ui("errors.link", { field: self.shortLabel(error.field, group), message: text });
        var link = el("a", { href: "#" + input.id, text: linkText });
        link.addEventListener("click", function (event) {
          event.preventDefault();       // keep the answers in the fragment; just move focus
          input.focus();
          group.scrollIntoView({ block: "center" });
        });
        item.appendChild(link);
        group.classList.add("rg-field-error");
        var msg = group.querySelector(".rg-error-message");
        msg.textContent = "";
        msg.appendChild(el("span", { class: "rg-visually-hidden", text: self.words.ui("errors.prefix") + " " }));
        msg.appendChild(document.createTextNode(text));
        msg.hidden = false;
        self.fieldInputs(group).forEach(function (i) { i.setAttribute("aria-invalid", "true"); });
      } else {
        item.textContent = text;
      }
      list.appendChild(item);
    });
    this.summary.hidden = false;
    this.root.setAttribute("data-rg-state", "error");
    if (moveFocus) this.summary.focus();
  };

  /* ---------- results ---------- */
  Widget.prototype.stepText = function (step) {
    var w = this.words, d = this.dates, params = {};
    Object.keys(step).forEach(function (key) {
      var value = step[key];
      if (typeof value === "string" && DATE_RE.test(value)) value = d.short(value);
      else if (key === "field") value = w.engine("fields." + value) || w.engine("deadlines." + value) || value;
      else if (key === "counting") value = w.engine("counting." + value) || value;
      else if (key === "direction") value = w.engine("directions." + value) || value;
      else if (key === "why") value = this.whyText(step);
      params[key] = value;
    }, this);
    var text = w.engine("steps." + step.step, params);
    if (text && step.skipped && step.skipped.length) {
      text += " (" + step.skipped.map(this.whyText, this).join(", ") + ")";
    }
    return text;
  };

  Widget.prototype.whyText = function (skip) {
    var w = this.words;
    if (skip.why !== "holiday") return w.engine("why." + skip.why) || skip.why;
    if (skip.source === "federal") {
      var name = w.engine("holidays." + skip.holiday) || skip.holiday;
      return skip.observed ? w.engine("holidays.observed", { holiday: name }) : name;
    }
    return w.engine("holidays." + skip.holiday, { name: skip.name || "", state: skip.state || "" }) || skip.name || skip.holiday;
  };

  Widget.prototype.deadlineRow = function (id, info, tag) {
    var w = this.words, d = this.dates;
    var row = el(tag || "li", { class: "rg-deadline", "data-deadline": id });
    row.appendChild(el("h4", { class: "rg-deadline-name", text: w.engine("deadlines." + id) || id }));
    if (info.date) {
      row.appendChild(el("p", { class: "rg-date" }, [timeEl(info.date, d.long(info.date))]));
    } else {
      row.appendChild(el("p", { class: "rg-date rg-no-date", text: w.ui("results.no_date") }));
      if (info.not_computable_reason) {
        row.appendChild(el("p", { text: w.engine("not_computable." + info.not_computable_reason) || info.not_computable_reason }));
      }
    }
    if (info.on_non_business_day && info.last_business_day_on_or_before) {
      var note = el("p", { class: "rg-closed-day" });
      var closedStep = (info.reasons || []).filter(function (s) { return s.step === "closed_day_no_roll_forward"; })[0];
      var why = closedStep && closedStep.skipped ? closedStep.skipped.map(this.whyText, this).join(", ") : w.engine("why.weekend");
      var parts = w.ui("results.closed_day", { why: why }).split("{date}");
      note.appendChild(document.createTextNode(parts[0]));
      note.appendChild(timeEl(info.last_business_day_on_or_before, d.long(info.last_business_day_on_or_before)));
      note.appendChild(document.createTextNode(parts[1] || ""));
      row.appendChild(note);
    }
    var meta = el("p", { class: "rg-meta" });
    meta.appendChild(document.createTextNode(w.ui("results.counting", { counting: w.engine("counting." + info.counting) || info.counting }) + " · "));
    meta.appendChild(el("cite", { text: info.citation }));
    row.appendChild(meta);
    var steps = (info.reasons || []).map(this.stepText, this).filter(Boolean);
    if (steps.length) {
      row.appendChild(el("details", { class: "rg-why" }, [
        el("summary", { text: w.ui("results.why") }),
        el("ol", {}, steps.map(function (t) { return el("li", { text: t }); })),
      ]));
    }
    return row;
  };

  function byDate(deadlines) {
    return Object.keys(deadlines).sort(function (a, b) {
      var da = deadlines[a].date || "9999", db = deadlines[b].date || "9999";
      return da < db ? -1 : da > db ? 1 : 0;
    });
  }

  Widget.prototype.renderResult = function (result) {
    var out = el("div", { class: "rg-result" });
    out.appendChild(el("h3", { text: this.words.ui("results.heading") }));
    this.parts.forEach(function (part) {
      var node = this["part_" + part] && this["part_" + part](result);
      if (node) out.appendChild(node);
    }, this);
    this.output.textContent = "";
    this.output.appendChild(out);
    this.root.setAttribute("data-rg-state", "result");
  };

  Widget.prototype.part_answer = function (result) {
    var w = this.words, value = result.resolution_meeting_required;
    if (value === null || value === undefined) return null;
    var box = el("div", { class: "rg-answer-box" });
    box.appendChild(el("p", {
      class: "rg-answer", "data-answer": "resolution_meeting_required", "data-value": String(value),
      text: w.engine("answers." + value),
    }));
    box.appendChild(el("ul", { class: "rg-reasons" }, (result.resolution_meeting_reasons || []).map(function (r) {
      return el("li", { text: w.engine("meeting_reasons." + r.code, { citation: r.citation }) || r.code });
    })));
    return box;
  };

  Widget.prototype.part_meeting_deadline = function (result) {
    var info = result.deadlines.resolution_meeting_by;
    if (!info) return null;
    return el("ul", { class: "rg-deadlines" }, [this.deadlineRow("resolution_meeting_by", info)]);
  };

  Widget.prototype.part_deadlines = function (result) {
    var ids = byDate(result.deadlines);
    if (!ids.length) return el("p", { class: "rg-empty", text: this.words.ui("results.empty") });
    var wrap = el("div", {});
    wrap.appendChild(el("h3", { text: this.words.ui("results.your_dates") }));
    wrap.appendChild(el("ol", { class: "rg-deadlines" }, ids.map(function (id) {
      return this.deadlineRow(id, result.deadlines[id]);
    }, this)));
    return wrap;
  };

  /* A small picture of the family's own dates: a vertical line with gaps in proportion to
     the days between them (readable at phone width). The list above is the accessible
     version, so the picture is hidden from screen readers. */
  Widget.prototype.part_timeline = function (result) {
    var d = this.dates, w = this.words;
    var ids = byDate(result.deadlines).filter(function (id) { return result.deadlines[id].date; });
    if (ids.length < 2) return null;
    var previous = null;
    var items = ids.map(function (id) {
      var info = result.deadlines[id];
      var day = d.day(info.date);
      var gap = previous === null ? 0 : Math.min(Math.max((day - previous) * 0.12, 0.2), 4);
      previous = day;
      var item = el("li", { class: "rg-tl-item" + (info.on_non_business_day ? " rg-closed" : ""), style: "margin-top:" + gap.toFixed(2) + "em" }, [
        el("span", { class: "rg-tl-date", text: d.short(info.date) }),
        el("span", { class: "rg-tl-name", text: w.engine("deadlines." + id) || id }),
      ]);
      return item;
    });
    return el("div", { class: "rg-timeline-figure" }, [
      el("h4", { class: "rg-timeline-title", text: w.ui("results.timeline") }),
      el("ol", { class: "rg-timeline", "aria-hidden": "true" }, items),
    ]);
  };

  Widget.prototype.part_agreement = function (result) {
    var w = this.words, d = this.dates, info = result.deadlines.agreement_void_until;
    if (!info) return el("p", { class: "rg-empty", text: w.ui("results.empty") });
    var wrap = el("div", {});
    wrap.appendChild(el("p", { text: w.ui("results.agreement_intro") }));
    wrap.appendChild(el("ul", { class: "rg-deadlines" }, [this.deadlineRow("agreement_void_until", info)]));
    var counted = (info.reasons || []).filter(function (s) { return s.step === "count_day" || s.step === "skip_day" || s.step === "skip_days"; });
    var table = el("ol", { class: "rg-count" }, counted.map(function (s) {
      return el("li", { class: s.step === "count_day" ? "rg-counted" : "rg-skipped", text: this.stepText(s) });
    }, this));
    wrap.appendChild(el("h4", { text: w.ui("results.business_days_counted") }));
    wrap.appendChild(table);
    return wrap;
  };

  Widget.prototype.part_attendance = function (result) {
    var w = this.words, a = result.attendance;
    function item(entry) {
      return el("li", { "data-who": entry.who }, [
        document.createTextNode((w.engine("attendance." + entry.who) || entry.who) + " "),
        el("cite", { text: "(" + entry.citation + ")" }),
      ]);
    }
    var wrap = el("div", { class: "rg-attendance" });
    wrap.appendChild(el("h4", { text: w.ui("results.must_attend") }));
    wrap.appendChild(el("ul", {}, a.must_attend.map(item)));
    wrap.appendChild(el("h4", { text: w.ui("results.may_attend") }));
    wrap.appendChild(el("ul", {}, a.may_attend.filter(function (e) { return e.allowed !== false; }).map(item)));
    var lawyer = a.may_attend.filter(function (e) { return e.who === "district_attorney"; })[0];
    if (lawyer) {
      var key = lawyer.allowed === true ? "yes" : lawyer.allowed === false ? "no" : "if";
      wrap.appendChild(el("p", { class: "rg-district-attorney", "data-answer": "district_attorney_allowed",
        "data-value": String(lawyer.allowed), text: w.ui("results.district_attorney_" + key) + " (" + lawyer.citation + ")" }));
    }
    var fees = a.attorney_fees_for_meeting_recoverable;
    wrap.appendChild(el("h4", { text: w.ui("results.fees") }));
    wrap.appendChild(el("p", { "data-answer": "attorney_fees_for_meeting_recoverable", "data-value": String(fees.value),
      text: w.engine("attendance.fees") + " (" + fees.citation + ")" }));
    wrap.appendChild(el("h4", { text: w.ui("results.confidentiality") }));
    wrap.appendChild(el("p", { text: w.engine("attendance.not_confidential") + " (" + a.confidential.citation + ")" }));
    if (a.mediation_confidential) {
      wrap.appendChild(el("p", { text: w.engine("attendance.mediation_confidential") + " (" + a.mediation_confidential.citation + ")" }));
    }
    return wrap;
  };

  Widget.prototype.part_assumptions = function (result) {
    var w = this.words;
    if (!result.assumptions.length) return null;
    return el("details", { class: "rg-assumptions" }, [
      el("summary", { text: w.ui("results.assumptions") }),
      el("ul", {}, result.assumptions.map(function (a) {
        return el("li", {}, [
          el("strong", { text: w.engine("assumptions." + a.id + ".title") || a.id }),
          document.createTextNode(" " + (w.engine("assumptions." + a.id + "." + a.reading) || a.reading) + " "),
          el("span", { class: "rg-alternative", text: w.ui("results.assumption_other", { text: w.engine("assumptions." + a.id + "." + a.alternative) || a.alternative }) }),
          document.createTextNode(" "),
          el("cite", { text: "(" + a.citation + ")" }),
        ]);
      })),
    ]);
  };

  Widget.prototype.part_warnings = function (result) {
    var w = this.words, d = this.dates;
    if (!result.warnings.length) return null;
    return el("div", { class: "rg-warnings", role: "note" }, [
      el("h4", { text: w.ui("results.warnings") }),
      el("ul", {}, result.warnings.map(function (x) {
        var params = {};
        Object.keys(x.params || {}).forEach(function (k) {
          var v = x.params[k];
          params[k] = typeof v === "string" && DATE_RE.test(v) ? d.short(v) : v;
        });
        if (x.field) params.field = w.engine("fields." + x.field) || x.field;
        return el("li", { "data-warning": x.code, text: w.engine("warnings." + x.code, params) || x.code });
      })),
    ]);
  };

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
    window.RGRuntime.call({ action: "ics", case: this.lastCase || this.readCase() }).then(function (response) {
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

  /* Set up in a task of its own: a deferred script runs in the same task as the theme's
     DOMContentLoaded handlers, and together they made one long main-thread task. */
  function initSoon() { setTimeout(initAll, 0); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", initSoon);
  else initSoon();
})();
