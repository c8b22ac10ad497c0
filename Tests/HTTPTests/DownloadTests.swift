import Foundation
import HTTP
import Testing

extension HTTPTests {
    @Suite("Streaming downloads to a file") struct Downloads {
        private static func temporaryPath(_ name: String) -> String {
            FileManager.default.temporaryDirectory
                .appendingPathComponent("http-tests-\(UUID().uuidString)-\(name)").path
        }

        @Test("a 200 MB download streams to the file with little memory growth")
        func largeDownload() async throws {
            let size = 200 * 1024 * 1024
            let server = try RawServer(.zeros(count: size))
            defer { server.stop() }
            let client = try makeClient()
            let path = Self.temporaryPath("large.bin")
            defer { try? FileManager.default.removeItem(atPath: path) }
            // Warm up the loop thread, a handle and the allocator so they are not counted.
            let warmUp = try RawServer(.hello)
            defer { warmUp.stop() }
            _ = try await client.send(HTTPRequest(url: warmUp.baseURL + "/"))

            let before = try #require(ProcessMemory.residentBytes)
            let peakWasReset = ProcessMemory.resetPeak()
            let sampler = Task {
                var highest = 0
                while !Task.isCancelled {
                    highest = max(highest, ProcessMemory.residentBytes ?? 0)
                    try? await Task.sleep(for: .milliseconds(20))
                }
                return highest
            }
            let start = ContinuousClock.now
            let response = try await client.send(HTTPRequest(
                url: server.baseURL + "/backup", label: "GET backup", timeout: .seconds(300),
                destination: .file(path: path)))
            let elapsed = ContinuousClock.now - start
            sampler.cancel()
            let sampledPeak = await sampler.value
            let peak = peakWasReset ? max(ProcessMemory.peakResidentBytes ?? 0, sampledPeak) : sampledPeak
            let growth = peak - before

            #expect(response.status == 200)
            #expect(response.isBodyInFile)
            #expect(response.body.isEmpty)
            #expect(response.bodyByteCount == Int64(size))
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            #expect((attributes[.size] as? NSNumber)?.intValue == size)
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            print("http: 200 MiB download in \(elapsed); peak resident growth \(growth / 1024) KiB "
                  + "(VmHWM reset: \(peakWasReset))")
            #expect(growth < 50 * 1024 * 1024)
        }

        @Test("a non-2xx answer to a download stays in memory and creates no file")
        func errorStatusDownload() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let path = Self.temporaryPath("missing.bin")
                let response = try await client.send(HTTPRequest(
                    url: server.baseURL + "/status/404", destination: .file(path: path)))
                #expect(response.status == 404)
                #expect(!response.isBodyInFile)
                #expect(String(decoding: response.body, as: UTF8.self) == "status 404")
                #expect(!FileManager.default.fileExists(atPath: path))
                #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            }
        }

        @Test("a download into a missing directory is a file error")
        func unwritableDestination() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let path = Self.temporaryPath("no-such-dir") + "/file.bin"
                let kind = await httpErrorKind {
                    _ = try await client.send(HTTPRequest(url: server.baseURL + "/hello", destination: .file(path: path)))
                }
                #expect(kind == .fileIO)
                #expect(client.statistics.activeTransfers == 0)
            }
        }

        @Test("a cancelled download leaves no file, partial or final")
        func cancelledDownload() async throws {
            try await withTestServer { server in
                let client = try makeClient()
                let path = Self.temporaryPath("cancelled.bin")
                let task = Task {
                    try await client.send(HTTPRequest(
                        url: server.baseURL + "/bytes/\(4 * 1024 * 1024 * 1024)", timeout: .seconds(300),
                        destination: .file(path: path)))
                }
                try await Task.sleep(for: .milliseconds(300))
                task.cancel()
                await #expect(throws: CancellationError.self) { _ = try await task.value }
                #expect(!FileManager.default.fileExists(atPath: path))
                #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
            }
        }

        @Test("a download that passes the size the caller expects is stopped and leaves no file")
        func oversizedDownload() async throws {
            let server = try RawServer(.zeros(count: 5_000_000))
            defer { server.stop() }
            let client = try makeClient()
            let path = Self.temporaryPath("oversized.bin")
            var request = HTTPRequest(url: server.baseURL + "/backup", destination: .file(path: path))
            request.maxFileBytes = 1_000
            let kind = await httpErrorKind { _ = try await client.send(request) }
            #expect(kind == .bodyTooLarge)
            #expect(!FileManager.default.fileExists(atPath: path))
            #expect(!FileManager.default.fileExists(atPath: path + ".partial"))
        }

        @Test("an in-memory answer past maxBodyBytes is refused, not kept")
        func oversizedAnswer() async throws {
            let server = try RawServer(.zeros(count: 5_000_000))
            defer { server.stop() }
            var configuration = HTTPClientConfiguration()
            configuration.maxBodyBytes = 64 * 1024
            let client = try makeClient(configuration)
            let kind = await httpErrorKind { _ = try await client.send(HTTPRequest(url: server.baseURL + "/answer")) }
            #expect(kind == .bodyTooLarge)
        }
    }
}
