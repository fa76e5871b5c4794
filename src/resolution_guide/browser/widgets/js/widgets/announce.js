/* One line for screen readers after each answer. Part of widgets.js (see resolution_guide.browser.scripts). */
Widget.prototype.announce = function (text) {
  if (this.announcer && this.announcer.textContent !== text) this.announcer.textContent = text;
};

/* One line for a screen reader: what is ready and the date or answer that matters most, in the
   engine's words (text). The full results stay on the page to be read at the listener's own pace. */
Widget.prototype.summaryText = function (result, text) {
  var w = this.words, parts = this.parts;
  function has(part) { return parts.indexOf(part) >= 0; }
  var dates = text.deadlines || {};
  var meeting = dates.resolution_meeting_by;
  var meetingBy = meeting && meeting.date ? w.ui("announce.meeting_by", { date: meeting.date }) : null;
  var answer = text.meeting_required && text.meeting_required.answer;
  var said = [];
  if (has("deadlines")) {
    var dated = text.order.filter(function (id) { return dates[id].date; });
    if (!dated.length) return w.ui("results.empty");
    said.push(dated.length === 1 ? w.ui("announce.dates_one") : w.ui("announce.dates", { count: dated.length }));
    said.push(meetingBy || answer || w.ui("announce.first_date", { name: dates[dated[0]].name, date: dates[dated[0]].date }));
  } else if (has("answer")) {
    said.push(answer);
    if (has("meeting_deadline")) said.push(meetingBy);
  }
  if (has("agreement")) {
    var info = dates.agreement_void_until;
    said.push(info && info.date ? w.ui("announce.agreement", { date: info.date }) : w.ui("results.empty"));
  }
  if (has("attendance") && text.attendance) {
    said.push(w.ui("announce.attendance"), text.attendance.district_attorney.text);
  }
  return said.filter(Boolean).join(" ");
};
