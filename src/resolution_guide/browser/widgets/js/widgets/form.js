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
      var dates = first.value.split(/[\s,;]+/).filter(Boolean);
      if (dates.length) c[name] = dates;
    } else if (inputs.length > 1) {
      var list = inputs.map(function (i) { return i.value; }).filter(Boolean);
      if (list.length) c[name] = list;
    } else if (first.value) {
      c[name] = first.value;
    }
  }, this);
};

/* A date field holding an impossible or half-typed date reports value "" as if it were empty;
   only validity.badInput tells them apart, so without this check the answer would vanish. */
Widget.prototype.unreadableDates = function () {
  var errors = [];
  this.groups.forEach(function (group) {
    if (group.hidden) return;
    var bad = this.fieldInputs(group).filter(function (i) { return i.validity && i.validity.badInput; })[0];
    if (bad) errors.push({ field: group.getAttribute("data-field"), code: "not_a_date", input: bad });
  }, this);
  return errors;
};
