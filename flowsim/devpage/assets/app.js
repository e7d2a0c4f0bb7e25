// The opentact dev page: drives the call through the JSON API and shows
// the state the server streams.
"use strict";

const $ = (id) => document.getElementById(id);
let spoken = 0;      // how many heard prompts were read aloud
let graphKey = "";   // the document the graph shows
let current = null;  // the last state shown

async function post(name, body) {
  $("error").textContent = "";
  try {
    const r = await fetch("/api/" + name, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    const v = await r.json();
    if (!r.ok) {
      $("error").textContent = v.error || r.statusText;
      return;
    }
    show(v);
  } catch (e) {
    $("error").textContent = "the dev server does not answer: " + e;
  }
}

// settings returns the call's settings from the form, null when invalid.
function settings() {
  const list = (v) => v.split(",").map((x) => x.trim()).filter((x) => x !== "");
  const body = { from: $("from").value, to: $("to").value, at: $("at").value, dials: list($("dials").value), fields: {} };
  if ($("state").value) body.state = $("state").value.toUpperCase();
  if ($("county").value) body.county = $("county").value.toUpperCase();
  for (const f of list($("fields").value)) {
    const i = f.indexOf("=");
    if (i < 0) { $("error").textContent = "call fields: want name=value, got " + f; return null; }
    body.fields[f.slice(0, i).trim()] = f.slice(i + 1).trim();
  }
  return body;
}

// start posts call, step or continue with the settings; step and continue
// start a new call when none runs.
function start(name) {
  const body = settings();
  if (!body) return;
  if (name === "call" || !current || !current.calling || current.ended) {
    spoken = 0;
    if (window.speechSynthesis) speechSynthesis.cancel();
  }
  post(name, body);
}

function speak(heard) {
  if (!window.speechSynthesis || typeof SpeechSynthesisUtterance === "undefined") {
    spoken = heard.length;
    return;
  }
  for (; spoken < heard.length; spoken++) {
    if (!/^https?:/.test(heard[spoken])) speechSynthesis.speak(new SpeechSynthesisUtterance(heard[spoken]));
  }
}

function status(s) {
  if (!s.calling) return "no call";
  if (s.ended) return "call ended: " + s.end;
  if (s.paused) return "paused before #" + s.activeDoc + " " + s.activePath + ": Step runs it, Continue runs to the next input";
  if (s.waiting) return s.stepping ? "waiting for keys (step mode)" : "waiting for keys";
  return "running…";
}

function show(s) {
  current = s;
  $("status").textContent = status(s);
  $("transcript").textContent = s.transcript.map((t) => t.text).join("\n");
  $("transcript").scrollTop = $("transcript").scrollHeight;
  const heard = $("heard");
  heard.replaceChildren(...s.heard.map((h) => { const li = document.createElement("li"); li.textContent = h; return li; }));
  if (s.heard.length < spoken) spoken = 0;
  speak(s.heard);
  const n = s.activeDoc || s.documents.length;
  const doc = s.documents[n - 1];
  $("docnum").textContent = doc ? "#" + doc.n : "";
  showDocument(doc, s.activeDoc === n ? s.activePath : "", (s.visited && s.visited[n]) || []);
  showGraph(n, s);
  showFindings($("docfindings"), doc ? doc.findings : []);
  showList($("problems"), s.problems || []);
  showExchanges(s.exchanges || []);
  const choices = ["answer", "busy", "noanswer", "failed"].concat((s.destinations || []).map((d) => "answer:" + d));
  if ($("dialchoices").children.length !== choices.length) {
    $("dialchoices").replaceChildren(...choices.map((c) => { const o = el("option"); o.value = c; return o; }));
  }
  $("notice").hidden = !s.notice;
  $("notice").textContent = s.notice || "";
  const log = s.log || [];
  $("logbox").hidden = log.length === 0;
  const pre = $("log");
  const atEnd = pre.scrollTop + pre.clientHeight >= pre.scrollHeight - 4;
  pre.replaceChildren(...log.map((l) => el("span", l.stream, l.text)));
  if (atEnd) pre.scrollTop = pre.scrollHeight;
}

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function showList(ul, items) {
  ul.replaceChildren(...items.map((t) => el("li", "", t)));
}

function showFindings(ul, findings) {
  ul.replaceChildren(...(findings || []).map((f) => el("li", f.severity, f.text)));
}

// showExchanges lists each HTTP request: its line, the reply, the findings.
function showExchanges(xs) {
  const box = $("exchanges");
  const open = new Set([...box.querySelectorAll("details[open]")].map((d) => d.dataset.i));
  box.replaceChildren(...xs.map((x, i) => {
    const d = el("details", "exchange" + (x.error || x.findings.some((f) => f.severity === "error") ? " bad" : ""));
    d.dataset.i = String(i);
    if (open.has(String(i))) d.open = true;
    const where = x.element === "fetch" ? "call_flow_url" : "#" + x.doc + " " + x.path;
    const status = x.status ? String(x.status) : "no reply";
    const sum = el("summary", "", x.method + " " + x.url + " → " + status);
    sum.prepend(el("span", "where", where + " "));
    d.append(sum);
    if (x.error) d.append(el("p", "xerror", x.error));
    if (x.produced) d.append(el("p", "", "became document #" + x.produced));
    if (!x.checked && !x.error) d.append(el("p", "", "reply not checked (not a call-flow document)"));
    if (x.checked && x.findings.length === 0) d.append(el("p", "ok", "render.Check: no findings"));
    const ul = el("ul", "findings");
    showFindings(ul, x.findings);
    d.append(ul);
    if (x.requestBody) d.append(el("pre", "", x.requestBody));
    if (x.reply) d.append(el("pre", "", x.reply));
    return d;
  }));
}

function showDocument(doc, active, visited) {
  const pre = $("document");
  if (!doc) { pre.textContent = ""; return; }
  const activeLine = doc.lines[active] || 0;
  const seen = new Set(visited.map((p) => doc.lines[p]));
  pre.replaceChildren(...doc.xml.split("\n").map((line, i) => {
    const span = document.createElement("span");
    span.textContent = line || " ";
    if (i + 1 === activeLine) span.className = "active";
    else if (seen.has(i + 1)) span.className = "visited";
    return span;
  }));
}

async function showGraph(n, s) {
  const box = $("graph");
  if (!n) { box.replaceChildren(); graphKey = ""; return; }
  const key = s.transcript.length ? n + ":" + s.documents.length : "";
  if (key !== graphKey) {
    graphKey = key;
    const r = await fetch("/api/graph?doc=" + n);
    if (!r.ok) { box.textContent = "no graph for document " + n; return; }
    const svg = new DOMParser().parseFromString(await r.text(), "image/svg+xml").documentElement;
    box.replaceChildren(document.importNode(svg, true));
  }
  const visited = new Set((s.visited && s.visited[n]) || []);
  for (const g of box.querySelectorAll("svg g[id]")) {
    const t = g.querySelector("title");
    const path = t ? t.textContent : "";
    g.classList.toggle("visited", visited.has(path));
    g.classList.toggle("active", path !== "" && s.activeDoc === n && path === s.activePath);
  }
}

function connect() {
  const es = new EventSource("/api/stream");
  es.addEventListener("state", (e) => show(JSON.parse(e.data)));
  es.onerror = () => { $("status").textContent = "reconnecting to the dev server…"; };
}

document.addEventListener("DOMContentLoaded", () => {
  for (const b of document.querySelectorAll("#keypad button")) {
    b.addEventListener("click", () => post("press", { keys: b.dataset.key }));
  }
  $("call").addEventListener("click", () => start("call"));
  $("step").addEventListener("click", () => start("step"));
  $("continue").addEventListener("click", () => start("continue"));
  $("silence").addEventListener("click", () => post("silence"));
  $("hangup").addEventListener("click", () => post("hangup"));
  document.addEventListener("keydown", (e) => {
    if (e.target.tagName !== "INPUT" && /^[0-9*#]$/.test(e.key)) post("press", { keys: e.key });
  });
  connect();
});
