/* Dates in the page's language. Part of widgets.js (see resolution_guide.browser.scripts). */
var DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

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
