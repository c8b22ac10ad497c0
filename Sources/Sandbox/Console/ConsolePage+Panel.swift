extension ConsolePage {
    /// The panel's servers: what each runs (the version its variable asks for, the Java of its
    /// image) with a badge for its install, then power, address, sub-users and backups. An
    /// approval shows here as the server moving to the release's image, "installing…", then
    /// "installed" and running, before anyone is let in.
    static let scriptPanel = #"""
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
        """#
}
