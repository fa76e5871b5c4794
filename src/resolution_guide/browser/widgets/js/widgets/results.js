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

/* One date: name, date with days left, the engine's status; how it was worked out (counting,
   citation, reasons) behind a closed disclosure, so the list stays short on a phone. */
Widget.prototype.deadlineRow = function (id, info, t) {
  var w = this.words;
  var row = el("li", { class: "rg-deadline", "data-deadline": id, "data-status": info.status || "" });
  row.appendChild(el("h4", { class: "rg-deadline-name", text: t.name }));
  if (info.date) {
    row.appendChild(el("p", { class: "rg-date" }, [timeEl(info.date, t.date)]));
  } else {
    row.appendChild(el("p", { class: "rg-date rg-no-date", text: w.ui("results.no_date") }));
    if (t.not_computable) row.appendChild(el("p", { text: t.not_computable }));
  }
  // The status, then the days left ("Coming up  in 2 days"); a moot date has no days left (engine).
  if (t.status || t.days_left) row.appendChild(el("p", { class: "rg-date-status" }, [
    t.status ? document.createTextNode(t.status) : null,
    t.days_left ? el("span", { class: "rg-days-left", text: t.days_left }) : null,
  ]));
  if (t.closed_day) {
    var note = sentenceWithTime(t.closed_day, info.last_business_day_on_or_before, this.dates);
    note.className = "rg-closed-day";
    row.appendChild(note);
  }
  var meta = el("p", { class: "rg-meta" });
  meta.appendChild(document.createTextNode(w.ui("results.counting", { counting: t.counting }) + " · "));
  meta.appendChild(el("cite", { text: info.citation }));
  row.appendChild(el("details", { class: "rg-why" }, [
    el("summary", { text: w.ui("results.why") }),
    meta,
    t.reasons.length ? el("ol", {}, t.reasons.map(function (line) { return el("li", { text: line }); })) : null,
  ]));
  return row;
};

Widget.prototype.renderResult = function (result, text) {
  var out = el("div", { class: "rg-result" });
  this.lastResult = result;
  this.lastText = text;
  this.parts.forEach(function (part) {
    var node = this["part_" + part](result, text);
    if (node) out.appendChild(node);
  }, this);
  if (!out.querySelector(".rg-lead")) {
    out.insertBefore(el("h3", { class: "rg-lead", tabindex: "-1", text: this.words.ui("results.heading") }), out.firstChild);
  }
  this.output.textContent = "";
  this.output.appendChild(out);
  this.root.setAttribute("data-rg-state", "result");
};

/* After "Show my results": the first result gets focus and comes into view, right under the button. */
Widget.prototype.bringResultsIntoView = function () {
  var lead = this.output.querySelector(".rg-lead");
  if (!lead) return;
  lead.focus({ preventScroll: true });
  lead.scrollIntoView({ block: "start" });
};

/* A date "no longer applies" when the facts made it moot (engine status): never shown as current. */
function isMoot(info) { return info.status === "no_longer_applies"; }
/* The dates still ahead: coming up or today (undated and moot dates are not "next"). */
function isAhead(info) { return !!info.date && (info.status === "upcoming" || info.status === "today" || !info.status); }

/* The day the results are "as of": the case's today (sent by the form), else this device's date. */
Widget.prototype.todayIso = function () {
  var c = (this.lastResult && this.lastResult.case) || this.lastCase || {};
  if (c.today) return c.today;
  var now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
};

/* A ui sentence with {today} as a <time> element. */
Widget.prototype.sentenceWithToday = function (key, params, cls) {
  var iso = this.todayIso();
  var parts = this.words.ui(key, params).split("{today}");
  return el("p", { class: cls }, [document.createTextNode(parts[0]), timeEl(iso, this.dates.long(iso)),
    document.createTextNode(parts[1] || "")]);
};

/* What leads: where the case stands today, the next date with days left, and who does what by when
   (the engine's next_steps). Every name, date and step is the engine's text; only the frame is ours. */
Widget.prototype.part_lead = function (result, text) {
  var w = this.words, deadlines = result.deadlines;
  var ahead = text.order.filter(function (id) { return isAhead(deadlines[id]); });
  var wrap = el("div", { class: "rg-lead-wrap" });
  wrap.appendChild(el("h3", { class: "rg-lead", tabindex: "-1", text: w.ui("results.lead_heading") }));
  if (!text.order.length) {
    wrap.appendChild(el("p", { class: "rg-empty", text: w.ui("results.empty") }));
    return wrap;
  }
  var hasStatus = text.order.some(function (id) { return deadlines[id].status; });
  if (hasStatus) {
    var key = ahead.length === 1 ? "results.standing_one" : ahead.length ? "results.standing" : "results.standing_none";
    wrap.appendChild(this.sentenceWithToday(key, { count: ahead.length }, "rg-standing"));
  }
  if (ahead.length) {
    var id = ahead[0], t = text.deadlines[id];
    wrap.appendChild(el("p", { class: "rg-next-date" }, [
      document.createTextNode(w.ui("results.next_date") + " "),
      el("strong", { text: t.name }),
      document.createTextNode(": "),
      timeEl(deadlines[id].date, t.date),
      t.days_left ? el("span", { class: "rg-days-left", text: t.days_left }) : null,
    ]));
  }
  if (text.next_steps && text.next_steps.length) {
    wrap.appendChild(el("h4", { text: w.ui("results.next_steps") }));
    wrap.appendChild(el("ol", { class: "rg-next-steps" }, text.next_steps.map(function (step, i) {
      var iso = result.next_steps[i] && result.next_steps[i].date;
      var when = [
        step.date ? (iso ? timeEl(iso, step.date) : document.createTextNode(step.date)) : null,
        step.days_left ? el("span", { class: "rg-days-left", text: step.days_left }) : null,
        step.who ? el("span", { class: "rg-who", text: step.who }) : null,
      ];
      return el("li", { "data-step": step.code }, [
        when.some(Boolean) ? el("p", { class: "rg-step-when" }, when) : null,
        el("p", { class: "rg-step-text", text: step.text }),
      ]);
    })));
  }
  return wrap;
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

/* Every date with its status; the ones that no longer apply folded into their own closed group. */
Widget.prototype.part_deadlines = function (result, text) {
  if (!text.order.length) return null;
  var w = this.words, deadlines = result.deadlines;
  var current = text.order.filter(function (id) { return !isMoot(deadlines[id]); });
  var moot = text.order.filter(function (id) { return isMoot(deadlines[id]); });
  var wrap = el("div", { class: "rg-all-dates" });
  wrap.appendChild(el("h3", { text: w.ui("results.your_dates") }));
  wrap.appendChild(el("ol", { class: "rg-deadlines rg-current" }, current.map(function (id) {
    return this.deadlineRow(id, deadlines[id], text.deadlines[id]);
  }, this)));
  if (moot.length) {
    wrap.appendChild(el("details", { class: "rg-moot" }, [
      el("summary", { text: w.ui("results.moot", { count: moot.length }) }),
      el("p", { class: "rg-hint", text: w.ui("results.moot_intro") }),
      el("ol", { class: "rg-deadlines" }, moot.map(function (id) {
        return this.deadlineRow(id, deadlines[id], text.deadlines[id]);
      }, this)),
    ]));
  }
  return wrap;
};

/* Help near you: the national parent-center finder on every result, and the state's own parent
   center when the state's pack names one (engine.api.describe's `states`, asked once per page). */
var describedStates;
Widget.prototype.part_help = function (result) {
  var w = this.words, state = result.case && result.case.state;
  var box = el("div", { class: "rg-help" }, [
    el("h4", { text: w.ui("results.help_heading") }),
    el("p", {}, [
      document.createTextNode(w.ui("results.help_text") + " "),
      el("a", { href: w.ui("results.help_url"), text: w.ui("results.help_link") }),
    ]),
  ]);
  var org = this.organizationContacts("p");
  if (org) box.appendChild(org);
  if (state) {
    describedStates = describedStates || window.RGRuntime.call({ action: "describe", locale: this.locale });
    describedStates.then(function (response) {
      var entry = ((response && response.describe && response.describe.states) || []).filter(function (s) { return s.code === state; })[0];
      var center = entry && entry.parent_center;
      if (!center || !/^https:\/\//.test(center.url)) return;
      box.appendChild(el("p", { class: "rg-help-state" }, [
        document.createTextNode(w.ui("results.help_state") + " "),
        el("a", { href: center.url, text: center.name }),
      ]));
    }, function () {});
  }
  return box;
};

/* The embedded JSON a page carries for its calculators (#rg-letter-pack, #rg-bring, #rg-organization), or null. */
function pageData(id) {
  var node = document.getElementById(id);
  try { return node ? JSON.parse(node.textContent) : null; } catch (e) { return null; }
}

/* Who publishes this copy of the guide (mkdocs.yml `organization:`, embedded by the build with its
   words from words.yml): "<name> can help you:" and the contacts as links. Null without one. */
Widget.prototype.organizationContacts = function (tag) {
  var org = pageData("rg-organization");
  if (!org || !org.name) return null;
  var words = org.words || {}, intro = String(words.intro || "{name}").split("{name}");
  var parts = [document.createTextNode(intro[0]), el("strong", { text: org.name }), document.createTextNode((intro[1] || "") + " ")];
  var contacts = [];
  if (org.phone) contacts.push([words.phone, el("a", { href: "tel:" + org.phone.replace(/\s/g, ""), text: org.phone })]);
  if (org.email) contacts.push([words.email, el("a", { href: "mailto:" + org.email, text: org.email })]);
  if (org.site && /^https?:\/\//.test(org.site)) contacts.push([words.site, el("a", { href: org.site, text: org.site })]);
  if (org.hours) contacts.push([words.hours, document.createTextNode(org.hours)]);
  if (org.languages) contacts.push([words.languages, document.createTextNode(org.languages.join(", "))]);
  contacts.forEach(function (c, i) {
    parts.push(document.createTextNode((i ? "; " : "") + c[0] + ": "), c[1]);
  });
  if (contacts.length) parts.push(document.createTextNode("."));
  return el(tag, { class: "rg-help-org", "data-rg-org": "" }, parts);
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
