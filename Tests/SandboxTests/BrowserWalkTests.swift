import DiscordSimulator
import Foundation
import Logging
import PanelSimulator
import Sandbox
import SimulatorSupport
import Testing

/// A person's loan through the console page, in Debian's headless chromium driven over the
/// DevTools protocol: checkout → approve → install → clock forward → returned, with the DOM checked and a
/// screenshot taken at each step (kept in a temporary folder whose path the test prints).
@Suite("Sandbox console in a browser")
struct BrowserWalkTests {
    static let alice = SandboxPeople.member.invoker.userID

    @Test("checkout, approve, install, clock forward and return, through the page")
    func walkALoan() async throws {
        let shots = FileManager.default.temporaryDirectory.appendingPathComponent("sandbox-browser-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: shots, withIntermediateDirectories: true)
        var logger = Logger(label: "test.browser")
        logger.logLevel = .error
        try await SandboxHarness.with { sandbox in
            try await HeadlessChromium.with { chromium in
                let page = try await DevToolsSession.connect(port: chromium.port, http: sandbox.http, logger: logger)
                defer { page.close() }
                try await page.send("Page.enable")
                try await page.send("Page.navigate", ["url": .string(sandbox.consoleURL)])
                try await page.waitUntil("the console to load", "document.body.dataset.ready === 'true' && document.querySelector('[data-testid=command-select] option')")
                try await shoot(page, "0-start", into: shots)

                // The member opens the request form with /mcserver checkout and fills it in.
                try await page.evaluate("document.querySelector('[data-testid=persona-member]').click()")
                try await page.evaluate("""
                    (() => { const s = document.querySelector('[data-testid=command-select]'); s.value = '/mcserver checkout';
                             s.dispatchEvent(new Event('change')); document.querySelector('[data-testid=run-command]').click(); })()
                    """)
                // The pool has Paper and Fabric servers: the bot first asks which kind, in a select.
                let typeSelect = #"document.querySelector('#ephemeral [data-testid=select][data-custom-id="checkout.type"]')"#
                try await page.waitUntil("the server type select", typeSelect)
                try await page.evaluate("(() => { const s = \(typeSelect); s.value = 'paper'; s.dispatchEvent(new Event('change')); })()")
                try await page.waitUntil("the checkout form", "document.querySelector('[data-testid=modal]').open")
                #expect(try await page.evaluate("document.querySelector('[data-testid=modal-title]').textContent").stringValue == "Request a paper server")
                #expect(try await page.evaluate("document.querySelectorAll('[data-testid=modal-field]').length").intValue == 5)
                try await shoot(page, "1-checkout-form", into: shots)
                try await page.evaluate("""
                    (() => { const f = [...document.querySelectorAll('[data-testid=modal-field] [data-testid=modal-input]')];
                             f[0].value = 'Summer build contest'; f[1].value = '26.1'; f[2].value = '7';
                             for (const s of [f[3], f[4]]) for (const o of s.options) o.selected = o.value === '\(Self.alice)';
                             document.querySelector('[data-testid=modal-submit]').click(); })()
                    """)
                try await page.waitUntil("the request to be PENDING with a notice in the channel", """
                    document.querySelector('[data-testid=workflow-row][data-status=PENDING]') &&
                    [...document.querySelectorAll('#channel [data-testid=component]')].some(b => b.textContent === 'Approve')
                    """)
                #expect(try await page.evaluate("document.querySelector('#ephemeral [data-testid=only-you]') !== null").boolValue == true)
                #expect(try await page.evaluate("document.querySelector('#channel [data-testid=embed]')?.dataset.color").stringValue?.hasPrefix("#") == true)
                try await shoot(page, "2-requested", into: shots)

                // The moderator's command form suggests the pending request while the id is typed.
                try await page.evaluate("document.querySelector('[data-testid=persona-moderator]').click()")
                try await page.evaluate("""
                    (() => { const s = document.querySelector('[data-testid=command-select]'); s.value = '/mcserver-admin workflow approve';
                             s.dispatchEvent(new Event('change')); const i = document.querySelector('[data-testid=option-id]');
                             i.value = '1'; i.dispatchEvent(new Event('input')); })()
                    """)
                try await page.waitUntil("the autocomplete choice of request #1", "document.querySelector('[data-testid=choices-id] [data-testid=choice][data-value=\"1\"]')")
                try await shoot(page, "3-autocomplete", into: shots)

                // The moderator approves from the notice and names alice's panel account.
                try await page.evaluate("[...document.querySelectorAll('#channel [data-testid=component]')].find(b => b.textContent === 'Approve').click()")
                try await page.waitUntil("the usernames form", "document.querySelector('[data-testid=modal]').open")
                try await shoot(page, "4-usernames-form", into: shots)
                try await page.evaluate("""
                    (() => { document.querySelector('[data-testid=modal-field] input').value = 'alice-mc';
                             document.querySelector('[data-testid=modal-submit]').click(); })()
                    """)
                // The server is prepared first: 26.1 on the Java 25 image, installing, nobody inside yet.
                try await page.waitUntil("a server installing 26.1 on Java 25", """
                    [...document.querySelectorAll('[data-testid=panel-server][data-install=installing]')].some(s =>
                        s.querySelector('[data-testid=build]').textContent.includes('26.1 · Java 25 · installing…') && s.dataset.subusers === '0')
                    """)
                try await shoot(page, "5-installing", into: shots)
                let installing = try await page.evaluate("document.querySelector('[data-testid=panel-server][data-install=installing]').dataset.identifier")
                sandbox.panel.finishInstall(of: try #require(installing.stringValue))
                try await page.waitUntil("the loan to be ACTIVE with alice as a sub-user on the installed, running server", """
                    document.querySelector('[data-testid=workflow-row][data-status=ACTIVE]') &&
                    [...document.querySelectorAll('[data-testid=panel-server]')].some(s => s.textContent.includes('alice-mc@kpw.local') &&
                        s.dataset.install === 'installed' && s.dataset.installedVersion === '26.1' && s.dataset.java === '25' && s.dataset.power === 'running')
                    """, timeout: .seconds(60))
                #expect(try await page.evaluate("document.querySelector('[data-testid=panel-server][data-power=running] [data-testid=install]').textContent")
                    .stringValue == "installed 26.1")
                try await shoot(page, "6-active", into: shots)

                // Time jumps past the end date; the scheduler returns the loan.
                try await page.evaluate("document.querySelector('[data-testid=advance-end]').click()")
                try await page.waitUntil("the loan to be RETURNED with no sub-user left", """
                    document.querySelector('[data-testid=workflow-row][data-status=RETURNED]') &&
                    [...document.querySelectorAll('[data-testid=panel-server]')].every(s => s.dataset.subusers === '0')
                    """, timeout: .seconds(60))
                #expect(try await page.evaluate("document.querySelector('[data-testid=clock]').dataset.iso > new Date(Date.now() + 6 * 86400000).toISOString()").boolValue == true)
                try await page.evaluate("document.querySelector('[data-testid=persona-member]').click()")
                try await page.waitUntil("alice's DMs about the loan", "document.querySelectorAll('#dms [data-testid=message]').length >= 2")
                try await shoot(page, "7-returned", into: shots)
            }
        }
        print("sandbox browser screenshots: \(shots.path)")
    }

    /// Takes a screenshot, checks it is a non-empty PNG, and keeps it as `<name>.png`.
    private func shoot(_ page: DevToolsSession, _ name: String, into folder: URL) async throws {
        let png = try await page.screenshot()
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]), "\(name) is not a PNG")
        #expect(png.count > 10_000, "\(name) is suspiciously small: \(png.count) bytes")
        try png.write(to: folder.appendingPathComponent("\(name).png"))
    }
}
