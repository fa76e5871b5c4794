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
      if (input.value || input.hasAttribute("data-rg-date")) params.append(name, input.value);
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
      else if (input.hasAttribute("data-rg-date")) input.value = values[index] || "";   // as typed; old ISO links too
      else input.value = values[0];
    });
  });
  // The organization's state is pre-selected only for a fresh form: a link that holds answers but no
  // state was made with "federal only" (or before states could be pre-selected), and keeps that meaning.
  if (this.restored) {
    var preset = this.root.querySelectorAll("select[data-rg-preselected]");
    for (var i = 0; i < preset.length; i++) if (!params.has(preset[i].name)) preset[i].value = "";
  }
  this.openChangedGroups();
};

/* A folded group opens when an answer in it differs from the empty form (a date, a ticked box,
   a state, a reading other than this guide's), so a shared link never hides why its dates differ. */
Widget.prototype.openChangedGroups = function () {
  var boxes = this.root.querySelectorAll("details[data-rg-group]");
  for (var i = 0; i < boxes.length; i++) {
    var inputs = boxes[i].querySelectorAll("input, select");
    for (var j = 0; j < inputs.length; j++) {
      var input = inputs[j];
      var changed = input.type === "radio" || input.type === "checkbox" ? input.checked !== input.defaultChecked
        : input.tagName === "SELECT" ? input.selectedIndex > 0 && !input.options[input.selectedIndex].defaultSelected
        : input.value !== "";
      if (changed) { boxes[i].open = true; break; }
    }
  }
};
