/* conflictkg viewer: draws the page's data with vis-network and wires the side panel (search, filters,
   physics, label language, details with source sentences).
   Safety: every piece of document text reaches the DOM through el(), which sets textContent, or as a
   vis-network label or tooltip string, which vis draws on a canvas or inserts as text. Nothing here uses
   innerHTML, so markup in a name or a sentence shows as text and never runs. */
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("data").textContent);
  const $ = (id) => document.getElementById(id);
  const FAMILIES = {actor: "Actors", place: "Places", event: "Events", claim: "Claims", document: "Documents",
                    other: "Other"};
  const legend = Object.fromEntries(DATA.legend.map((k) => [k.kind, k]));
  const big = DATA.nodes.length > 1000;
  let lang = DATA.lang;

  function el(tag, text, attrs) {
    const e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    return e;
  }
  // the label in the chosen language, else in the other one
  const pick = (o, l) => (l === "ar" ? o.label_ar || o.label_en : o.label_en || o.label_ar) || "";
  const clip = (s) => (s.length > 42 ? s.slice(0, 40) + "…" : s);
  const kindName = (kind) => (legend[kind] ? `${kind} (${legend[kind].label_en} / ${legend[kind].label_ar})` : kind);
  const nodeTip = (n) => `${kindName(n.kind)}\nEnglish: ${n.label_en}\nArabic: ${n.label_ar}`;
  const edgeLabel = (e, l) => pick(e, l) + (e.count > 1 ? ` ×${e.count}` : "");

  const nodes = new vis.DataSet(DATA.nodes.map((n) => Object.assign({}, n, {label: clip(pick(n, lang)),
                                                                            title: nodeTip(n)})));
  const edges = new vis.DataSet(DATA.edges.map((e) => Object.assign({}, e, {label: edgeLabel(e, lang),
                                                                            title: edgeLabel(e, "en")})));
  const network = new vis.Network($("graph"), {nodes, edges}, {
    layout: {improvedLayout: false, randomSeed: 7},  // the improved layout is slow and gives up on many graphs
    // fewer layout iterations and a coarser force approximation as graphs grow (see bench/viewer.py)
    physics: {solver: "barnesHut", stabilization: {iterations: big ? 100 : DATA.nodes.length > 300 ? 200 : 400,
                                                   updateInterval: 25},
              barnesHut: {gravitationalConstant: -5000, springLength: 110, avoidOverlap: 0.1, theta: big ? 0.9 : 0.5}},
    nodes: {scaling: {min: 10, max: 30, label: {enabled: false}}, font: {size: 14, strokeWidth: 3}},
    edges: {font: {size: 10, align: "middle", strokeWidth: 3}, smooth: false, arrows: {to: {scaleFactor: 0.5}},
            color: {color: "#9a9a9a", highlight: "#333", hover: "#555"},
            scaling: {min: 1, max: 8, label: {enabled: false}}},
    interaction: {hover: true, tooltipDelay: 150, hideEdgesOnDrag: big, hideEdgesOnZoom: big},
  });
  const api = window.conflictkg = {network, nodes, edges, data: DATA, ready: false, readyAt: null};

  const progress = el("p");
  $("notices").append(progress);
  network.on("stabilizationProgress", (p) => {
    progress.textContent = `Laying out the graph: ${Math.round((100 * p.iterations) / p.total)}%`;
  });
  // ready once the layout has settled; a large graph then stops moving so the page stays responsive
  function settled() {
    progress.remove();
    if (big) {
      network.setOptions({physics: {enabled: false}});
      $("physics").checked = false;
      const note = "Physics is paused on a large graph; tick 'physics' to resume it.";
      $("notices").append(el("p", note, {class: "notice"}));
    }
    api.ready = true;
    api.readyAt = performance.now();
  }
  if (DATA.nodes.length) network.once("stabilizationIterationsDone", settled); else settled();

  $("view-name").textContent = DATA.view;
  DATA.notices.forEach((t) => $("notices").append(el("p", t, {class: "notice"})));
  $("physics").addEventListener("change", (e) => network.setOptions({physics: {enabled: e.target.checked}}));
  $("lang").value = lang;
  $("lang").addEventListener("change", (e) => {
    lang = e.target.value;
    nodes.update(nodes.get().map((n) => ({id: n.id, label: clip(pick(n, lang))})));
    edges.update(edges.get().map((x) => ({id: x.id, label: edgeLabel(x, lang)})));
  });

  // ---- filters, which double as the legend ----
  const off = {kind: new Set(), family: new Set(), rel: new Set()};
  function applyFilters() {
    nodes.update(nodes.get().flatMap((n) => {
      const hidden = off.kind.has(n.kind) || off.family.has(n.family);
      return hidden === Boolean(n.hidden) ? [] : [{id: n.id, hidden}];
    }));
    edges.update(edges.get().flatMap((x) => {
      const hidden = off.rel.has(x.rel);
      return hidden === Boolean(x.hidden) ? [] : [{id: x.id, hidden}];
    }));
  }
  function checkbox(set, value, attrs) {
    const box = el("input", undefined, Object.assign({type: "checkbox"}, attrs));
    box.checked = true;
    box.addEventListener("change", () => { if (box.checked) set.delete(value); else set.add(value); applyFilters(); });
    return box;
  }
  function swatch(colour, shape) {
    const s = el("span", undefined, {class: `swatch shape-${shape}`});
    s.style.background = colour;
    return s;
  }
  const count = (list, key, value) => list.filter((x) => x[key] === value).length;
  Object.entries(FAMILIES).forEach(([family, title]) => {
    const kinds = DATA.legend.filter((k) => k.family === family);
    if (!kinds.length) return;
    const box = el("fieldset");
    const head = el("label");
    head.append(checkbox(off.family, family, {"data-family": family}),
                ` ${title} (${count(DATA.nodes, "family", family)})`);
    const caption = el("legend");
    caption.append(head);
    box.append(caption);
    kinds.forEach((k) => {
      const row = el("label", undefined, {class: "kind", title: `${k.label_en} / ${k.label_ar}`});
      row.append(checkbox(off.kind, k.kind, {"data-kind": k.kind}), swatch(k.color, k.shape),
                 `${k.kind} (${count(DATA.nodes, "kind", k.kind)})`);
      box.append(row);
    });
    $("filters").append(box);
  });
  if (DATA.relations.length) {
    const box = el("fieldset");
    box.append(el("legend", DATA.view === "actors" ? "Relations" : "Edges"));
    DATA.relations.forEach((rel) => {
      const first = DATA.edges.find((x) => x.rel === rel);
      const row = el("label", undefined, {class: "kind"});
      row.append(checkbox(off.rel, rel, {"data-rel": rel}), swatch("#888", "line"),
                 `${first.label_en} (${count(DATA.edges, "rel", rel)})`);
      box.append(row);
    });
    $("filters").append(box);
  }

  // ---- search: Arabic without diacritics, tatweel or hamza/alef variants; English in any case ----
  function fold(s) {
    return (s || "").normalize("NFKC").replace(/[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g, "")
      .replace(/[أإآٱ]/g, "ا").replace(/ى/g, "ي").replace(/ئ/g, "ي").replace(/ؤ/g, "و").replace(/ة/g, "ه")
      .toLowerCase();
  }
  const keys = new Map(DATA.nodes.map((n) => [n.id, [n.label_en, n.label_ar].concat(n.names || []).map(fold)]));
  let hits = [];
  let at = 0;
  function rank(q) {
    const found = [];
    nodes.forEach((n) => {
      if (n.hidden) return;
      const score = Math.min(...keys.get(n.id).map((k) => (k === q ? 0 : k.startsWith(q) ? 1 : k.includes(q) ? 2 : 3)));
      if (score < 3) found.push([score, keys.get(n.id)[0].length, n.id]);
    });
    return found.sort((a, b) => a[0] - b[0] || a[1] - b[1]).map((x) => x[2]);
  }
  function search(next) {
    const q = fold($("search").value.trim());
    if (next && hits.length) at = (at + 1) % hits.length; else { hits = q ? rank(q) : []; at = 0; }
    $("search-status").textContent = !q ? "" : !hits.length ? "No node matches." :
      `${at + 1} of ${hits.length} matching nodes` + (hits.length > 1 ? "; Enter shows the next." : ".");
    if (hits.length) focusNode(hits[at], true);
  }
  let typing = null;  // search once typing pauses: one focus animation at a time, and no work per keystroke
  $("search").addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => { typing = null; search(false); }, 150);
  });
  $("search").addEventListener("keydown", (e) => {
    if (e.key !== "Enter") return;
    const fresh = typing !== null;  // Enter before the pause: search what was typed, else go to the next match
    clearTimeout(typing);
    typing = null;
    search(!fresh);
  });

  function focusNode(id, animate) {
    network.selectNodes([id]);
    network.focus(id, {scale: Math.max(network.getScale(), 1.2), animation: animate ? {duration: 300} : false});
    showNode(id);
  }

  // ---- details panel ----
  function facts(rows) {
    const dl = el("dl");
    rows.filter(([, v]) => v !== undefined && v !== "")
      .forEach(([k, v]) => dl.append(el("dt", k), el("dd", v, {dir: "auto"})));
    return dl;
  }
  // the sentence with the evidence (the event's trigger or the claim's cue) highlighted
  function source(sentenceIndex, evidence) {
    const [text, doc] = DATA.sentences[sentenceIndex];
    const box = el("div", undefined, {class: "sentence", dir: "auto"});
    let from = evidence ? text.indexOf(evidence) : -1;
    if (from < 0 && evidence && text.toLowerCase().length === text.length) {
      from = text.toLowerCase().indexOf(evidence.toLowerCase());  // "Condemned" for the trigger "condemned"
    }
    if (from >= 0) {
      const to = from + evidence.length;
      box.append(text.slice(0, from), el("mark", text.slice(from, to)), text.slice(to));
    } else {
      box.textContent = text;
    }
    const wrap = el("div", undefined, {class: "source"});
    wrap.append(el("div", "Document: " + DATA.documents[doc], {class: "doc-title", dir: "auto"}), box);
    return wrap;
  }
  function item(parent, iri) {
    const it = DATA.items[iri];
    if (!it) return;
    if (it.facts.length) parent.append(facts(it.facts));
    if (it.src) {
      parent.append(el("h3", it.src.length > 1 ? "Source sentences" : "Source sentence"));
      it.src.forEach(([s, ev]) => parent.append(source(s, ev)));
    }
  }
  function link(text, onClick) {
    const b = el("button", text, {class: "link", dir: "auto", type: "button"});
    b.addEventListener("click", onClick);
    return b;
  }
  function showNode(id) {
    const n = nodes.get(id);
    if (!n) return;
    const d = $("details");
    d.replaceChildren(el("h2", pick(n, lang), {dir: "auto"}),
      facts([["type", kindName(n.kind)], ["English", n.label_en], ["Arabic", n.label_ar],
             ["other names", (n.names || []).join(" · ")], ["IRI", n.iri]]));
    item(d, n.iri);
    const links = network.getConnectedEdges(id).map((eid) => edges.get(eid)).filter((x) => x && !x.hidden);
    if (!links.length) return;
    d.append(el("h3", DATA.view === "actors" ? "Relations" : "Links"));
    const ul = el("ul", undefined, {class: "links"});
    links.slice(0, 100).forEach((x) => {
      const other = nodes.get(x.from === id ? x.to : x.from);
      const arrow = x.arrows === "" ? "↔" : x.from === id ? "→" : "←";  // symmetric relations have no arrow
      const li = el("li");
      const open = () => (DATA.view === "actors" ? showEdge(x.id) : focusNode(other.id, true));
      li.append(`${arrow} `, el("span", edgeLabel(x, lang), {dir: "auto"}), ": ", link(pick(other, lang), open));
      ul.append(li);
    });
    if (links.length > 100) ul.append(el("li", `… and ${links.length - 100} more`));
    d.append(ul);
  }
  function showEdge(id) {
    const x = edges.get(id);
    if (!x) return;
    const d = $("details");
    const head = el("h2");
    head.append(el("span", pick(nodes.get(x.from), lang), {dir: "auto"}), ` — ${edgeLabel(x, lang)} — `,
                el("span", pick(nodes.get(x.to), lang), {dir: "auto"}));
    d.replaceChildren(head);
    if (x.events === undefined) return;
    const stated = x.documents.length ? `, stated in ${x.documents.length} document(s)` : "";
    d.append(el("p", `${x.events.length} event(s)${stated}`));
    x.events.forEach((iri) => {
      const it = DATA.items[iri] || {label_en: iri};
      d.append(el("h3", pick(it, lang), {dir: "auto"}));
      item(d, iri);
    });
    if (x.documents.length) {
      d.append(el("h3", "Stated in"));
      const ul = el("ul", undefined, {class: "links"});
      x.documents.forEach((t) => ul.append(el("li", t, {dir: "auto"})));
      d.append(ul);
    }
  }
  network.on("click", (p) => {
    if (p.nodes.length) showNode(p.nodes[0]);
    else if (p.edges.length) showEdge(p.edges[0]);
  });
  Object.assign(api, {focusNode, showNode, showEdge, fold});
})();
