/* Dates: ISO dates as day numbers (the timeline's spacing) and, where the engine's words give
   no date (the business days counted), a date in the page's language from the browser's Intl.
   Every other date on the page is written by the engine (response.text). Part of widgets.js. */

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
    day: function (iso) { return toDate(iso).getTime() / 86400000; },
    warm: function () { formatter(lang); },
  };
}
