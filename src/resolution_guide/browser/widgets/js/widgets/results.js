/* Results: the parts a widget shows (definitions.yml `results`). Part of widgets.js (see resolution_guide.browser.scripts). */
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
