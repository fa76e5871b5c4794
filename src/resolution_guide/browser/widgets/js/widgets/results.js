/* Results: the parts a widget shows (definitions.yml `results`), in the engine's words.
 * Every sentence, name and date in words comes from response.text (engine.render: rendered once,
 * the same as the command line and the calendar file); from response.result come only codes,
 * ISO dates for <time datetime> and citations. Part of widgets.js. */

/* The engine's sentence, with its mention of `iso` (the date in the page's language) marked up
   as <time datetime>, so the machine-readable date travels with the words. */
function sentenceWithTime(sentence, iso, dates) {
  var p = el("p");
  var said = iso ? dates.long(iso) : null;
  var at = said ? sentence.indexOf(said) : -1;
  if (at < 0) { p.textContent = sentence; return p; }
  p.appendChild(document.createTextNode(sentence.slice(0, at)));
  p.appendChild(timeEl(iso, said));
  p.appendChild(document.createTextNode(sentence.slice(at + said.length)));
  return p;
}

Widget.prototype.deadlineRow = function (id, info, t) {
  var w = this.words;
  var row = el("li", { class: "rg-deadline", "data-deadline": id });
  row.appendChild(el("h4", { class: "rg-deadline-name", text: t.name }));
  if (info.date) {
    row.appendChild(el("p", { class: "rg-date" }, [timeEl(info.date, t.date)]));
  } else {
    row.appendChild(el("p", { class: "rg-date rg-no-date", text: w.ui("results.no_date") }));
    if (t.not_computable) row.appendChild(el("p", { text: t.not_computable }));
  }
  if (t.closed_day) {
    var note = sentenceWithTime(t.closed_day, info.last_business_day_on_or_before, this.dates);
    note.className = "rg-closed-day";
    row.appendChild(note);
  }
  var meta = el("p", { class: "rg-meta" });
  meta.appendChild(document.createTextNode(w.ui("results.counting", { counting: t.counting }) + " · "));
  meta.appendChild(el("cite", { text: info.citation }));
  row.appendChild(meta);
  if (t.reasons.length) {
    row.appendChild(el("details", { class: "rg-why" }, [
      el("summary", { text: w.ui("results.why") }),
      el("ol", {}, t.reasons.map(function (line) { return el("li", { text: line }); })),
    ]));
  }
  return row;
};

Widget.prototype.renderResult = function (result, text) {
  var out = el("div", { class: "rg-result" });
  out.appendChild(el("h3", { text: this.words.ui("results.heading") }));
  this.parts.forEach(function (part) {
    var node = this["part_" + part](result, text);
    if (node) out.appendChild(node);
  }, this);
  this.output.textContent = "";
  this.output.appendChild(out);
  this.root.setAttribute("data-rg-state", "result");
};

Widget.prototype.part_answer = function (result, text) {
  var value = result.resolution_meeting_required;
  if (value === null || value === undefined) return null;
  var box = el("div", { class: "rg-answer-box" });
  box.appendChild(el("p", {
    class: "rg-answer", "data-answer": "resolution_meeting_required", "data-value": String(value),
    text: text.meeting_required.answer,
  }));
  box.appendChild(el("ul", { class: "rg-reasons" }, text.meeting_required.reasons.map(function (r) {
    return el("li", { text: r });
  })));
  return box;
};

Widget.prototype.part_meeting_deadline = function (result, text) {
  var info = result.deadlines.resolution_meeting_by;
  if (!info) return null;
  return el("ul", { class: "rg-deadlines" }, [this.deadlineRow("resolution_meeting_by", info, text.deadlines.resolution_meeting_by)]);
};

Widget.prototype.part_deadlines = function (result, text) {
  if (!text.order.length) return el("p", { class: "rg-empty", text: this.words.ui("results.empty") });
  var wrap = el("div", {});
  wrap.appendChild(el("h3", { text: this.words.ui("results.your_dates") }));
  wrap.appendChild(el("ol", { class: "rg-deadlines" }, text.order.map(function (id) {
    return this.deadlineRow(id, result.deadlines[id], text.deadlines[id]);
  }, this)));
  return wrap;
};

/* A small picture of the family's own dates: a vertical line with gaps in proportion to
   the days between them (readable at phone width). The list above is the accessible
   version, so the picture is hidden from screen readers. */
Widget.prototype.part_timeline = function (result, text) {
  var d = this.dates, w = this.words;
  var ids = text.order.filter(function (id) { return result.deadlines[id].date; });
  if (ids.length < 2) return null;
  var previous = null;
  var items = ids.map(function (id) {
    var info = result.deadlines[id];
    var day = d.day(info.date);
    var gap = previous === null ? 0 : Math.min(Math.max((day - previous) * 0.12, 0.2), 4);
    previous = day;
    return el("li", { class: "rg-tl-item" + (info.on_non_business_day ? " rg-closed" : ""), style: "margin-top:" + gap.toFixed(2) + "em" }, [
      el("span", { class: "rg-tl-date", text: text.deadlines[id].date }),
      el("span", { class: "rg-tl-name", text: text.deadlines[id].name }),
    ]);
  });
  return el("div", { class: "rg-timeline-figure" }, [
    el("h4", { class: "rg-timeline-title", text: w.ui("results.timeline") }),
    el("ol", { class: "rg-timeline", "aria-hidden": "true" }, items),
  ]);
};

/* The business days counted, day by day, in the engine's words (text.deadlines[id].count). */
Widget.prototype.countedDays = function (t) {
  return el("ol", { class: "rg-count" }, (t.count || []).map(function (line) {
    return el("li", { class: line.counted ? "rg-counted" : "rg-skipped", text: line.text });
  }));
};

Widget.prototype.part_agreement = function (result, text) {
  var w = this.words, info = result.deadlines.agreement_void_until;
  if (!info) return el("p", { class: "rg-empty", text: w.ui("results.empty") });
  var t = text.deadlines.agreement_void_until;
  var wrap = el("div", {});
  wrap.appendChild(el("p", { text: w.ui("results.agreement_intro") }));
  wrap.appendChild(el("ul", { class: "rg-deadlines" }, [this.deadlineRow("agreement_void_until", info, t)]));
  wrap.appendChild(el("h4", { text: w.ui("results.business_days_counted") }));
  wrap.appendChild(this.countedDays(t));
  return wrap;
};

Widget.prototype.part_attendance = function (result, text) {
  var w = this.words, a = text.attendance;
  function cited(tag, entry, attrs) {
    return el(tag, attrs || {}, [document.createTextNode(entry.text + " "), el("cite", { text: "(" + entry.citation + ")" })]);
  }
  var wrap = el("div", { class: "rg-attendance" });
  wrap.appendChild(el("h4", { text: w.ui("results.must_attend") }));
  wrap.appendChild(el("ul", {}, a.must_attend.map(function (e) { return cited("li", e, { "data-who": e.who }); })));
  wrap.appendChild(el("h4", { text: w.ui("results.may_attend") }));
  wrap.appendChild(el("ul", {}, a.may_attend.map(function (e) { return cited("li", e, { "data-who": e.who }); })));
  wrap.appendChild(cited("p", a.district_attorney, { class: "rg-district-attorney", "data-answer": "district_attorney_allowed",
    "data-value": String(a.district_attorney.allowed) }));
  wrap.appendChild(el("h4", { text: w.ui("results.fees") }));
  wrap.appendChild(cited("p", a.fees, { "data-answer": "attorney_fees_for_meeting_recoverable",
    "data-value": String(result.attendance.attorney_fees_for_meeting_recoverable.value) }));
  wrap.appendChild(el("h4", { text: w.ui("results.confidentiality") }));
  wrap.appendChild(cited("p", a.confidential));
  wrap.appendChild(cited("p", a.mediation_confidential));
  return wrap;
};

Widget.prototype.part_assumptions = function (result, text) {
  var w = this.words;
  if (!text.assumptions.length) return null;
  return el("details", { class: "rg-assumptions" }, [
    el("summary", { text: w.ui("results.assumptions") }),
    el("ul", {}, text.assumptions.map(function (a) {
      return el("li", {}, [
        el("strong", { text: a.title }),
        document.createTextNode(" " + a.reading + " "),
        el("span", { class: "rg-alternative", text: w.ui("results.assumption_other", { text: a.alternative }) }),
        document.createTextNode(" "),
        el("cite", { text: "(" + a.citation + ")" }),
      ]);
    })),
  ]);
};

Widget.prototype.part_warnings = function (result, text) {
  if (!text.warnings.length) return null;
  return el("div", { class: "rg-warnings", role: "note" }, [
    el("h4", { text: this.words.ui("results.warnings") }),
    el("ul", {}, text.warnings.map(function (x) { return el("li", { "data-warning": x.code, text: x.text }); })),
  ]);
};
