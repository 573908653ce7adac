// Fills the form with MuPDF's JavaScript API (mutool run, mupdf 1.21), the
// way a mutool script does: for each widget of each page, setTextValue()
// on a text widget, toggle() on the radio widget whose on-state was asked
// for (what a click does in mupdf-gl); then save.
//
// Usage: mutool run fill_mutool.js IN.pdf SPEC.json OUT.pdf [incremental|full]
//   incremental (default): doc.save(OUT, "incremental"), an update appended
//                          to a copy of IN, as mupdf-gl saves a form;
//   full: doc.save(OUT, "garbage,compress"), a full rewrite that renumbers
//         the objects (mutool clean -gz style).
//
// mupdf 1.21's PDFWidget has no call that returns its field name or its
// dictionary, so each widget is tied to its /Annots entry: getWidgets()
// lists a page's widget annotations in /Annots order, and the rectangle of
// each is checked against the entry's /Rect.

var PROG = "fill mutool";

function die(message) {
	// mutool run prints an uncaught string on stderr and exits 1.
	throw PROG + ": " + message;
}

if (scriptArgs.length < 3 || scriptArgs.length > 4)
	die("usage: mutool run fill_mutool.js IN.pdf SPEC.json OUT.pdf [incremental|full]");
var src = scriptArgs[0], specPath = scriptArgs[1], out = scriptArgs[2];
var mode = scriptArgs.length > 3 ? scriptArgs[3] : "incremental";
if (mode !== "incremental" && mode !== "full")
	die("save mode must be incremental or full, not " + mode);

var spec;
try {
	spec = JSON.parse(read(specPath));
} catch (e) {
	die(specPath + ": " + e);
}
if (typeof spec !== "object" || spec === null || typeof spec.fields !== "object")
	die(specPath + ': a fill spec is an object with a "fields" object');
var fields = spec.fields;

// A dictionary entry, or null when absent (1.21's get() then gives undefined).
function entry(obj, key) {
	var v = obj.get(key);
	return v === undefined || v === null || v.isNull() ? null : v;
}

function fullName(obj) {
	var parts = [];
	for (var n = 0; obj && n < 64; n++) {
		var t = entry(obj, "T");
		if (t)
			parts.unshift(t.asString());
		obj = entry(obj, "Parent");
	}
	return parts.join(".");
}

function onStates(obj) {
	var states = [];
	var ap = entry(obj, "AP");
	var normal = ap ? entry(ap, "N") : null;
	if (normal && normal.isDictionary())
		// 1.21 calls back with (key, value), the key a plain string.
		normal.forEach(function (key) {
			if (key !== "Off")
				states.push(key);
		});
	return states;
}

var doc = new PDFDocument(src);
var found = {};
var pages = doc.countPages();
for (var p = 0; p < pages; p++) {
	var page = doc.loadPage(p);
	var widgets = page.getWidgets();
	var annots = entry(doc.findPage(p), "Annots");
	var dicts = [];
	for (var i = 0; annots && annots.isArray() && i < annots.length; i++) {
		var a = annots.get(i);
		var subtype = entry(a, "Subtype");
		if (subtype && subtype.toString() === "/Widget")
			dicts.push(a);
	}
	if (dicts.length !== widgets.length)
		die("page " + (p + 1) + ": mupdf lists " + widgets.length + " widgets, /Annots has " + dicts.length);
	var ctm = page.getTransform();
	for (var i = 0; i < widgets.length; i++) {
		var w = widgets[i], d = dicts[i];
		// The widget's rectangle (device space) against the entry's /Rect.
		var r = d.get("Rect"), wr = w.getRect();
		var x0 = Number(r.get(0)), x1 = Number(r.get(2));
		var y0 = ctm[3] * Number(r.get(1)) + ctm[5], y1 = ctm[3] * Number(r.get(3)) + ctm[5];
		if (Math.abs(wr[0] - Math.min(x0, x1)) > 0.5 || Math.abs(wr[1] - Math.min(y0, y1)) > 0.5)
			die("page " + (p + 1) + ": widget " + i + " is not where its /Annots entry says");
		var name = fullName(d);
		if (!(name in fields))
			continue;
		var value = fields[name];
		found[name] = true;
		var type = w.getFieldType();
		if (type === "text") {
			w.setTextValue(value);
			w.update();
		} else if (type === "radiobutton") {
			var states = onStates(d);
			if (states.indexOf(value) >= 0) {
				// A click: toggle() turns this option on and its siblings off.
				var as = entry(d, "AS");
				if (!as || as.toString() !== "/" + value)
					w.toggle();
				w.update();
			}
		} else {
			die("field " + name + " is a " + type + ", not handled");
		}
	}
}
for (var name in fields)
	if (!found[name])
		die(src + ' has no field "' + name + '"');

if (mode === "incremental")
	doc.save(out, "incremental");
else
	doc.save(out, "garbage,compress");
