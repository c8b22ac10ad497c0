extension ConsolePage {
    /// Discord's dark theme, roughly: the colours people recognise, nothing fetched.
    static let style = #"""
        :root { --bg:#313338; --bg2:#2b2d31; --bg3:#1e1f22; --text:#dbdee1; --muted:#949ba4; --link:#00a8fc;
                --blurple:#5865f2; --green:#248046; --red:#da373c; --grey:#4e5058; --embed:#2b2d31; }
        * { box-sizing: border-box; }
        body { margin:0; background:var(--bg); color:var(--text); font:14px/1.4 "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
        h1 { font-size:18px; margin:0; } h2 { font-size:13px; text-transform:uppercase; color:var(--muted); margin:16px 0 6px; }
        .tag { background:var(--blurple); color:#fff; border-radius:4px; padding:1px 6px; font-size:12px; vertical-align:middle; }
        .top { display:flex; justify-content:space-between; align-items:center; padding:10px 16px; background:var(--bg3); flex-wrap:wrap; gap:8px; }
        .clock { display:flex; gap:8px; align-items:center; flex-wrap:wrap; } .clock small { color:var(--muted); }
        button { font:inherit; color:#fff; background:var(--grey); border:0; border-radius:3px; padding:5px 12px; cursor:pointer; }
        button:hover:not(:disabled) { filter:brightness(1.15); } button:disabled { opacity:.5; cursor:not-allowed; }
        button.primary, .btn-1 { background:var(--blurple); } .btn-2 { background:var(--grey); } .btn-3 { background:var(--green); } .btn-4 { background:var(--red); }
        .btn-5 { background:var(--grey); color:var(--link); }
        .personas { display:flex; gap:4px; padding:8px 16px; background:var(--bg2); }
        .personas button[aria-selected="true"] { background:var(--blurple); }
        #notice { padding:0 16px; min-height:20px; color:#f0b232; }
        .layout { display:grid; grid-template-columns: minmax(420px, 1.3fr) minmax(380px, 1fr); gap:16px; padding:0 16px 16px; }
        .composer { background:var(--bg2); padding:10px; border-radius:8px; display:grid; gap:6px; }
        .options label, .modal-field > label { display:block; font-size:12px; color:var(--muted); text-transform:uppercase; margin-top:4px; }
        input, select, textarea { font:inherit; width:100%; background:var(--bg3); color:var(--text); border:1px solid #111; border-radius:3px; padding:6px; }
        .choices { display:flex; flex-wrap:wrap; gap:4px; margin-top:4px; } .choices button { background:var(--bg3); font-size:12px; padding:2px 8px; }
        .feed { display:flex; flex-direction:column; gap:8px; min-height:24px; }
        .feed:empty::after { content:"Nothing yet."; color:var(--muted); font-style:italic; }
        .msg { background:var(--bg); padding:6px 8px; border-radius:4px; border:1px solid #3f4147; }
        .msg.ephemeral { border-color:#4752c4; }
        .msg .ref { color:var(--muted); font-size:12px; } .msg header { display:flex; gap:6px; align-items:baseline; }
        .author { font-weight:bold; color:#fff; } .app { background:var(--blurple); color:#fff; font-size:10px; border-radius:3px; padding:0 4px; }
        .msg time { color:var(--muted); font-size:11px; } .content { white-space:pre-wrap; word-wrap:break-word; }
        .embed { background:var(--embed); border-left:4px solid #1e1f22; border-radius:4px; padding:8px 12px; margin-top:4px; max-width:520px; }
        .embed .title { font-weight:bold; color:#fff; } .embed .eauthor { font-size:12px; font-weight:bold; }
        .fields { display:grid; grid-template-columns:repeat(3, 1fr); gap:6px 12px; margin-top:6px; }
        .field { grid-column: span 3; } .field.inline { grid-column: span 1; } .field .name { font-weight:bold; font-size:12px; }
        .efoot { color:var(--muted); font-size:11px; margin-top:6px; }
        .row { display:flex; gap:6px; flex-wrap:wrap; margin-top:6px; } .row select { max-width:360px; }
        .note { color:var(--muted); font-size:12px; margin-top:4px; } .note b { color:var(--link); font-weight:normal; }
        .loading { color:var(--muted); font-style:italic; }
        code { background:var(--bg3); padding:0 3px; border-radius:3px; } .mention { background:#3c4270; color:#c9cdfb; border-radius:3px; padding:0 2px; }
        .server { background:var(--bg2); border-radius:6px; padding:8px; margin-bottom:8px; }
        .server header { display:flex; justify-content:space-between; } .power { font-weight:bold; }
        .power.running { color:#23a55a; } .power.offline { color:var(--muted); } .power.starting, .power.stopping { color:#f0b232; }
        .build { margin-top:2px; } .badge { border-radius:3px; padding:0 5px; font-weight:bold; font-size:12px; color:#fff; }
        .badge.install-installed { background:var(--green); } .badge.install-installing { background:#7a5d0a; } .badge.install-failed { background:var(--red); }
        .server ul { margin:4px 0 0; padding-left:18px; font-size:12px; } .small { font-size:12px; color:var(--muted); }
        table.rows { width:100%; border-collapse:collapse; font-size:12px; } .rows th { text-align:left; color:var(--muted); }
        .rows td, .rows th { padding:3px 4px; border-bottom:1px solid #3f4147; vertical-align:top; }
        .status { border-radius:3px; padding:0 4px; font-weight:bold; } .status.PENDING { background:#7a5d0a; } .status.ACTIVE { background:var(--green); }
        .status.RETURNED { background:var(--grey); } .status.REJECTED { background:var(--red); }
        dialog { background:var(--bg); color:var(--text); border:0; border-radius:8px; width:min(480px, 95vw); padding:16px; }
        dialog::backdrop { background:rgba(0,0,0,.6); } dialog h2 { color:#fff; font-size:18px; text-transform:none; margin-top:0; }
        .modal-field { margin-bottom:10px; } .modal-field .hint { font-size:12px; color:var(--muted); } .actions { display:flex; justify-content:flex-end; gap:8px; }
        .required { color:var(--red); }
        """#
}
