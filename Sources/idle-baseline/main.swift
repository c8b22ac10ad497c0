import CCurl
import CLibPQ
import CZlib
import Foundation

// `idle-baseline`: the floor under lending-bot's idle memory. It loads what the bot cannot do
// without (the Swift runtime and its concurrency, Foundation for Codable and dates, libcurl with
// TLS, libpq, zlib), uses each once so that its pages are touched as the bot's start touches them,
// prints "ready" and waits until its standard input closes. It connects to nothing. The benchmark
// reads its resident memory beside the bot's.

struct Sample: Codable {
    let id: String
    let at: Date
}

let encoded = try JSONEncoder().encode(Sample(id: "1400000000000000001", at: Date()))
let decoded = try JSONDecoder().decode(Sample.self, from: encoded)
let stamp = ISO8601DateFormatter().string(from: decoded.at)
let trimmed = "  \(decoded.id)  ".trimmingCharacters(in: .whitespaces)

guard curl_global_init(Int(CURL_GLOBAL_ALL)) == CURLE_OK, let easy = curl_easy_init() else {
    FileHandle.standardError.write(Data("idle-baseline: libcurl did not start\n".utf8))
    exit(1)
}
curl_easy_cleanup(easy)
let libpqVersion = PQlibVersion()
let zlib = String(cString: zlibVersion())

// One task on Swift's pool, so that its threads exist as they do in the bot (detached: top-level
// code runs on the main actor, and so would a plain `Task`).
_ = await Task.detached { trimmed.count + stamp.count }.value

FileHandle.standardOutput.write(Data("ready (libpq \(libpqVersion), zlib \(zlib))\n".utf8))
while readLine() != nil {}
