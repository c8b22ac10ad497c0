extension ConsolePage {
    /// Messages as Discord shows them: reply line, author, content, embeds with colour and fields, buttons and selects.
    static let scriptMessages = #"""
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
          for (const row of message.components || []) node.append(renderRow(row, message));
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
        """#
}
