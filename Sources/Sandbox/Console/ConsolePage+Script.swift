extension ConsolePage {
    /// Polls `/api/state` every second and renders it; sends what the person does to the API.
    /// Re-rendering leaves the command form and an open modal alone, so typing is never lost.
    static var script: String { [scriptCore, scriptMessages, scriptComposer, scriptModal, scriptPanel, scriptTables, scriptPage].joined(separator: "\n") }

    /// Helpers, the API calls, and the little Markdown Discord messages use.
    static let scriptCore = #"""
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
        """#

    /// The persona tabs, the render loop, the clock buttons, and the one-second poll.
    static let scriptPage = #"""
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
        """#
}
