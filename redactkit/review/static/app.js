/* redactkit review page. Plain JavaScript, no libraries, no network access beyond its own server.
 *
 * Offsets: the server speaks Python string positions (Unicode code points); JavaScript strings index
 * UTF-16 code units. Text is therefore handled as arrays of code points (Array.from) throughout.
 * Text is only ever put into the page with textContent, never parsed as HTML.
 */
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const app = {
    rows: [],
    decisions: {},
    manifest: {},
    labels: [],
    index: 0,
    selected: null, // {kind: "ent" | "miss", i}
    readonly: false,
    lastLabel: null,
    saving: Promise.resolve(),
    summary: null,
    listItems: [],
  };

  // -- data --------------------------------------------------------------------------------------

  function blankDecision() {
    return { status: "pending", misses: [], over: [], note: "" };
  }

  function decisionOf(row) {
    const d = app.decisions[row.key];
    return d ? d : blankDecision();
  }

  function codePoints(row) {
    if (!row._cp) row._cp = Array.from(row.text);
    return row._cp;
  }

  function labelClass(label) {
    let i = app.labels.indexOf(label);
    if (i < 0) {
      i = 0;
      for (const ch of label) i = (i * 31 + ch.codePointAt(0)) % 997;
    }
    return "lab-" + (i % 12);
  }

  function isOver(decision, ent) {
    return decision.over.some((o) => o.start === ent.start && o.end === ent.end);
  }

  // -- saving ------------------------------------------------------------------------------------

  function setStatus(text, isError) {
    const box = $("save-status");
    box.textContent = text;
    box.classList.toggle("error", Boolean(isError));
  }

  function say(text, isError) {
    const box = $("message");
    box.textContent = text;
    box.classList.toggle("error", Boolean(isError));
  }

  function save(row, decision) {
    app.decisions[row.key] = decision;
    refreshListItem(app.rows.indexOf(row));
    updateProgress();
    if (app.readonly) return Promise.resolve();
    setStatus("saving…");
    const body = JSON.stringify({
      key: row.key,
      decision: { status: decision.status, misses: decision.misses, over: decision.over, note: decision.note },
    });
    app.saving = app.saving.then(async () => {
      try {
        const response = await fetch("api/decision", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body,
          cache: "no-store",
        });
        const payload = await response.json();
        if (!response.ok) throw new Error(payload.error || response.statusText);
        app.progress = payload.progress;
        setStatus("saved");
        document.body.dataset.saved = String(Number(document.body.dataset.saved || 0) + 1);
      } catch (error) {
        setStatus("not saved: " + error.message, true);
      }
    });
    return app.saving;
  }

  // -- rendering ---------------------------------------------------------------------------------

  function renderList() {
    const list = $("row-list");
    const fragment = document.createDocumentFragment();
    app.listItems = app.rows.map((row, i) => {
      const item = document.createElement("button");
      item.type = "button";
      item.dataset.index = String(i);
      const glyph = document.createElement("span");
      glyph.className = "glyph";
      const number = document.createElement("span");
      number.textContent = String(i + 1);
      const stratum = document.createElement("span");
      stratum.className = "stratum";
      stratum.textContent = row.stratum;
      item.append(glyph, number, stratum);
      fragment.append(item);
      return item;
    });
    list.replaceChildren(fragment);
    app.listItems.forEach((_, i) => refreshListItem(i));
    list.addEventListener("click", (event) => {
      const item = event.target.closest("button[data-index]");
      if (item) show(Number(item.dataset.index));
    });
  }

  function refreshListItem(i) {
    const item = app.listItems[i];
    if (!item) return;
    const d = decisionOf(app.rows[i]);
    const marked = d.misses.length || d.over.length || d.note;
    item.classList.toggle("reviewed", d.status === "reviewed");
    item.classList.toggle("marked", Boolean(marked) && d.status !== "reviewed");
    item.classList.toggle("current", i === app.index);
    item.firstChild.textContent = d.status === "reviewed" ? "✓" : marked ? "●" : "○";
    item.title = d.status === "reviewed" ? "accepted" : marked ? "marked, not accepted yet" : "open";
  }

  function updateProgress() {
    let reviewed = 0;
    let misses = 0;
    let over = 0;
    for (const row of app.rows) {
      const d = decisionOf(row);
      if (d.status === "reviewed") reviewed += 1;
      misses += d.misses.length;
      over += d.over.length;
    }
    $("progress-bar").max = Math.max(1, app.rows.length);
    $("progress-bar").value = reviewed;
    $("progress-text").textContent =
      `${reviewed} / ${app.rows.length} rows accepted · ${misses} misses · ${over} over-redactions`;
  }

  // Marks of the current row, in text order: entities (tool spans) and misses (the reviewer's).
  function marksOf(row, decision) {
    const marks = row.entities.map((e, i) => ({ kind: "ent", i, start: e.start, end: e.end }));
    decision.misses.forEach((m, i) => marks.push({ kind: "miss", i, start: m.start, end: m.end }));
    marks.sort((a, b) => a.start - b.start || a.end - b.end || (a.kind < b.kind ? -1 : 1));
    return marks;
  }

  function renderOriginal(row, decision) {
    const chars = codePoints(row);
    const cuts = new Set([0, chars.length]);
    row.entities.forEach((e) => cuts.add(e.start).add(e.end));
    decision.misses.forEach((m) => cuts.add(m.start).add(m.end));
    const points = Array.from(cuts).filter((p) => p >= 0 && p <= chars.length).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    for (let k = 0; k + 1 < points.length; k += 1) {
      const a = points[k];
      const b = points[k + 1];
      if (a === b) continue;
      const seg = document.createElement("span");
      seg.className = "seg";
      seg.dataset.start = String(a);
      seg.dataset.end = String(b);
      seg.textContent = chars.slice(a, b).join("");
      const ent = row.entities.findIndex((e) => e.start <= a && b <= e.end);
      if (ent >= 0) {
        const e = row.entities[ent];
        seg.dataset.ent = String(ent);
        seg.classList.add("ent", labelClass(e.label));
        if (isOver(decision, e)) seg.classList.add("over");
        if (app.selected && app.selected.kind === "ent" && app.selected.i === ent) seg.classList.add("selected");
      }
      const miss = decision.misses.findIndex((m) => m.start <= a && b <= m.end);
      if (miss >= 0) {
        seg.dataset.miss = String(miss);
        seg.classList.add("miss");
        if (app.selected && app.selected.kind === "miss" && app.selected.i === miss) seg.classList.add("selected");
      }
      fragment.append(seg);
    }
    $("original").replaceChildren(fragment);
  }

  function renderRedacted(row, decision) {
    const box = $("redacted");
    if (row.redacted === null || row.redacted === undefined) {
      box.textContent = "(null)";
      return;
    }
    const chars = Array.from(row.redacted);
    if (!row.aligned) {
      const note = document.createElement("p");
      note.className = "note-small";
      note.textContent = "(the replacements' positions could not be recovered for this row)";
      box.replaceChildren(document.createTextNode(row.redacted), note);
      return;
    }
    const fragment = document.createDocumentFragment();
    let cursor = 0;
    row.entities.forEach((e, i) => {
      if (e.rstart === null || e.rstart === undefined) return;
      if (e.rstart > cursor) fragment.append(document.createTextNode(chars.slice(cursor, e.rstart).join("")));
      const seg = document.createElement("span");
      seg.className = "seg ent " + labelClass(e.label);
      seg.dataset.ent = String(i);
      if (isOver(decision, e)) seg.classList.add("over");
      if (app.selected && app.selected.kind === "ent" && app.selected.i === i) seg.classList.add("selected");
      seg.textContent = chars.slice(e.rstart, e.rend).join("");
      fragment.append(seg);
      cursor = Math.max(cursor, e.rend);
    });
    if (cursor < chars.length) fragment.append(document.createTextNode(chars.slice(cursor).join("")));
    box.replaceChildren(fragment);
  }

  function renderMarks(row, decision) {
    const box = $("marks");
    const chars = codePoints(row);
    const list = document.createElement("ul");
    for (const mark of marksOf(row, decision)) {
      const li = document.createElement("li");
      if (mark.kind === "ent") {
        const e = row.entities[mark.i];
        const score = e.score === null ? "" : ` ${Number(e.score).toFixed(2)}`;
        const over = isOver(decision, e) ? " — marked as over-redaction" : "";
        li.textContent = `${e.label} (${e.detector || "?"}${score}): “${chars.slice(e.start, e.end).join("")}”${over}`;
      } else {
        const m = decision.misses[mark.i];
        li.textContent = `MISSED ${m.label}: “${chars.slice(m.start, m.end).join("")}”`;
      }
      if (app.selected && app.selected.kind === mark.kind && app.selected.i === mark.i) li.className = "selected";
      list.append(li);
    }
    const title = document.createElement("div");
    title.className = "note-small";
    title.textContent = list.children.length ? "Spans (h / l to select):" : "No spans in this row.";
    box.replaceChildren(title, list);
  }

  function renderAudio(row) {
    const box = $("audio-box");
    const audio = row.audio;
    const original = $("audio-original");
    const redacted = $("audio-redacted");
    if (!audio || app.readonly) {
      box.hidden = true;
      original.removeAttribute("src");
      redacted.removeAttribute("src");
      return;
    }
    box.hidden = false;
    for (const [element, source] of [[original, audio.original], [redacted, audio.redacted]]) {
      element.parentElement.hidden = !source;
      if (source) element.src = source;
      else element.removeAttribute("src");
    }
  }

  function render() {
    const row = app.rows[app.index];
    if (!row) return;
    const decision = decisionOf(row);
    $("row-title").textContent = `Row ${app.index + 1} of ${app.rows.length}`;
    const meta = $("row-meta");
    meta.replaceChildren();
    const parts = [`id ${row.id}`, `stratum: ${row.stratum}`, `weight ${Number(row.weight).toFixed(2)}`];
    if (row.sensitivity) parts.push(`sensitivity ${row.sensitivity}`);
    meta.append(document.createTextNode(parts.join(" · ")));
    if (row.quarantined) {
      const badge = document.createElement("span");
      badge.className = "badge quarantined";
      badge.textContent = "quarantined: processing failed, whole text masked";
      meta.append(badge);
    }
    const status = document.createElement("span");
    status.className = "badge" + (decision.status === "reviewed" ? " reviewed" : "");
    status.textContent = decision.status === "reviewed" ? "accepted" : "open";
    meta.append(status);
    renderOriginal(row, decision);
    renderRedacted(row, decision);
    renderMarks(row, decision);
    if (document.activeElement !== $("note")) $("note").value = decision.note || "";
    $("note").disabled = app.readonly;
  }

  function show(i) {
    if (i < 0 || i >= app.rows.length) return;
    const previous = app.index;
    app.index = i;
    app.selected = null;
    refreshListItem(previous);
    refreshListItem(i);
    const row = app.rows[i];
    renderAudio(row);
    render();
    say("");
    app.listItems[i].scrollIntoView({ block: "nearest" });
  }

  // -- actions -----------------------------------------------------------------------------------

  function current() {
    const row = app.rows[app.index];
    const d = decisionOf(row);
    return [row, { status: d.status, misses: d.misses.slice(), over: d.over.slice(), note: d.note || "" }];
  }

  function accept() {
    if (app.readonly) return;
    const [row, decision] = current();
    decision.status = "reviewed";
    save(row, decision);
    say("Row accepted.");
    const n = app.rows.length;
    for (let step = 1; step < n; step += 1) {
      const next = (app.index + step) % n;
      if (decisionOf(app.rows[next]).status !== "reviewed") {
        show(next);
        return;
      }
    }
    render();
    say("Every row is accepted. Export with E.");
  }

  function reopen() {
    if (app.readonly) return;
    const [row, decision] = current();
    decision.status = "pending";
    save(row, decision);
    render();
  }

  function pointToOffset(node, offset) {
    const root = $("original");
    if (!root.contains(node)) return null;
    if (node.nodeType === Node.TEXT_NODE) {
      const seg = node.parentElement.closest("[data-start]");
      if (!seg) return null;
      return Number(seg.dataset.start) + Array.from(node.data.slice(0, offset)).length;
    }
    if (node.dataset && node.dataset.start !== undefined) {
      return offset === 0 ? Number(node.dataset.start) : Number(node.dataset.end);
    }
    const segs = root.querySelectorAll("[data-start]");
    if (!segs.length) return 0;
    const kids = node.childNodes;
    if (offset < kids.length) {
      const kid = kids[offset];
      const seg = kid.nodeType === Node.ELEMENT_NODE ? kid.closest("[data-start]") || kid.querySelector("[data-start]") : null;
      if (seg) return Number(seg.dataset.start);
    }
    return Number(segs[segs.length - 1].dataset.end);
  }

  function selectionSpan() {
    const selection = window.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    let start = pointToOffset(range.startContainer, range.startOffset);
    let end = pointToOffset(range.endContainer, range.endOffset);
    if (start === null || end === null) return null;
    if (end < start) [start, end] = [end, start];
    const chars = codePoints(app.rows[app.index]);
    while (start < end && /\s|[.,;:!?]/u.test(chars[start])) start += 1;
    while (end > start && /\s|[.,;:!?]/u.test(chars[end - 1])) end -= 1;
    return end > start ? { start, end } : null;
  }

  // Keyboard selection of words in the original: w / b select the next / previous word, W / B
  // extend the selection by a word. The DOM selection is set, so m works as after a mouse selection.
  function offsetToPoint(offset) {
    const segs = $("original").querySelectorAll("[data-start]");
    for (const seg of segs) {
      const start = Number(seg.dataset.start);
      const end = Number(seg.dataset.end);
      if (start <= offset && (offset < end || seg === segs[segs.length - 1])) {
        const node = seg.firstChild;
        const chars = Array.from(node.data);
        return [node, chars.slice(0, offset - start).join("").length];
      }
    }
    return null;
  }

  function words(row) {
    const found = [];
    const chars = codePoints(row);
    let start = -1;
    for (let i = 0; i <= chars.length; i += 1) {
      const inWord = i < chars.length && !/\s/u.test(chars[i]);
      if (inWord && start < 0) start = i;
      if (!inWord && start >= 0) {
        found.push({ start, end: i });
        start = -1;
      }
    }
    return found;
  }

  function selectWords(step, extend) {
    const row = app.rows[app.index];
    const list = words(row);
    if (!list.length) return;
    const current = selectionSpan();
    let span;
    if (!current) {
      span = step > 0 ? list[0] : list[list.length - 1];
    } else if (extend) {
      const next = step > 0 ? list.find((w) => w.start >= current.end) : null;
      const last = step < 0 ? list.filter((w) => w.end <= current.end && w.start > current.start).pop() : null;
      span = { start: current.start, end: next ? next.end : last ? last.start : current.end };
      if (step < 0 && !last) return;
    } else {
      const next = step > 0 ? list.find((w) => w.start >= current.end) : list.filter((w) => w.end <= current.start).pop();
      span = next || (step > 0 ? list[list.length - 1] : list[0]);
    }
    const from = offsetToPoint(span.start);
    const to = offsetToPoint(span.end);
    if (!from || !to) return;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function markMiss() {
    if (app.readonly) return;
    const span = selectionSpan();
    if (!span) {
      say("Select the missed words in the original text first (drag, double-click, or w / W), then press m.", true);
      return;
    }
    openLabelPicker(span);
  }

  function addMiss(span, label) {
    const [row, decision] = current();
    decision.misses = decision.misses.filter((m) => !(m.start === span.start && m.end === span.end && m.label === label));
    decision.misses.push({ start: span.start, end: span.end, label });
    decision.misses.sort((a, b) => a.start - b.start || a.end - b.end);
    app.lastLabel = label;
    window.getSelection().removeAllRanges();
    save(row, decision);
    app.selected = { kind: "miss", i: decision.misses.findIndex((m) => m.start === span.start && m.end === span.end && m.label === label) };
    render();
    say(`Marked a missed ${label}.`);
  }

  function toggleOver() {
    if (app.readonly) return;
    const [row, decision] = current();
    let ent = app.selected && app.selected.kind === "ent" ? app.selected.i : -1;
    if (ent < 0) {
      const span = selectionSpan();
      if (span) ent = row.entities.findIndex((e) => e.start < span.end && span.start < e.end);
    }
    if (ent < 0) {
      say("Select a redacted span first (click it, or h / l), then press o.", true);
      return;
    }
    const e = row.entities[ent];
    if (isOver(decision, e)) {
      decision.over = decision.over.filter((o) => !(o.start === e.start && o.end === e.end));
      say("Over-redaction mark removed.");
    } else {
      decision.over.push({ start: e.start, end: e.end });
      say(`Marked the ${e.label} span as an over-redaction.`);
    }
    app.selected = { kind: "ent", i: ent };
    save(row, decision);
    render();
  }

  function removeMiss() {
    if (app.readonly) return;
    if (!app.selected || app.selected.kind !== "miss") {
      say("Select a missed mark first (click it, or h / l), then press x.", true);
      return;
    }
    const [row, decision] = current();
    decision.misses.splice(app.selected.i, 1);
    app.selected = null;
    save(row, decision);
    render();
    say("Miss removed.");
  }

  function moveSelection(step) {
    const row = app.rows[app.index];
    const marks = marksOf(row, decisionOf(row));
    if (!marks.length) return;
    let at = marks.findIndex((m) => app.selected && m.kind === app.selected.kind && m.i === app.selected.i);
    at = at < 0 ? (step > 0 ? 0 : marks.length - 1) : (at + step + marks.length) % marks.length;
    app.selected = { kind: marks[at].kind, i: marks[at].i };
    render();
  }

  function saveNote() {
    if (app.readonly) return;
    const [row, decision] = current();
    const note = $("note").value;
    if (note === decision.note) return;
    decision.note = note;
    save(row, decision);
    refreshListItem(app.index);
  }

  // -- label picker ------------------------------------------------------------------------------

  const picker = { span: null, active: 0, shown: [] };

  function openLabelPicker(span) {
    picker.span = span;
    const chars = codePoints(app.rows[app.index]);
    $("picked-text").textContent = "“" + chars.slice(span.start, span.end).join("") + "”";
    $("label-filter").value = "";
    const preferred = app.lastLabel || "PERSON";
    fillLabels("");
    picker.active = Math.max(0, picker.shown.indexOf(preferred));
    paintLabels();
    $("label-picker").showModal();
    $("label-filter").focus();
  }

  function fillLabels(filter) {
    const f = filter.trim().toUpperCase();
    picker.shown = app.labels.filter((l) => l.includes(f));
    if (f && /^[A-Z][A-Z0-9_]*$/.test(f) && !picker.shown.includes(f)) picker.shown.push(f);
    picker.active = 0;
    paintLabels();
  }

  function paintLabels() {
    const list = $("label-list");
    const fragment = document.createDocumentFragment();
    picker.shown.forEach((label, i) => {
      const li = document.createElement("li");
      li.textContent = label;
      li.dataset.label = label;
      if (i === picker.active) li.className = "active";
      fragment.append(li);
    });
    list.replaceChildren(fragment);
    const active = list.children[picker.active];
    if (active) active.scrollIntoView({ block: "nearest" });
  }

  function choose(label) {
    $("label-picker").close();
    if (label && picker.span) addMiss(picker.span, label);
    picker.span = null;
  }

  $("label-filter").addEventListener("input", (event) => fillLabels(event.target.value));
  $("label-picker").addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const n = picker.shown.length || 1;
      picker.active = (picker.active + (event.key === "ArrowDown" ? 1 : -1) + n) % n;
      paintLabels();
    } else if (event.key === "Enter") {
      event.preventDefault();
      choose(picker.shown[picker.active]);
    } else if (/^[1-9]$/.test(event.key) && !$("label-filter").value) {
      event.preventDefault();
      choose(picker.shown[Number(event.key) - 1]);
    }
  });
  $("label-list").addEventListener("click", (event) => {
    const li = event.target.closest("li[data-label]");
    if (li) choose(li.dataset.label);
  });

  // -- tooltip -----------------------------------------------------------------------------------

  function showTooltip(event) {
    const seg = event.target.closest(".seg");
    const tip = $("tooltip");
    if (!seg) {
      tip.hidden = true;
      return;
    }
    const row = app.rows[app.index];
    const decision = decisionOf(row);
    const lines = [];
    if (seg.dataset.ent !== undefined) {
      const e = row.entities[Number(seg.dataset.ent)];
      lines.push(["label", e.label]);
      lines.push(["detector", e.detector || "unknown"]);
      lines.push(["score", e.score === null ? "n/a" : Number(e.score).toFixed(3)]);
      if (e.operator) lines.push(["operator", e.operator]);
      if (e.policy_label) lines.push(["protected as", e.policy_label]);
      lines.push(["why", e.explanation || (app.manifest.explained ? "no explanation matched" : "not recorded (built with --no-explain)")]);
      if (isOver(decision, e)) lines.push(["marked", "over-redaction"]);
    }
    if (seg.dataset.miss !== undefined) {
      const m = decision.misses[Number(seg.dataset.miss)];
      if (m) lines.push(["missed", m.label + " (marked in review)"]);
    }
    const fragment = document.createDocumentFragment();
    for (const [name, value] of lines) {
      const div = document.createElement("div");
      const dt = document.createElement("dt");
      dt.textContent = name;
      const dd = document.createElement("dd");
      dd.textContent = value;
      div.append(dt, dd);
      fragment.append(div);
    }
    tip.replaceChildren(fragment);
    tip.hidden = false;
    const x = Math.min(event.clientX + 12, window.innerWidth - tip.offsetWidth - 8);
    const y = event.clientY + 16;
    tip.style.left = `${x}px`;
    tip.style.top = `${y}px`;
  }

  for (const pane of [$("original"), $("redacted")]) {
    pane.addEventListener("mousemove", showTooltip);
    pane.addEventListener("mouseleave", () => {
      $("tooltip").hidden = true;
    });
    pane.addEventListener("click", (event) => {
      const seg = event.target.closest(".seg");
      const selection = window.getSelection();
      if (!seg || (selection && !selection.isCollapsed)) return;
      if (seg.dataset.miss !== undefined) app.selected = { kind: "miss", i: Number(seg.dataset.miss) };
      else if (seg.dataset.ent !== undefined) app.selected = { kind: "ent", i: Number(seg.dataset.ent) };
      render();
    });
  }

  // -- export ------------------------------------------------------------------------------------

  function fmt(value) {
    return value === null || value === undefined ? "–" : Number(value).toFixed(3);
  }

  function renderSummary(summary) {
    const box = $("summary");
    const table = document.createElement("table");
    const head = document.createElement("tr");
    for (const name of ["label", "gold", "missed", "recall", "95% interval", "entities", "over-redacted", "rate"]) {
      const th = document.createElement("th");
      th.textContent = name;
      head.append(th);
    }
    table.append(head);
    const entries = Object.entries(summary.labels).concat([["all labels", summary.overall]]);
    for (const [label, s] of entries) {
      const tr = document.createElement("tr");
      const recall = s.recall;
      const cells = [
        label,
        s.gold,
        s.missed,
        recall ? fmt(recall.estimate) : "–",
        recall ? `${fmt(recall.low)}–${fmt(recall.high)}` : "–",
        s.entities,
        s.over_redactions,
        fmt(s.over_redaction_rate),
      ];
      for (const value of cells) {
        const td = document.createElement("td");
        td.textContent = String(value);
        tr.append(td);
      }
      table.append(tr);
    }
    const caption = document.createElement("p");
    caption.textContent =
      `${summary.rows_reviewed} of ${summary.rows_in_sample} sampled rows accepted; ` +
      `${summary.rows_with_a_miss} with a miss. Recall is weighted by stratum (estimate for the whole dataset).`;
    box.replaceChildren(caption, table);
  }

  async function exportReview() {
    const dialog = $("export-dialog");
    if (app.readonly) {
      $("export-where").textContent = "Read-only copy: the summary as it was when this page was exported.";
      if (app.summary) renderSummary(app.summary);
      dialog.showModal();
      return;
    }
    await app.saving;
    setStatus("exporting…");
    try {
      const response = await fetch("api/export", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: "{}",
        cache: "no-store",
      });
      const payload = await response.json();
      if (!response.ok) throw new Error(payload.error || response.statusText);
      const where = $("export-where");
      where.replaceChildren();
      const link = document.createElement("a");
      link.href = payload.jsonl;
      link.textContent = payload.jsonl;
      link.id = "export-link";
      where.append(
        document.createTextNode(`Wrote ${payload.rows} accepted rows to the review folder: `),
        link,
        document.createTextNode(" (and export/summary.json)."),
      );
      renderSummary(payload.summary);
      setStatus("exported");
      document.body.dataset.exported = String(payload.rows);
      dialog.showModal();
    } catch (error) {
      setStatus("export failed: " + error.message, true);
    }
  }

  // -- keyboard ----------------------------------------------------------------------------------

  document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (target === $("note")) {
      if (event.key === "Escape") {
        event.preventDefault();
        saveNote();
        target.blur();
      }
      return;
    }
    if (document.querySelector("dialog[open]")) return;
    if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) return;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const actions = {
      j: () => show(app.index + 1),
      ArrowDown: () => show(app.index + 1),
      k: () => show(app.index - 1),
      ArrowUp: () => show(app.index - 1),
      a: accept,
      m: markMiss,
      o: toggleOver,
      x: removeMiss,
      Delete: removeMiss,
      w: () => selectWords(1, false),
      b: () => selectWords(-1, false),
      W: () => selectWords(1, true),
      B: () => selectWords(-1, true),
      h: () => moveSelection(-1),
      l: () => moveSelection(1),
      u: reopen,
      n: () => {
        if (!app.readonly) $("note").focus();
      },
      E: exportReview,
      "?": () => $("help").showModal(),
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  $("note").addEventListener("change", saveNote);
  $("accept-button").addEventListener("click", accept);
  $("miss-button").addEventListener("mousedown", (event) => event.preventDefault()); // keep the selection
  $("miss-button").addEventListener("click", markMiss);
  $("over-button").addEventListener("mousedown", (event) => event.preventDefault());
  $("over-button").addEventListener("click", toggleOver);
  $("remove-button").addEventListener("click", removeMiss);
  $("prev-button").addEventListener("click", () => show(app.index - 1));
  $("next-button").addEventListener("click", () => show(app.index + 1));
  $("export-button").addEventListener("click", exportReview);
  $("help-button").addEventListener("click", () => $("help").showModal());
  for (const button of document.querySelectorAll(".close-dialog")) {
    button.addEventListener("click", () => button.closest("dialog").close());
  }

  // -- start -------------------------------------------------------------------------------------

  async function load() {
    let data;
    const embedded = document.getElementById("review-data");
    if (embedded) {
      data = JSON.parse(embedded.textContent);
    } else {
      const response = await fetch("api/review", { cache: "no-store" });
      if (!response.ok) throw new Error(`the server answered ${response.status}`);
      data = await response.json();
    }
    app.readonly = Boolean(data.readonly);
    app.rows = data.rows;
    app.decisions = data.state || {};
    app.manifest = data.manifest || {};
    app.labels = app.manifest.labels || [];
    app.summary = data.summary || null;
    document.body.classList.toggle("readonly", app.readonly);
    if (app.readonly) $("note").placeholder = "";
    renderList();
    updateProgress();
    const open = app.rows.findIndex((row) => decisionOf(row).status !== "reviewed");
    if (app.rows.length) show(open < 0 ? 0 : open);
    else say("This review set has no rows.", true);
    performance.mark("review-ready");
    window.reviewReadyMs = performance.now();
    document.body.dataset.ready = "1";
  }

  load().catch((error) => {
    say("Could not load the review set: " + error.message, true);
    document.body.dataset.ready = "error";
  });
})();
