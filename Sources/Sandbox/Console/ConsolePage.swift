/// The console's one page: markup, style and script, with no outside resource (no CDN, no npm).
/// Elements the browser test reads carry `data-testid`.
enum ConsolePage {
    static let html = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>lending-bot sandbox</title>
        <style>\(style)</style>
        </head>
        <body>
        \(body)
        <script>\(script)</script>
        </body>
        </html>
        """

    private static let body = #"""
        <header class="top">
          <h1>lending-bot <span class="tag">sandbox</span></h1>
          <div class="clock" role="group" aria-label="Clock">
            <span>Sandbox time: <time data-testid="clock" id="clock">…</time> <small id="offset"></small></span>
            <button type="button" data-testid="advance-hour" data-seconds="3600">+1 hour</button>
            <button type="button" data-testid="advance-day" data-seconds="86400">+1 day</button>
            <button type="button" data-testid="advance-end" id="advance-end">Past the next end date</button>
          </div>
        </header>
        <nav class="personas" role="tablist" aria-label="Act as" id="personas"></nav>
        <div id="notice" role="status" aria-live="polite" data-testid="notice"></div>
        <main class="layout">
          <section class="discord" aria-label="Discord">
            <form class="composer" id="composer" data-testid="composer" autocomplete="off">
              <label for="command-select">Slash command</label>
              <select id="command-select" data-testid="command-select"></select>
              <div id="command-options" class="options"></div>
              <button type="submit" class="primary" data-testid="run-command">Send</button>
            </form>
            <h2><span aria-hidden="true">#</span> lending-notices</h2>
            <div class="feed" id="channel" data-testid="channel" role="log" aria-label="Channel lending-notices"></div>
            <h2>Only visible to <span class="who"></span></h2>
            <div class="feed" id="ephemeral" data-testid="ephemeral" role="log" aria-label="Ephemeral replies"></div>
            <h2>Direct messages of <span class="who"></span></h2>
            <div class="feed" id="dms" data-testid="dms" role="log" aria-label="Direct messages"></div>
          </section>
          <aside class="side">
            <section aria-label="Panel">
              <h2>Panel servers</h2>
              <div id="panel" data-testid="panel"></div>
            </section>
            <section aria-label="Database">
              <h2>Workflows</h2>
              <table class="rows"><thead><tr><th>id</th><th>status</th><th>purpose</th><th>server</th><th>ends</th></tr></thead>
              <tbody id="workflows" data-testid="workflows"></tbody></table>
              <h2>Tasks</h2>
              <table class="rows"><thead><tr><th>id</th><th>kind</th><th>loan</th><th>state</th><th>tries</th></tr></thead>
              <tbody id="tasks" data-testid="tasks"></tbody></table>
              <h2>Audit</h2>
              <table class="rows"><thead><tr><th>loan</th><th>action</th><th>from → to</th><th>by</th><th>at</th></tr></thead>
              <tbody id="audit" data-testid="audit"></tbody></table>
            </section>
          </aside>
        </main>
        <dialog id="modal" data-testid="modal" aria-labelledby="modal-title">
          <form method="dialog" id="modal-form">
            <h2 id="modal-title" data-testid="modal-title"></h2>
            <div id="modal-fields"></div>
            <div class="actions">
              <button type="button" id="modal-cancel" data-testid="modal-cancel">Cancel</button>
              <button type="submit" class="primary" data-testid="modal-submit">Submit</button>
            </div>
          </form>
        </dialog>
        """#
}
