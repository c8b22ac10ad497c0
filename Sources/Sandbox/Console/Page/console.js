// The console's script: polls /api/state every second and renders it; sends what the person does
// to the API. Re-rendering leaves the command form and an open modal alone, so typing is never lost.
// Helpers, the API calls, and the little Markdown Discord messages use.
"use strict";
const S = { persona: "member", state: null, commandsKey: "", paths: [], modalFor: null };
const $ = (id) => document.getElementById(id);
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") node.className = v; else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (k === "text") node.textContent = v; else if (k === "html") node.innerHTML = v; else node.setAttribute(k, v === true ? "" : v);
  }
  for (const child of children.flat()) if (child !== null && child !== undefined) node.append(child);
  return node;
};
const persona = () => S.state && S.state.personas.find((p) => p.key === S.persona);
const userName = (id) => { const p = S.state && S.state.personas.find((x) => x.userId === id); return p ? p.username : id; };

// Drawn, not an emoji: a machine without an emoji font would show a box.
const EYE = '<svg width="14" height="10" viewBox="0 0 14 10" aria-hidden="true"><path d="M7 0C3.5 0 1 3 0 5c1 2 3.5 5 7 5s6-3 7-5c-1-2-3.5-5-7-5zm0 8a3 3 0 1 1 0-6 3 3 0 0 1 0 6z" fill="currentColor"/></svg>';
function notice(text) { $("notice").textContent = text || ""; }

async function api(path, body) {
  const response = await fetch(path, { method: body ? "POST" : "GET", headers: { "Content-Type": "application/json" },
                                        body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) { notice(json.error || ("HTTP " + response.status)); throw new Error(json.error || response.status); }
  return json;
}

async function act(path, body) {
  notice("");
  try { const result = await api(path, Object.assign({ persona: S.persona }, body)); await refresh(); return result; }
  catch (error) { return null; }
}

// ---- Markdown, the little Discord messages use ----
function escapeHTML(text) { return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c])); }
function markdown(text) {
  let html = escapeHTML(text || "");
  html = html.replace(/```([\s\S]*?)```/g, (_, code) => "<code>" + code + "</code>");
  html = html.replace(/`([^`]+)`/g, "<code>$1</code>");
  html = html.replace(/^(#{1,3}) (.+)$/gm, (_, level, title) => '<b class="heading h' + level.length + '">' + title + "</b>");
  html = html.replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>").replace(/__([^_]+)__/g, "<u>$1</u>").replace(/\*([^*]+)\*/g, "<i>$1</i>");
  html = html.replace(/&lt;@!?(\d+)&gt;/g, (_, id) => '<span class="mention">@' + escapeHTML(userName(id)) + "</span>");
  html = html.replace(/&lt;@&amp;(\d+)&gt;/g, (_, id) => '<span class="mention">@' + escapeHTML((S.state && S.state.roles[id]) || "role") + "</span>");
  html = html.replace(/&lt;#(\d+)&gt;/g, '<span class="mention">#channel</span>');
  html = html.replace(/&lt;t:(-?\d+)(?::([tTdDfFR]))?&gt;/g, (_, s, style) => '<span class="mention">' + timestamp(new Date(Number(s) * 1000), style) + "</span>");
  return html;
}
/// Discord's timestamp styles: t/T time, d/D date, f/F date and time (the default), R relative.
function timestamp(date, style) {
  switch (style) {
    case "t": return date.toLocaleTimeString([], { hour: "numeric", minute: "2-digit" });
    case "T": return date.toLocaleTimeString();
    case "d": return date.toLocaleDateString();
    case "D": return date.toLocaleDateString([], { dateStyle: "long" });
    case "F": return date.toLocaleString([], { dateStyle: "full", timeStyle: "short" });
    case "R": return relative(date);
    default: return date.toLocaleString([], { dateStyle: "long", timeStyle: "short" });
  }
}
function relative(date) {
  const now = S.state ? new Date(S.state.clock.now) : new Date();
  const days = Math.round((date - now) / 86400000);
  if (Math.abs(days) >= 1) return days > 0 ? "in " + days + " days" : -days + " days ago";
  const hours = Math.round((date - now) / 3600000);
  return hours >= 0 ? "in " + hours + " hours" : -hours + " hours ago";
}

// Messages as Discord shows them: reply line, author, content, embeds with colour and fields, text displays, buttons and selects.
// ---- Messages ----
function renderMessage(message, place) {
  const node = el("article", { class: "msg" + (message.ephemeral ? " ephemeral" : ""), "data-testid": "message",
                               "data-message-id": message.id, "data-place": place });
  if (message.interaction) {
    const verb = { command: "used", component: "pressed", modal: "submitted" }[message.interaction.kind] || "used";
    node.append(el("div", { class: "ref", text: "↳ " + message.interaction.persona + " " + verb + " " + message.interaction.label }));
  }
  node.append(el("header", {}, el("span", { class: "author", text: "lending-bot" }), el("span", { class: "app", text: "APP" }),
                 el("time", { text: message.timestamp ? new Date(message.timestamp).toLocaleString() : "" })));
  if (message.loading) node.append(el("div", { class: "loading", "data-testid": "thinking", text: "lending-bot is thinking…" }));
  if (message.content) node.append(el("div", { class: "content", "data-testid": "content", html: markdown(message.content) }));
  for (const embed of message.embeds || []) node.append(renderEmbed(embed));
  // A components-v2 message (the live board) has text displays (type 10) among its rows.
  for (const c of message.components || []) {
    node.append(c.type === 10 ? el("div", { class: "content", "data-testid": "text-display", html: markdown(c.content) }) : renderRow(c, message));
  }
  if (message.ephemeral) node.append(el("div", { class: "note", "data-testid": "only-you", html: EYE + " Only you can see this" }));
  return node;
}
function renderEmbed(embed) {
  const color = "#" + (embed.color === undefined ? 0x1e1f22 : embed.color).toString(16).padStart(6, "0");
  const node = el("div", { class: "embed", "data-testid": "embed", style: "border-left-color:" + color, "data-color": color });
  if (embed.author && embed.author.name) node.append(el("div", { class: "eauthor", text: embed.author.name }));
  if (embed.title) node.append(el("div", { class: "title", "data-testid": "embed-title", html: markdown(embed.title) }));
  if (embed.description) node.append(el("div", { class: "content", html: markdown(embed.description) }));
  if (embed.fields && embed.fields.length) {
    node.append(el("div", { class: "fields" }, embed.fields.map((f) => el("div", { class: "field" + (f.inline ? " inline" : ""), "data-testid": "embed-field" },
      el("div", { class: "name", html: markdown(f.name) }), el("div", { class: "content", html: markdown(f.value) })))));
  }
  if (embed.footer && embed.footer.text) node.append(el("div", { class: "efoot", text: embed.footer.text + (embed.timestamp ? " • " + new Date(embed.timestamp).toLocaleString() : "") }));
  return node;
}
function renderRow(row, message) {
  const node = el("div", { class: "row", role: "group" });
  for (const c of row.components || [row]) {
    if (c.type === 2) {
      const label = (c.emoji && c.emoji.name ? c.emoji.name + " " : "") + (c.label || "");
      if (c.style === 5) { node.append(el("a", { class: "btn-5", href: c.url, target: "_blank", rel: "noopener", text: label + " ↗" })); continue; }
      node.append(el("button", { type: "button", class: "btn-" + (c.style || 2), disabled: !!c.disabled, "data-testid": "component",
                                 "data-custom-id": c.custom_id, "data-message-id": message.id, text: label,
                                 onclick: () => act("/api/component", { messageId: message.id, customId: c.custom_id }) }));
    } else if ([3, 5, 6, 7, 8].includes(c.type)) {
      node.append(renderSelect(c, (values) => act("/api/component", { messageId: message.id, customId: c.custom_id, values }), message));
    }
  }
  return node;
}
/// A string select lists its options; user selects list the guild's members.
function selectOptions(c) {
  if (c.type === 3) return (c.options || []).map((o) => ({ value: o.value, label: o.label, description: o.description }));
  return (S.state ? S.state.personas : []).map((p) => ({ value: p.userId, label: p.username }));
}
function renderSelect(c, onPick, message) {
  const multiple = (c.max_values || 1) > 1;
  const select = el("select", { "data-testid": "select", "data-custom-id": c.custom_id, "data-message-id": message ? message.id : undefined,
                                "aria-label": c.placeholder || "Choose", multiple, disabled: !!c.disabled });
  if (!multiple) select.append(el("option", { value: "", text: c.placeholder || "Make a selection" }));
  for (const o of selectOptions(c)) select.append(el("option", { value: o.value, text: o.label + (o.description ? " — " + o.description : "") }));
  if (!onPick) return select;
  const send = () => { const values = [...select.selectedOptions].map((o) => o.value).filter((v) => v); if (values.length) onPick(values); };
  if (multiple) return el("span", {}, select, el("button", { type: "button", text: "Choose", onclick: send }));
  select.addEventListener("change", send);
  return select;
}

// The slash-command form, built from the registered commands, with autocomplete from the bot.
// ---- Command composer ----
function commandPaths(commands) {
  const out = [];
  const walk = (command, chain, options, description) => {
    const subs = (options || []).filter((o) => o.type === 1 || o.type === 2);
    if (!subs.length) { out.push({ command, chain, options: options || [], description }); return; }
    for (const s of subs) walk(command, chain.concat([{ name: s.name, type: s.type }]), s.options, s.description);
  };
  for (const c of commands) walk(c.name, [], c.options, c.description);
  return out;
}
const pathLabel = (p) => "/" + [p.command].concat(p.chain.map((c) => c.name)).join(" ");
function renderCommands() {
  const key = JSON.stringify(S.state.commands);
  if (key === S.commandsKey) return;
  S.commandsKey = key;
  S.paths = commandPaths(S.state.commands);
  const select = $("command-select");
  const previous = select.value;
  select.replaceChildren(...S.paths.map((p, i) => el("option", { value: pathLabel(p), text: pathLabel(p) + " — " + (p.description || "") })));
  if (previous) select.value = previous;
  renderOptions();
}
const currentPath = () => S.paths.find((p) => pathLabel(p) === $("command-select").value);
function renderOptions() {
  const path = currentPath();
  const box = $("command-options");
  box.replaceChildren();
  if (!path) return;
  for (const o of path.options) {
    const id = "opt-" + o.name;
    const label = el("label", { for: id }, o.name, o.required ? el("span", { class: "required", text: " *" }) : null,
                     o.description ? el("span", { class: "small", text: " — " + o.description }) : null);
    let input;
    if (o.choices && o.choices.length) {
      input = el("select", { id, "data-testid": "option-" + o.name }, el("option", { value: "", text: "" }),
                 o.choices.map((c) => el("option", { value: String(c.value), text: c.name })));
    } else if (o.type === 5) {
      input = el("select", { id, "data-testid": "option-" + o.name }, el("option", { value: "", text: "" }),
                 el("option", { value: "true", text: "True" }), el("option", { value: "false", text: "False" }));
    } else if (o.type === 6) {
      input = el("select", { id, "data-testid": "option-" + o.name }, el("option", { value: "", text: "" }),
                 S.state.personas.map((p) => el("option", { value: p.userId, text: p.username })));
    } else {
      input = el("input", { id, "data-testid": "option-" + o.name, type: o.autocomplete ? "text" : (o.type === 4 || o.type === 10 ? "number" : "text"),
                            required: !!o.required });
    }
    box.append(label, input);
    if (o.autocomplete) {
      const choices = el("div", { class: "choices", "data-testid": "choices-" + o.name, role: "listbox", "aria-label": o.name + " suggestions" });
      box.append(choices);
      let timer = null;
      const ask = () => { clearTimeout(timer); timer = setTimeout(() => suggest(path, o, input, choices), 250); };
      input.addEventListener("input", ask);
      input.addEventListener("focus", ask);
    }
  }
}
function optionValue(o, raw, focused) {
  if (focused) return raw;
  if (o.type === 4) return parseInt(raw, 10);
  if (o.type === 10) return parseFloat(raw);
  if (o.type === 5) return raw === "true";
  return raw;
}
function optionTree(path, focusedName) {
  const leaves = [];
  for (const o of path.options) {
    const raw = ($("opt-" + o.name) || {}).value || "";
    const focused = o.name === focusedName;
    if (!raw && !focused) continue;
    const leaf = { name: o.name, type: o.type, value: optionValue(o, raw, focused) };
    if (focused) leaf.focused = true;
    leaves.push(leaf);
  }
  let tree = leaves;
  for (const link of path.chain.slice().reverse()) tree = [{ name: link.name, type: link.type, options: tree }];
  return tree;
}
async function suggest(path, o, input, box) {
  try {
    const result = await api("/api/autocomplete", { persona: S.persona, command: path.command, options: optionTree(path, o.name) });
    box.replaceChildren(...(result.choices || []).map((c) => el("button", { type: "button", role: "option", "data-testid": "choice",
      "data-value": String(c.value), text: c.name, onclick: () => { input.value = String(c.value); box.replaceChildren(); } })));
  } catch (error) { box.replaceChildren(); }
}

// Modals as a dialog: text inputs, selects and user selects in labels; submit or cancel.
// ---- Modal ----
function openModal(modal) {
  const dialog = $("modal");
  S.modalFor = modal.interactionId;
  dialog.dataset.interactionId = modal.interactionId;
  $("modal-title").textContent = modal.data.title || "";
  const fields = $("modal-fields");
  fields.replaceChildren();
  let n = 0;
  for (const top of modal.data.components || []) {
    if (top.type === 10) { fields.append(el("div", { class: "content", html: markdown(top.content) })); continue; }
    const inner = top.component || (top.components && top.components[0]) || top;
    const id = "modal-input-" + n++;
    const wrap = el("div", { class: "modal-field", "data-testid": "modal-field", "data-custom-id": inner.custom_id, "data-kind": String(inner.type) });
    wrap.append(el("label", { for: id }, top.label || inner.label || inner.custom_id, inner.required !== false ? el("span", { class: "required", text: " *" }) : null));
    if (top.description) wrap.append(el("div", { class: "hint", text: top.description }));
    let input;
    if (inner.type === 4) {
      const attrs = { id, "data-testid": "modal-input", name: inner.custom_id, placeholder: inner.placeholder, value: inner.value,
                      minlength: inner.min_length, maxlength: inner.max_length, required: inner.required !== false };
      input = inner.style === 2 ? el("textarea", Object.assign(attrs, { rows: 3 })) : el("input", attrs);
      if (inner.style === 2 && inner.value) input.value = inner.value;
    } else {
      input = renderSelect(inner, null, null);
      input.id = id; input.name = inner.custom_id; input.dataset.testid = "modal-input";
    }
    wrap.append(input);
    fields.append(wrap);
  }
  if (!dialog.open) dialog.showModal();
}
$("modal-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const values = {};
  for (const wrap of $("modal-fields").querySelectorAll("[data-testid=modal-field]")) {
    const input = wrap.querySelector("[data-testid=modal-input]");
    values[wrap.dataset.customId] = wrap.dataset.kind === "4" ? input.value : [...input.selectedOptions].map((o) => o.value).filter((v) => v);
  }
  const interactionId = $("modal").dataset.interactionId;
  $("modal").close();
  S.modalFor = null;
  await act("/api/modal", { interactionId, values });
});
$("modal-cancel").addEventListener("click", async () => {
  const interactionId = $("modal").dataset.interactionId;
  $("modal").close();
  S.modalFor = null;
  await act("/api/modal/dismiss", { interactionId });
});

// The panel's servers: what each runs (the version its variable asks for, the Java of its
// image) with a badge for its install, then power, address, sub-users and backups. An
// approval shows here as the server moving to the release's image, "installing…", then
// "installed" and running, before anyone is let in.
// ---- Panel ----
const INSTALL = { installed: "installed", installing: "installing…", failed: "install failed" };
const INSTALL_HINT = { installing: "Wings is running the egg's install script", failed: "the egg's install script failed: Retry runs it again" };
function installBadge(s) {
  const text = s.install === "installed" && s.installedVersion ? "installed " + s.installedVersion : (INSTALL[s.install] || s.install);
  return el("span", { class: "badge install-" + s.install, "data-testid": "install", title: INSTALL_HINT[s.install], text });
}
function renderServer(s) {
  // The install badge already says installing or failed; other statuses (suspended, restoring a backup) go beside the power.
  const otherStatus = s.status && s.install === "installed" ? " (" + s.status + ")" : "";
  return el("div", { class: "server", "data-testid": "panel-server", "data-identifier": s.identifier, "data-power": s.power,
                     "data-subusers": String(s.subusers.length), "data-install": s.install, "data-version": s.version || "",
                     "data-installed-version": s.installedVersion || "", "data-java": s.java === null ? "" : String(s.java) },
    el("header", {}, el("span", {}, el("b", { text: s.name }), " ", el("code", { text: s.identifier })),
       el("span", { class: "power " + s.power, "data-testid": "power", text: s.power + otherStatus })),
    el("div", { class: "build", "data-testid": "build" },
       el("span", { text: s.name + " · " + (s.version || "no version variable") + " · " + (s.java ? "Java " + s.java : "Java ?") + " · " }),
       installBadge(s)),
    el("div", { class: "small", "data-testid": "image", title: s.versionVariable ? "the version is the egg's " + s.versionVariable : "",
                     text: "image " + s.image + (s.install !== "installed" && s.installedVersion ? " · last installed " + s.installedVersion : "") }),
    el("div", { class: "small", text: s.address + (s.description ? " · " + s.description : "") }),
    el("div", { class: "small", text: "Sub-users:" }),
    el("ul", { "data-testid": "subusers" }, s.subusers.length ? s.subusers.map((u) => el("li", { text: u.email + " (" + u.permissions + " permissions)" })) : el("li", { text: "none" })),
    el("div", { class: "small", text: "Backups:" }),
    el("ul", { "data-testid": "backups" }, s.backups.length ? s.backups.map((b) => el("li", { text: b.name + " · " + b.state + (b.locked ? " · locked" : "") + " · " + Math.round(b.bytes / 1024) + " KiB" })) : el("li", { text: "none" })));
}
function renderPanel(panel) {
  $("panel").replaceChildren(...panel.servers.map(renderServer));
}

// The database's workflows, tasks and audit rows.
// ---- Database ----
const shortDate = (text) => text ? new Date(text.endsWith("Z") ? text : text + "Z").toLocaleString() : "";
function renderDatabase(db) {
  $("workflows").replaceChildren(...db.workflows.map((w) => el("tr", { "data-testid": "workflow-row", "data-id": String(w.id), "data-status": w.status },
    el("td", { text: "#" + w.id }), el("td", {}, el("span", { class: "status " + w.status, text: w.status })),
    el("td", { text: w.description + " (" + w.mcVersion + ", " + w.periodDays + " d) by " + userName(w.organizerDiscordId) }),
    el("td", { text: w.pteroServerId || "" }), el("td", { text: shortDate(w.endDate) }))));
  $("tasks").replaceChildren(...db.tasks.map((t) => el("tr", { "data-testid": "task-row", "data-state": t.state },
    el("td", { text: String(t.id) }), el("td", { text: t.kind }), el("td", { text: "#" + t.workflowId }),
    el("td", { text: t.state, title: t.lastError || "" }), el("td", { text: String(t.attempts) }))));
  $("audit").replaceChildren(...db.audit.map((a) => el("tr", { "data-testid": "audit-row", "data-action": a.action },
    el("td", { text: "#" + a.workflowId }), el("td", { text: a.action }), el("td", { text: (a.fromStatus || "—") + " → " + (a.toStatus || "—") }),
    el("td", { text: userName(a.actor) }), el("td", { text: shortDate(a.createdAt) }))));
}

// The persona tabs, the render loop, the clock buttons, and the one-second poll.
// ---- The whole page ----
function renderPersonas() {
  const nav = $("personas");
  if (!nav.children.length) {
    for (const p of S.state.personas) {
      nav.append(el("button", { type: "button", role: "tab", "data-testid": "persona-" + p.key, "data-persona": p.key, text: p.label,
                                onclick: () => { S.persona = p.key; render(); } }));
    }
  }
  for (const button of nav.children) button.setAttribute("aria-selected", String(button.dataset.persona === S.persona));
  for (const who of document.querySelectorAll(".who")) who.textContent = persona().username;
}
const rendered = {};
function whenChanged(region, data, build) {
  const key = JSON.stringify(data);
  if (rendered[region] === key) return;
  rendered[region] = key;
  build(data);
}
function render() {
  const state = S.state;
  if (!state) return;
  document.body.dataset.ready = String(state.ready);
  document.body.dataset.persona = S.persona;
  $("clock").textContent = new Date(state.clock.now).toLocaleString();
  $("clock").dataset.iso = state.clock.now;
  const days = state.clock.offsetSeconds / 86400;
  $("offset").textContent = days > 0 ? "(+" + (days >= 1 ? days.toFixed(1) + " days" : Math.round(state.clock.offsetSeconds / 60) + " min") + ")" : "";
  renderPersonas();
  renderCommands();
  const me = persona();
  // A region is rebuilt only when its data changed, so an open select menu stays open.
  whenChanged("board", state.board, (m) => $("board").replaceChildren(...(m ? [renderMessage(m, "channel")] : [])));
  whenChanged("channel", state.channel.messages, (ms) => $("channel").replaceChildren(...ms.map((m) => renderMessage(m, "channel"))));
  whenChanged("ephemeral", [S.persona, me.ephemeral], ([, ms]) => $("ephemeral").replaceChildren(...ms.map((m) => renderMessage(m, "ephemeral"))));
  whenChanged("dms", [S.persona, me.directMessages], ([, ms]) => $("dms").replaceChildren(...ms.map((m) => renderMessage(m, "dm"))));
  whenChanged("panel", state.panel, renderPanel);
  whenChanged("database", state.database, renderDatabase);
  if (me.modal && S.modalFor !== me.modal.interactionId) openModal(me.modal);
  if (!me.modal && $("modal").open) { $("modal").close(); S.modalFor = null; }
}
async function refresh() {
  try { S.state = await api("/api/state"); render(); } catch (error) { /* the next poll tries again */ }
}

$("command-select").addEventListener("change", renderOptions);
$("composer").addEventListener("submit", async (event) => {
  event.preventDefault();
  const path = currentPath();
  if (!path) return;
  await act("/api/command", { command: path.command, options: optionTree(path, null) });
});
for (const button of document.querySelectorAll("[data-seconds]")) {
  button.addEventListener("click", () => act("/api/clock/advance", { seconds: Number(button.dataset.seconds) }));
}
$("advance-end").addEventListener("click", () => act("/api/clock/advance", { to: "next-end" }));
refresh();
setInterval(refresh, 1000);
