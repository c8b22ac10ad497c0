/// Why the benchmark could not go on (a database it could not prepare, a bot that did not start,
/// a tool that failed), said in words for the person running it.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
}
