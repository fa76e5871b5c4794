/* Dates: the long form of an ISO date in the page's language (browser Intl), used only to find a
   date inside an engine sentence and mark it up as <time datetime>, and to show a date answer in
   the check-answers summary. Every date in the results is written by the engine (response.text).
   Part of widgets.js. */
var DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/* The formatter is made on first use: making the first Intl.DateTimeFormat loads locale data
   (about 20 ms here), which must not land in the page's start-up task. */
var formatters = {};
function formatter(lang) {
  if (!formatters[lang]) {
    formatters[lang] = new Intl.DateTimeFormat(lang, { weekday: "long", year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
  }
  return formatters[lang];
}
function makeDates(lang) {
  function toDate(iso) { var p = iso.split("-"); return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2])); }
  return {
    long: function (iso) { return formatter(lang).format(toDate(iso)); },
    warm: function () { formatter(lang); },
  };
}
