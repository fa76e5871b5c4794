/* Words: locale -> English -> key (window.RGWords, written by the build). Part of widgets.js (see resolution_guide.browser.scripts). */
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
