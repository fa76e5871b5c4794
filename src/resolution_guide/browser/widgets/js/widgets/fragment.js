/* The URL fragment codec: answers a family can bookmark. Part of widgets.js (see resolution_guide.browser.scripts). */
/* ---------- the URL fragment: answers a family can bookmark ---------- */
function fragmentParams() {
  var hash = location.hash.replace(/^#/, "");
  return hash.indexOf("=") >= 0 ? new URLSearchParams(hash) : new URLSearchParams();
}
function writeFragment(params) {
  var text = params.toString();
  var url = location.pathname + location.search + (text ? "#" + text : "");
  history.replaceState(history.state, "", url);
}

Widget.prototype.saveToFragment = function () {
  var params = fragmentParams();
  var self = this;
  this.groups.forEach(function (group) { params.delete(group.getAttribute("data-field")); });
  this.groups.forEach(function (group) {
    if (group.hidden) return;
    var name = group.getAttribute("data-field");
    self.fieldInputs(group).forEach(function (input) {
      if ((input.type === "radio" || input.type === "checkbox") && !input.checked) return;
      // An optional setting left at this guide's reading needs no place in the fragment.
      if (input.type === "radio" && input.defaultChecked && input.closest("[data-rg-group]")) return;
      if (input.value || input.type === "date") params.append(name, input.value);
    });
  });
  // Drop trailing empty dates so the fragment stays short.
  var clean = new URLSearchParams();
  params.forEach(function (value, key) { if (value !== "" || params.getAll(key).some(Boolean)) clean.append(key, value); });
  writeFragment(clean);
};

Widget.prototype.restoreFromFragment = function () {
  var params = fragmentParams();
  var self = this;
  this.restored = false;
  this.groups.forEach(function (group) {
    var name = group.getAttribute("data-field");
    if (!params.has(name)) return;
    var values = params.getAll(name);
    self.restored = true;
    self.fieldInputs(group).forEach(function (input, index) {
      if (input.type === "radio" || input.type === "checkbox") input.checked = values.indexOf(input.value) >= 0;
      else if (input.type === "date") input.value = DATE_RE.test(values[index] || "") ? values[index] : "";
      else input.value = values[0];
    });
  });
  this.openChangedGroups();
};

/* A collapsed optional group opens when an answer in it differs from this guide's reading,
   so a shared link never hides why its dates differ. */
Widget.prototype.openChangedGroups = function () {
  var boxes = this.root.querySelectorAll("details[data-rg-group]");
  for (var i = 0; i < boxes.length; i++) {
    var radios = boxes[i].querySelectorAll("input[type=radio]");
    for (var j = 0; j < radios.length; j++) {
      if (radios[j].checked !== radios[j].defaultChecked) { boxes[i].open = true; break; }
    }
  }
};
