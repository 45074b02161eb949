/* cablegram web interface. Shipped in the package; no network beyond this server.
 * Every text from a document is put in the page with textContent or text nodes, never as HTML. */
(function () {
  "use strict";
  var main = document.getElementById("page");
  var QUADS = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"};
  var QUAD_COLOURS = {1: "#3b82f6", 2: "#1e40af", 3: "#f59e0b", 4: "#b91c1c"};

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function getJSON(url, options) {
    return fetch(url, options).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + r.status);
        return body;
      });
    });
  }
  function days(iso) { return Date.parse(iso + "T00:00:00Z") / 1000; }
  function chartWidth(node) { return Math.max(320, (node.clientWidth || 900) - 4); }

  // -- highlighting (the same cut as serve/highlight.py) -----------------------------------
  function eventSpans(e) {
    var out = [];
    if (e.trigger && e.trigger.start !== null) out.push([e.trigger.start, e.trigger.end, "trigger", e.event_id]);
    ["actor", "recipient"].forEach(function (role) {
      (e[role] || []).forEach(function (a) { if (a.end > a.start) out.push([a.start, a.end, role, e.event_id]); });
    });
    if (e.location && e.location.start !== null && e.location.end !== null)
      out.push([e.location.start, e.location.end, "place", e.event_id]);
    return out;
  }
  function docSpans(doc) {
    var spans = [];
    (doc.events || []).forEach(function (e) { spans = spans.concat(eventSpans(e)); });
    (doc.quotes || []).forEach(function (q) { spans.push([q.start, q.end, "quote", q.quote_id]); });
    (doc.advisories || []).forEach(function (a) {
      var t = a.trigger || {start: a.trigger_start, end: a.trigger_end};
      spans.push([t.start, t.end, "advisory", a.advisory_id]);
    });
    return spans;
  }
  function renderMarked(container, text, spans) {
    // Offsets count code points (Python's str); JavaScript strings count UTF-16 units, so cut
    // an array of code points, or every span after an emoji would be off by one.
    var chars = Array.from(text), size = chars.length;
    container.textContent = "";
    var cuts = {0: 1}; cuts[size] = 1;
    spans.forEach(function (s) { if (s[0] >= 0 && s[1] > s[0] && s[0] < size) { cuts[s[0]] = 1; cuts[Math.min(s[1], size)] = 1; } });
    var points = Object.keys(cuts).map(Number).sort(function (a, b) { return a - b; });
    for (var i = 0; i + 1 < points.length; i++) {
      var a = points[i], b = points[i + 1], piece = chars.slice(a, b).join("");
      var cover = spans.filter(function (s) { return s[0] <= a && s[1] >= b; });
      if (!cover.length) { container.appendChild(document.createTextNode(piece)); continue; }
      var kinds = [], refs = [];
      cover.forEach(function (s) { if (kinds.indexOf(s[2]) < 0) kinds.push(s[2]); if (refs.indexOf(s[3]) < 0) refs.push(s[3]); });
      var m = el("mark", {"class": kinds.map(function (k) { return "k-" + k; }).join(" "), "data-refs": refs.join(" ")}, piece);
      container.appendChild(m);
    }
  }

  // -- the record panel (document and code pages) ------------------------------------------
  function recordIndex(doc) {
    var index = {};
    (doc.events || []).forEach(function (e) { index[e.event_id] = e; });
    (doc.quotes || []).forEach(function (q) { index[q.quote_id] = q; });
    (doc.advisories || []).forEach(function (a) { index[a.advisory_id] = a; });
    return index;
  }
  function describe(value) {
    if (value === null || value === undefined) return "";
    if (Array.isArray(value)) return value.map(describe).join("; ");
    if (typeof value === "object") {
      if (value.text !== undefined && value.cameo_code !== undefined) return value.text + " (" + (value.cameo_code || value.country || "?") + ")";
      return Object.keys(value).filter(function (k) { return value[k] !== null; }).map(function (k) { return k + "=" + describe(value[k]); }).join(", ");
    }
    return String(value);
  }
  function showRecord(record) {
    var box = document.getElementById("record"), dl = document.getElementById("record-fields");
    if (!box || !record) return;
    dl.textContent = "";
    Object.keys(record).forEach(function (k) {
      var v = describe(record[k]);
      if (v === "") return;
      dl.appendChild(el("dt", {}, k));
      dl.appendChild(el("dd", {}, v));
    });
    box.hidden = false;
  }
  function activate(container, ref) {
    container.querySelectorAll("mark.active").forEach(function (m) { m.classList.remove("active"); });
    var first = null;
    container.querySelectorAll("mark").forEach(function (m) {
      if ((m.getAttribute("data-refs") || "").split(" ").indexOf(ref) >= 0) { m.classList.add("active"); first = first || m; }
    });
    if (first) first.scrollIntoView({block: "center"});
  }
  function wireRecords(container, list, index) {
    container.addEventListener("click", function (ev) {
      var m = ev.target.closest("mark");
      if (!m) return;
      var ref = (m.getAttribute("data-refs") || "").split(" ")[0];
      activate(container, ref); showRecord(index[ref]);
    });
    if (list) list.addEventListener("click", function (ev) {
      var li = ev.target.closest("[data-ref]");
      if (!li) return;
      var ref = li.getAttribute("data-ref");
      activate(container, ref); showRecord(index[ref]);
    });
  }

  // -- pages ---------------------------------------------------------------------------------
  function documentPage() {
    var text = document.getElementById("doctext");
    getJSON(main.dataset.api).then(function (doc) {
      var index = recordIndex(doc);
      wireRecords(text, document.querySelector(".docview aside"), index);
      var selected = main.dataset.selected;
      if (selected && index[selected]) { activate(text, selected); showRecord(index[selected]); }
      main.setAttribute("data-ready", "1");
    }).catch(fail);
  }

  function lineChart(node, x, series, labels, colours, onClick) {
    var opts = {
      width: chartWidth(node), height: 260,
      scales: {x: {time: true}},
      series: [{}].concat(labels.map(function (label, i) {
        return {label: label, stroke: colours[i], width: 2, points: {show: true, size: 6}, spanGaps: false};
      })),
      axes: [{}, {}]
    };
    var plot = new uPlot(opts, [x].concat(series), node);
    if (onClick) plot.over.addEventListener("click", function () {
      if (plot.cursor.idx !== null && plot.cursor.idx !== undefined) onClick(plot.cursor.idx);
    });
    node.setAttribute("data-drawn", "1");
    return plot;
  }

  function pivot(points, periodKey, seriesKey, valueKey) {
    var periods = [], keys = {}, cells = {};
    points.forEach(function (p) {
      if (periods.indexOf(p[periodKey]) < 0) periods.push(p[periodKey]);
      keys[p[seriesKey]] = 1;
      cells[p[periodKey] + "|" + p[seriesKey]] = (cells[p[periodKey] + "|" + p[seriesKey]] || 0) + p[valueKey];
    });
    periods.sort();
    return {periods: periods, keys: Object.keys(keys), cells: cells};
  }

  function overviewPage() {
    getJSON(main.dataset.api).then(function (body) {
      var t = pivot(body.points, "period", "quad", "count");
      var quads = [1, 2, 3, 4];
      var series = quads.map(function (q) { return t.periods.map(function (p) { return t.cells[p + "|" + q] || 0; }); });
      lineChart(document.getElementById("chart"), t.periods.map(days), series,
        quads.map(function (q) { return QUADS[q]; }), quads.map(function (q) { return QUAD_COLOURS[q]; }));
      main.setAttribute("data-ready", "1");
    }).catch(fail);
  }

  function periodEnd(iso, by) {
    var d = new Date(iso + "T00:00:00Z");
    if (by === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (by === "week") d.setUTCDate(d.getUTCDate() + 7);
    else if (by === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCFullYear(d.getUTCFullYear() + 1);
    d.setUTCDate(d.getUTCDate() - 1);
    return d.toISOString().slice(0, 10);
  }

  function eventsTable(events) {
    var table = el("table", {"class": "events"}), head = el("tr");
    ["date", "type", "actor", "recipient", "sentence"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
    table.appendChild(el("thead")).appendChild(head);
    var body = el("tbody");
    events.forEach(function (e) {
      var tr = el("tr", {"class": "event-row", "data-event-id": e.event_id});
      tr.appendChild(el("td", {}, e.date || ""));
      tr.appendChild(el("td", {}, e.event));
      tr.appendChild(el("td", {}, (e.actor || []).map(function (a) { return a.cameo_code || a.text; }).join("; ")));
      tr.appendChild(el("td", {}, (e.recipient || []).map(function (a) { return a.cameo_code || a.text; }).join("; ")));
      var td = el("td", {"class": "sentence"});
      td.appendChild(el("a", {href: "/events/" + encodeURIComponent(e.event_id)}, e.sentence));
      tr.appendChild(td); body.appendChild(tr);
    });
    table.appendChild(body);
    return table;
  }

  function dyadPage() {
    if (!main.dataset.api) return;
    var by = new URL(main.dataset.api, location.href).searchParams.get("by") || "month";
    getJSON(main.dataset.api).then(function (body) {
      var periods = [], acc = {};
      body.points.forEach(function (p) {
        if (!acc[p.period]) { acc[p.period] = {n: 0, g: 0, gn: 0, s: 0, sn: 0, q: {}}; periods.push(p.period); }
        var c = acc[p.period];
        c.n += p.count; c.q[p.quad] = (c.q[p.quad] || 0) + p.count;
        if (p.goldstein_sum !== null) { c.g += p.goldstein_sum; c.gn += p.count; }
        if (p.plover_sum !== null) { c.s += p.plover_sum; c.sn += p.count; }
      });
      periods.sort();
      var x = periods.map(days);
      var gold = periods.map(function (p) { return acc[p].gn ? acc[p].g / acc[p].gn : null; });
      var plover = periods.map(function (p) { return acc[p].sn ? acc[p].s / acc[p].sn : null; });
      var onClick = function (i) { pointEvents(periods[i], by); };
      lineChart(document.getElementById("chart-scores"), x, [gold, plover], ["mean Goldstein", "mean PLOVER score"], ["#b91c1c", "#1e40af"], onClick);
      var quads = [1, 2, 3, 4];
      lineChart(document.getElementById("chart-counts"), x,
        quads.map(function (q) { return periods.map(function (p) { return acc[p].q[q] || 0; }); }),
        quads.map(function (q) { return QUADS[q]; }), quads.map(function (q) { return QUAD_COLOURS[q]; }), onClick);
      main.setAttribute("data-ready", "1");
    }).catch(fail);
  }

  function pointEvents(period, by) {
    var a = main.dataset.a, b = main.dataset.b, until = periodEnd(period, by);
    var q = function (src, dst) {
      return "/api/events?" + new URLSearchParams({actor: src, recipient: dst, since: period, until: until, limit: "100"});
    };
    var asks = [getJSON(q(a, b))];
    if (main.dataset.directed !== "true") asks.push(getJSON(q(b, a)));
    Promise.all(asks).then(function (pages) {
      var events = [].concat.apply([], pages.map(function (p) { return p.events; }));
      var box = document.getElementById("point-events");
      box.textContent = "";
      box.appendChild(el("h2", {}, events.length + " events, " + period + " – " + until));
      box.appendChild(eventsTable(events));
    }).catch(fail);
  }

  function actorPage() {
    if (!main.dataset.api) return;
    getJSON(main.dataset.api).then(function (body) {
      var rows = body.outgoing.map(function (r) { return {period: r.period, dir: "acts on others", count: r.count}; })
        .concat(body.incoming.map(function (r) { return {period: r.period, dir: "acted on", count: r.count}; }));
      var t = pivot(rows, "period", "dir", "count"), dirs = ["acts on others", "acted on"];
      lineChart(document.getElementById("chart"), t.periods.map(days),
        dirs.map(function (d) { return t.periods.map(function (p) { return t.cells[p + "|" + d] || 0; }); }),
        dirs, ["#b45309", "#0f766e"]);
      main.setAttribute("data-ready", "1");
    }).catch(fail);
  }

  var SVG = "http://www.w3.org/2000/svg";
  function svg(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function goldColour(g) {
    if (g === null || g === undefined) return "#777";
    var t = Math.max(-1, Math.min(1, g / 10));
    return t < 0 ? "rgb(" + Math.round(185 + 60 * -t) + ",40,40)" : "rgb(40,80," + Math.round(150 + 100 * t) + ")";
  }
  function mapPage() {
    Promise.all([getJSON("/static/world-110m.json"), getJSON(main.dataset.api)]).then(function (res) {
      var world = res[0], places = res[1].places, box = document.getElementById("map");
      var root = svg("svg", {viewBox: "0 0 360 180", role: "img"});
      root.appendChild(svg("title")).textContent = "Event locations";
      var land = svg("g", {"class": "land"});
      world.countries.forEach(function (c) {
        var path = svg("path", {d: c.d});
        path.appendChild(svg("title")).textContent = c.name;
        land.appendChild(path);
      });
      root.appendChild(land);
      var dots = svg("g");
      var max = places.reduce(function (m, p) { return Math.max(m, p.count); }, 1);
      var tbody = document.querySelector("#places tbody");
      places.forEach(function (p) {
        var r = 0.6 + 4 * Math.sqrt(p.count / max);
        var dot = svg("circle", {"class": "dot", cx: (p.lon + 180).toFixed(2), cy: (90 - p.lat).toFixed(2), r: r.toFixed(2), fill: goldColour(p.goldstein_mean)});
        dot.appendChild(svg("title")).textContent = p.name + " (" + (p.country || "?") + "): " + p.count;
        dots.appendChild(dot);
        var tr = el("tr");
        tr.appendChild(el("td", {}, p.name)); tr.appendChild(el("td", {}, p.country || ""));
        tr.appendChild(el("td", {}, p.count)); tbody.appendChild(tr);
      });
      root.appendChild(dots);
      box.appendChild(root);
      main.setAttribute("data-ready", "1");
    }).catch(fail);
  }

  function codePage() {
    var form = document.getElementById("code-form"), status = document.getElementById("code-status");
    var out = document.getElementById("code-out"), items = document.getElementById("code-items");
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var text = document.getElementById("code-text").value;
      var body = document.getElementById("code-html").checked ? {html: text} : {text: text};
      status.textContent = "coding…";
      getJSON("/api/code", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)})
        .then(function (doc) {
          renderMarked(out, doc.text, docSpans(doc));
          items.textContent = "";
          doc.events.forEach(function (e) {
            items.appendChild(el("li", {"class": "item event-item", "data-ref": e.event_id},
              e.event + " " + e.cameo + " · " + describe(e.actor) + " → " + describe(e.recipient) + " · " + (e.date || "") + " · " + e.factuality));
          });
          doc.quotes.forEach(function (q) { items.appendChild(el("li", {"class": "item", "data-ref": q.quote_id}, "quote: " + q.text)); });
          doc.advisories.forEach(function (a) { items.appendChild(el("li", {"class": "item", "data-ref": a.advisory_id}, "advisory: " + a.sentence)); });
          var index = recordIndex(doc);
          out.onclick = null;
          wireRecords(out, items, index);
          status.textContent = doc.events.length + " events, " + doc.quotes.length + " quotes, " + doc.advisories.length + " advisories";
          main.setAttribute("data-ready", "1");
        }).catch(function (err) { status.textContent = err.message; });
    });
  }

  function fail(err) {
    var p = el("p", {"class": "error"}, "Could not load data: " + err.message);
    main.appendChild(p);
  }

  var pages = {overview: overviewPage, document: documentPage, dyad: dyadPage, actor: actorPage, map: mapPage, code: codePage};
  if (main && pages[main.dataset.page]) pages[main.dataset.page]();
})();
