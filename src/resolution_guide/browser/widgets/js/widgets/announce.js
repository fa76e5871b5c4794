/* One line for screen readers after each answer. Part of widgets.js (see resolution_guide.browser.scripts). */
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
