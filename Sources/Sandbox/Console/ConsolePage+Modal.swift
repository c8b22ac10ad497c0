extension ConsolePage {
    /// Modals as a dialog: text inputs, selects and user selects in labels; submit or cancel.
    static let scriptModal = #"""
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
        """#

    /// The database's workflows, tasks and audit rows.
    static let scriptTables = #"""
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
        """#
}
