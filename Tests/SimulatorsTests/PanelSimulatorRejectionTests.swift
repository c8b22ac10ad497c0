import Foundation
import HTTP
import PanelSimulator
import PanelTesting
import Pterodactyl
import Testing

/// The simulator rejects what the panel rejects (docs/PANEL-API.md §1–§3).
@Suite("Panel simulator: what the panel rejects")
struct SimulatorRejectionTests {
    typealias World = PanelTestWorld

    @Test("keys: missing or unknown is 401, an application key on the client API is 403, a non-admin client key on the application API is 403")
    func keyTypes() async throws {
        let memberKey = SimulatedAPIKey.memberClient
        try await World.with(.withMember) { world in
            let none = try await world.raw(.get, "/api/application/users", key: nil)
            #expect(none.status == 401 && none.errorCodes == ["AuthenticationException"])
            #expect(none.headers["X-RateLimit-Limit"] == nil)
            #expect(try await world.raw(.get, "/api/application/users", key: "ptla_short").status == 401)
            let wrongType = try await world.raw(.get, "/api/client/servers/1a2b3c4d", key: World.applicationKey)
            #expect(wrongType.status == 403)
            #expect((wrongType.firstError?["detail"] as? String)?.contains("application API key") == true)
            let nonAdmin = try await world.raw(.get, "/api/application/users", key: memberKey.token)
            #expect(nonAdmin.status == 403)
            #expect(try await world.raw(.get, "/api/application/users", key: World.clientKey).status == 200, "an admin's client key works on both APIs")
            let noAccess = try await world.raw(.get, "/api/client/servers/1a2b3c4d", key: memberKey.token)
            #expect(noAccess.status == 404, "another user's server is hidden, not forbidden")
        }
    }

    @Test("an application key without the r_users bit gets 403 This action is unauthorized")
    func resourceBits() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.keys = [SimulatedAPIKey(token: World.applicationKey, userID: 1, kind: .application(permissions: ["users": 1, "servers": 1])),
                              SimulatedAPIKey.adminClient]
        try await World.with(configuration) { world in
            #expect(try await world.raw(.get, "/api/application/users").status == 200)
            let write = try await world.raw(.post, "/api/application/users", json: #"{"email":"a@b.co","username":"abc","first_name":"a","last_name":"b"}"#)
            #expect(write.status == 403 && (write.firstError?["detail"] as? String) == "This action is unauthorized.")
        }
    }

    @Test("user validation: one entry per failed rule, p_username, string external_id, trimmed input")
    func userValidation() async throws {
        try await World.with { world in
            let missing = try await world.raw(.post, "/api/application/users", json: #"{"email":"  ","username":"ab"}"#)
            #expect(missing.status == 422)
            #expect(missing.sourceFields == ["email", "username", "first_name", "last_name"])
            let numeric = try await world.raw(.post, "/api/application/users",
                                              json: #"{"email":"a@b.co","username":"Abc","first_name":"a","last_name":"b","external_id":123}"#)
            #expect(numeric.status == 422 && numeric.sourceFields == ["external_id"])
            let created = try await world.raw(.post, "/api/application/users", json: #"{"email":"a@b.co","username":" Abc ","first_name":"a","last_name":"b"}"#)
            #expect(created.status == 201)
            #expect(((created.json?["attributes"] as? [String: Any])?["username"] as? String) == "abc")
            #expect((created.json?["meta"] as? [String: Any])?["resource"] != nil)
            let patch = try await world.raw(.patch, "/api/application/users/2", json: #"{"password":"x"}"#)
            #expect(patch.status == 422 && patch.sourceFields == ["email", "username", "first_name", "last_name"], "PATCH is a full update")
            let formEncoded = try await world.raw(.post, "/api/application/users", json: "email=a@b.co", contentType: "application/x-www-form-urlencoded")
            #expect(formEncoded.status == 422, "a body that is not JSON is not parsed")
            let malformed = try await world.raw(.post, "/api/application/users", json: "{nope")
            #expect(malformed.status == 400 && malformed.errorCodes == ["BadRequestHttpException"])
        }
    }

    @Test("deleting a user who owns a server is 400; deleting twice is 404; sub-user rows cascade")
    func deleteUser() async throws {
        try await World.with { world in
            let owner = try await world.raw(.delete, "/api/application/users/1")
            #expect(owner.status == 400 && owner.errorCodes == ["DisplayException"])
            let sub = try await world.client.addSubuser(to: World.server, email: "gone@kpw.local", permissions: ["control.start"])
            let id = try #require(world.panel.user(email: "gone@kpw.local")?.id)
            #expect(sub.email == "gone@kpw.local")
            #expect(try await world.raw(.delete, "/api/application/users/\(id)").status == 204)
            #expect(try await world.raw(.delete, "/api/application/users/\(id)").status == 404)
            #expect(world.panel.subusers(of: World.server).isEmpty)
        }
    }

    @Test("unknown filters are 400 and pagination links drop filters")
    func filtersAndPagination() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.users += (2...5).map { SimulatedPanelUser(id: $0, username: "user\($0)", email: "user\($0)@kpw.local") }
        try await World.with(configuration) { world in
            #expect(try await world.raw(.get, "/api/application/users?filter%5Bpassword%5D=x").errorCodes == ["InvalidFilterQuery"])
            let page = try await world.raw(.get, "/api/application/users?filter%5Bemail%5D=user&per_page=2")
            let pagination = try #require((page.json?["meta"] as? [String: Any])?["pagination"] as? [String: Any])
            #expect(pagination["total"] as? Int == 4 && pagination["total_pages"] as? Int == 2)
            let next = try #require((pagination["links"] as? [String: Any])?["next"] as? String)
            #expect(next.hasSuffix("/api/application/users?page=2"))
            let users = try await world.client.findUser(email: "user5@kpw.local")
            #expect(users?.id == 5)
        }
    }

    @Test("without a JSON Accept, a bad key redirects to the login page and other errors are HTML")
    func acceptHeader() async throws {
        try await World.with { world in
            let login = try await world.raw(.get, "/api/application/users", key: nil, accept: nil)
            #expect(login.status == 302 && login.headers["Location"]?.hasSuffix("/auth/login") == true)
            let html = try await world.raw(.get, "/api/application/users/999", accept: "text/html")
            #expect(html.status == 404 && html.headers["Content-Type"]?.hasPrefix("text/html") == true)
            let ok = try await world.raw(.get, "/api/application/users/1", accept: nil)
            #expect(ok.status == 200 && ok.json != nil, "successes are JSON either way")
        }
    }

    @Test("rate limits: per account and API, headers on every authenticated answer, 429 with Retry-After, failures count")
    func rateLimits() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.applicationRateLimit = 3
        try await World.with(configuration) { world in
            let first = try await world.raw(.get, "/api/application/users/999")
            #expect(first.status == 404 && first.headers["X-RateLimit-Limit"] == "3" && first.headers["X-RateLimit-Remaining"] == "2")
            _ = try await world.raw(.get, "/api/application/users")
            _ = try await world.raw(.get, "/api/application/users")
            let limited = try await world.raw(.get, "/api/application/users")
            #expect(limited.status == 429 && limited.errorCodes == ["ThrottleRequestsException"])
            #expect(limited.headers["Retry-After"] == "60" && limited.headers["X-RateLimit-Remaining"] == "0" && limited.headers["X-RateLimit-Reset"] != nil)
            #expect(try await world.raw(.get, "/api/client/servers/1a2b3c4d", key: World.clientKey).status == 200, "the client API has its own bucket")
            world.panel.advance(by: .seconds(60))
            #expect(try await world.raw(.get, "/api/application/users").status == 200)
        }
    }
}

@Suite("Panel client: 429 and 5xx handling")
struct RetryTests {
    @Test("a 429 waits for Retry-After and then succeeds")
    func waitsOut429() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.applicationRateLimit = 2
        try await PanelTestWorld.with(configuration) { world in
            for _ in 0..<3 { _ = try await world.client.findUser(username: "admin") }
            #expect(world.panel.requests.map(\.status) == [200, 200, 429, 200])
        }
    }

    @Test("a 429 longer than the allowed wait fails as rateLimited")
    func refusesLongWait() async throws {
        var configuration = PanelSimulator.Configuration()
        configuration.applicationRateLimit = 1
        try await PanelTestWorld.with(configuration, adjust: { $0.maxRateLimitWait = .seconds(10) }) { world in
            _ = try await world.client.findUser(username: "admin")
            let error = try await #require(throws: PanelError.self) { try await world.client.findUser(username: "admin") }
            #expect(error.kind == .rateLimited(retryAfter: .seconds(60)))
        }
    }

    @Test("idempotent calls retry 5xx; creating a user does not")
    func retries5xx() async throws {
        try await PanelTestWorld.with { world in
            world.panel.injectFault(.status(502), on: .listUsers)
            world.panel.injectFault(.daemonUnavailable, on: .listUsers)
            #expect(try await world.client.findUser(username: "admin")?.id == 1)
            #expect(world.panel.requests(to: .listUsers).map(\.status) == [502, 504, 200])
            world.panel.injectFault(.status(500), on: .createUser)
            let error = try await #require(throws: PanelError.self) {
                try await world.client.createUser(NewPanelUser(username: "eve", email: "eve@kpw.local", firstName: "E", lastName: "V"))
            }
            #expect(error.kind == .server(status: 500))
            #expect(world.panel.requests(to: .createUser).count == 1)
        }
    }

    @Test("5xx retries stop after maxAttempts")
    func exhausted() async throws {
        try await PanelTestWorld.with { world in
            for _ in 0..<4 { world.panel.injectFault(.status(503), on: .getServer) }
            let error = try await #require(throws: PanelError.self) { try await world.client.server(PanelTestWorld.server) }
            #expect(error.kind == .server(status: 503))
            #expect(world.panel.requests(to: .getServer).count == 4)
        }
    }
}
