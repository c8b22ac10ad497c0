extension ConsolePage {
    /// The slash-command form, built from the registered commands, with autocomplete from the bot.
    static let scriptComposer = #"""
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
        """#
}
