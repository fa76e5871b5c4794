/* The form: which questions show, and the answers as a case object. Part of widgets.js (see resolution_guide.browser.scripts). */
/* ---------- questions shown when the engine says they apply ---------- */
/* The answer the engine would see for `name`: the form's answer (only questions on screen), an
   unticked box's false, or, for a field this calculator does not ask, the engine's default. */
Widget.prototype.answerFor = function (name, flat) {
  if (Object.prototype.hasOwnProperty.call(flat, name)) return flat[name];
  var group = this.root.querySelector('[data-field="' + name + '"]');
  if (!group) return this.absent[name];
  if (!group.hidden && this.fieldInputs(group)[0].type === "checkbox") return false;
  return undefined;
};

/* data-applies-if is describe()'s applies_if: every condition must hold; a list names the
   values that apply, "given" means answered. */
Widget.prototype.isShown = function (group, flat) {
  var rule = group.getAttribute("data-applies-if");
  if (!rule) return true;
  var cond = JSON.parse(rule);
  var self = this;
  return Object.keys(cond).every(function (name) {
    var value = self.answerFor(name, flat);
    if (cond[name] === "given") return value !== undefined && value !== null && value !== "";
    return Array.isArray(cond[name]) && cond[name].indexOf(value) >= 0;
  });
};

Widget.prototype.updateVisibility = function () {
  // Repeat until stable: hiding one question can hide another that depends on it.
  for (var pass = 0; pass < 4; pass++) {
    var flat = {};
    this.readFields(flat);
    this.groups.forEach(function (group) { group.hidden = !this.isShown(group, flat); }, this);
  }
  this.updateFollowUps();
};

/* Start small (issue 10): the first questions are open; each follow-up group stays folded and
   shows only while one of its questions applies (e.g. the meeting's once a complaint date is given).
   Which questions come first is the build's choice (render.first_questions). */
Widget.prototype.updateFollowUps = function () {
  var box = this.root.querySelector("[data-rg-follow-ups]");
  if (!box) return;
  var boxes = box.querySelectorAll("details[data-rg-group]");
  var any = false;
  for (var i = 0; i < boxes.length; i++) {
    boxes[i].hidden = !boxes[i].querySelector("[data-field]:not([hidden])");
    any = any || !boxes[i].hidden;
  }
  box.hidden = !any;
};

Widget.prototype.fieldInputs = function (group) {
  return Array.prototype.slice.call(group.querySelectorAll("input, select"));
};

/* "options.receipt_day" sets c.options.receipt_day: the case's options object. */
function setCaseValue(c, name, value) {
  var dot = name.indexOf(".");
  if (dot < 0) { c[name] = value; return; }
  var outer = name.slice(0, dot);
  c[outer] = c[outer] || {};
  c[outer][name.slice(dot + 1)] = value;
}

/* ---------- answers -> case object (only questions on screen) ---------- */
/* What the device knows (describe() fields of kind "device"): never asked, never in the fragment. */
var DEVICE_VALUES = {
  today: function () {        // the reader's own calendar day, not UTC's
    var d = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  },
};

Widget.prototype.readCase = function () {
  var flat = {};
  this.readFields(flat);
  this.device.forEach(function (name) { if (DEVICE_VALUES[name]) flat[name] = DEVICE_VALUES[name](); });
  var c = {};
  Object.keys(flat).forEach(function (name) { setCaseValue(c, name, flat[name]); });
  return c;
};

Widget.prototype.readFields = function (c) {
  this.groups.forEach(function (group) {
    if (group.hidden) return;
    var name = group.getAttribute("data-field");
    var inputs = this.fieldInputs(group);
    var first = inputs[0];
    if (first.type === "radio") {
      var checked = inputs.filter(function (i) { return i.checked; })[0];
      if (!checked || checked.value === "") return;
      c[name] = checked.value === "true" ? true : checked.value === "false" ? false : checked.value;
    } else if (first.type === "checkbox") {
      if (first.checked) c[name] = true;
    } else if (first.getAttribute("data-list") === "dates") {
      // Sent as typed: the engine splits and reads the list (engine/typed_dates.py).
      if (first.value.trim()) c[name] = first.value.trim();
    } else if (inputs.length > 1) {
      var list = inputs.map(function (i) { return i.value.trim(); }).filter(Boolean);
      if (list.length) c[name] = list;
    } else if (first.value.trim()) {
      c[name] = first.value.trim();        // a date as typed; the engine reads it
    }
  }, this);
};
