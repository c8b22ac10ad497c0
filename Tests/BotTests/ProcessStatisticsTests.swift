@testable import LendingBot
import Testing

/// The `process_*` series read from `/proc`: the parsing of each file, and a real read of this process.
@Suite("Process statistics")
struct ProcessStatisticsTests {
    @Test("/proc/self/stat fields count from the state, whatever the command name holds")
    func statFields() throws {
        let stat = "4242 (lending bot) (x)) S 1 4242 4242 0 -1 4194560 900 0 0 0 250 75 0 0 20 0 9 0 123456 0 0"
        let fields = try #require(ProcessStatistics.statFields(stat))
        #expect(fields[0] == "S")
        #expect(fields[11] == "250", "utime, field 14")
        #expect(fields[12] == "75", "stime, field 15")
        #expect(fields[19] == "123456", "starttime, field 22")
        #expect(ProcessStatistics.statFields("no command name") == nil)
    }

    @Test("resident memory, boot time and the soft descriptor limit")
    func otherFiles() {
        #expect(ProcessStatistics.residentKilobytes("Name:\tbot\nVmRSS:\t   70172 kB\nVmData:\t1 kB\n") == 70172)
        #expect(ProcessStatistics.residentKilobytes("Name:\tbot\n") == nil)
        #expect(ProcessStatistics.bootTime("cpu  1 2 3\nbtime 1764979200\nprocesses 9\n") == 1_764_979_200)
        let limits = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             127338               127338               processes
            Max open files            1024                 524288               files
            """
        #expect(ProcessStatistics.softOpenFileLimit(limits) == 1024)
    }

    @Test("this process: memory, CPU, descriptors and a start time after 2020")
    func thisProcess() throws {
        let statistics = ProcessStatistics.read()
        #expect(try #require(statistics.residentMemoryBytes) > 0)
        #expect(try #require(statistics.cpuSeconds) >= 0)
        let open = try #require(statistics.openFDs)
        #expect(open >= 3, "at least standard input, output and error")
        #expect(try #require(statistics.maxFDs) >= open)
        #expect(try #require(statistics.startTimeSeconds) > 1_577_836_800, "after 2020-01-01")
    }
}
