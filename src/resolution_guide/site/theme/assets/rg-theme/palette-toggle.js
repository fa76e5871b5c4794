/* The light/dark toggle in the header, in place of Material's palette component (DESIGN.md "Phone speed",
   fifth round: that component's start-up restyles the whole page two to three times inside the theme's first
   tasks). Same markup and the same stored choice (`__palette` through md-base.js's __md_get/__md_set, which
   md-palette.js applies before the page is drawn), so the theme's CSS and a choice made before still work.
   Runs right after the toggle's form (theme/main.html renames the form's data-md-component to data-rg-palette,
   so Material's bundle leaves it alone); nothing here reads the layout while the page starts. */
(function () {
  var form = document.querySelector("form[data-rg-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input"));
  if (!inputs.length) return;
  var body = document.body;
  var current = -1;

  function colorOf(input) {
    var color = {};
    ["media", "scheme", "primary", "accent"].forEach(function (key) {
      color[key] = input.getAttribute("data-md-color-" + key);
    });
    if (color.media === "(prefers-color-scheme)") {   // "follow the system": the matching light or dark entry
      var light = matchMedia("(prefers-color-scheme: light)").matches;
      var match = form.querySelector("[data-md-color-media='(prefers-color-scheme: " + (light ? "light" : "dark") + ")']");
      if (match) ["scheme", "primary", "accent"].forEach(function (key) {
        color[key] = match.getAttribute("data-md-color-" + key);
      });
    }
    return color;
  }

  function choose(index) {
    var color = colorOf(inputs[index]);
    current = index;
    inputs[index].checked = true;
    Object.keys(color).forEach(function (key) {   // an unchanged attribute is not set again: no restyle
      if (body.getAttribute("data-md-color-" + key) !== color[key]) body.setAttribute("data-md-color-" + key, color[key]);
    });
    inputs.forEach(function (input, i) {            // each entry's label offers the next one
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL" && label.hidden !== (i !== index)) label.hidden = i !== index;
    });
    __md_set("__palette", {index: index, color: color});
  }

  function addMeta(name) {
    var meta = document.createElement("meta");
    meta.name = name;
    document.head.appendChild(meta);
    return meta;
  }
  var themeColor = addMeta("theme-color"), colorScheme = addMeta("color-scheme");
  function updateMeta() {   // the browser's own bars take the header's colour, read once the styles are settled
    var style = getComputedStyle(document.querySelector("[data-md-component=header]") || body);
    colorScheme.content = style.colorScheme;
    var rgb = (style.backgroundColor.match(/\d+/g) || []).slice(0, 3);
    if (rgb.length === 3) themeColor.content = "#" + rgb.map(function (n) { return (+n).toString(16).padStart(2, "0"); }).join("");
  }

  var stored = __md_get("__palette");
  var first = stored && typeof stored.index === "number" ? stored.index
    : inputs.findIndex(function (input) { return matchMedia(input.getAttribute("data-md-color-media")).matches; });
  choose(Math.max(0, Math.min(first, inputs.length - 1)));
  window.addEventListener("load", function () {   // reading the styles is left to an idle moment after the start
    if (window.requestIdleCallback) requestIdleCallback(updateMeta, {timeout: 3000});
    else setTimeout(updateMeta, 500);
  });

  inputs.forEach(function (input, i) {
    input.addEventListener("change", function () {
      body.setAttribute("data-md-color-switching", "");   // the theme's CSS: no colour transitions while switching
      choose(i);
      updateMeta();
      requestAnimationFrame(function () { setTimeout(function () { body.removeAttribute("data-md-color-switching"); }, 0); });
    });
  });
  form.addEventListener("keydown", function (event) {   // Enter on the focused toggle moves to the next entry
    if (event.key !== "Enter") return;
    event.preventDefault();
    var next = inputs[(current + 1) % inputs.length];
    next.click();
    next.focus();
  });
})();
