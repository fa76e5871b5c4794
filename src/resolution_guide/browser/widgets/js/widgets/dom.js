/* Small DOM helpers. Part of widgets.js (see resolution_guide.browser.scripts). */
/* ---------- small DOM helpers ---------- */
function el(tag, attrs, children) {
  var node = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (key) {
    if (key === "text") node.textContent = attrs[key];
    else if (key === "class") node.className = attrs[key];
    else node.setAttribute(key, attrs[key]);
  });
  (children || []).forEach(function (child) { if (child) node.appendChild(child); });
  return node;
}
function timeEl(iso, text) { return el("time", { datetime: iso, text: text }); }
