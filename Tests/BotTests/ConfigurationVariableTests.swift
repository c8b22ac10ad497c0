import LendingBot
import Testing

/// `BotConfiguration.variables`, the table `--help` prints, against what the reading does.
@Suite("The table of configuration variables")
struct ConfigurationVariableTests {
    @Test("the table holds exactly what the configuration reads, in reading order")
    func tableMatchesTheReading() {
        let read = BotConfiguration.environmentVariableNames
        #expect(BotConfiguration.variables.filter { !$0.isPrefix }.map(\.name) == read)
        #expect(BotConfiguration.variables.filter(\.isPrefix).map(\.name) == BotConfiguration.environmentVariablePrefixes)
        #expect(BotConfiguration.environmentVariablePrefixes == ["RCLONE_*"])
    }

    @Test("a variable the table requires is the one the reading reports missing, with the table's reason")
    func requirementsMatchTheReading() {
        for purpose in [BotConfiguration.Purpose.database, .run] {
            let missing = BotConfiguration.reading(environment: [:], purpose: purpose).problems.missing
            let required = BotConfiguration.variables.compactMap { variable -> String? in
                switch (variable.requirement, purpose) {
                case (.always(let reason), _), (.forRun(let reason), .run): "\(variable.name): required for \(reason)"
                default: nil
                }
            }
            #expect(missing == required)
        }
    }

    @Test("every summary fits the help's 80 columns")
    func summariesFit() {
        for variable in BotConfiguration.variables {
            #expect(variable.summary.count <= ConfigurationVariable.summaryLimit, "\(variable.name): \(variable.summary.count) characters")
            #expect(!variable.summary.isEmpty)
        }
    }
}
