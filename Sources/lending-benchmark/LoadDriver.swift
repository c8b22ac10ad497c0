import Dispatch
import DiscordSimulator
import Foundation
import Glibc
import SimulatorSupport
import Synchronization

/// Drives the checkout flow open-loop: interactions leave on a fixed schedule whatever the bot's
/// answers, as members' clicks would. Slots alternate between `/mcserver checkout` and the
/// submission of a modal the bot already opened (its `custom_id` taken from the callback; a
/// slot with no opened modal ready sends another command). Latency is first-response latency:
/// from the gateway simulator's socket having taken the last byte of INTERACTION_CREATE to the
/// REST simulator having the request of the interaction's callback, which it then accepts (an
/// interaction whose callback it refuses is unanswered). Neither simulator's own work is in it:
/// compressing and writing the event (0.4 ms of each latency when the clock started before it)
/// and reading and judging the request (kept apart, `LoadOutcome.simulator`).
final class LoadDriver: Sendable {
    private enum Kind { case command, submit }

    private struct Pending {
        let kind: Kind
        /// When the event's last byte was written; until that is known, when it was handed to the
        /// gateway simulator.
        var sentAt: ContinuousClock.Instant
    }

    private struct OpenedModal {
        let customID: String
        let openedAt: ContinuousClock.Instant
    }

    private struct State {
        var pending: [String: Pending] = [:]
        /// Interactions sent, by the sequence number of their dispatch, until it is written.
        var bySequence: [Int: String] = [:]
        /// Writes reported before `dispatch` returned the sequence number, by that number.
        var writtenEarly: [Int: ContinuousClock.Instant] = [:]
        /// Opened modals, oldest first, from `modalsHead` on.
        var modals: [OpenedModal] = []
        var modalsHead = 0
        var commandLatencies: [Double] = []
        var submitLatencies: [Double] = []
        var simulatorTimes: [Double] = []
        /// A one-at-a-time phase is running: each answer lets the next interaction go.
        var closedLoop = false
        /// The members the interactions come from, one after another (see `nextInvoker`).
        var members = 0
    }

    /// Discord's deadline for the first callback; an interaction unanswered by then never will be.
    static let answerDeadline = Duration.milliseconds(3_500)

    /// How long a member looks at an opened modal before submitting it. Discord shows a modal
    /// only once it has the bot's callback, and a member then takes seconds to fill it in, so a
    /// bot always has the answer to its callback request before the submission comes. The driver
    /// learns of the callback when the REST simulator accepts it, before the bot has read the
    /// answer: submitting at once let the submission overtake that answer, and discord.py, which
    /// keeps a `Modal` only once its callback request has returned, dropped every such submission
    /// (one at a time, each then waited out Discord's deadline: the peer's stall of the earlier
    /// runs). lending-bot reads everything from the submission and never noticed. A short wait
    /// keeps the one-at-a-time phase short; the open-loop phases take only modals this old.
    static let modalThinkTime = Duration.milliseconds(50)

    let discord: SimulatedDiscord
    let bot: ProcessMeter
    private let templates: (command: InteractionTemplate, submit: InteractionTemplate)
    private let state = Mutex(State())
    /// Signalled by each answer while a one-at-a-time phase runs.
    private let answers = DispatchSemaphore(value: 0)

    init(discord: SimulatedDiscord, bot: ProcessMeter) throws {
        self.discord = discord
        self.bot = bot
        self.templates = try discord.makeCheckoutTemplates()
        discord.rest.observeCallbacks { [weak self] callback in self?.answered(callback, at: .now) }
        discord.gateway.observeDispatchWrites { [weak self] sequences, writtenAt in self?.written(sequences, at: writtenAt) }
    }

    private func written(_ sequences: [Int], at instant: ContinuousClock.Instant) {
        state.withLock { state in
            for sequence in sequences {
                if let id = state.bySequence.removeValue(forKey: sequence) {
                    state.pending[id]?.sentAt = instant
                } else {
                    state.writtenEarly[sequence] = instant
                }
            }
        }
    }

    /// Starts interaction `id`'s clock at its dispatch's write, whichever of the two (the write's
    /// report, `dispatch` returning its sequence number) comes second.
    private func dispatched(_ id: String, sequence: Int?) {
        guard let sequence else { return }
        state.withLock { state in
            if let instant = state.writtenEarly.removeValue(forKey: sequence) {
                state.pending[id]?.sentAt = instant
            } else {
                state.bySequence[sequence] = id
            }
        }
    }

    private func answered(_ callback: AcceptedCallback, at now: ContinuousClock.Instant) {
        let next = state.withLock { state -> Bool in
            guard let pending = state.pending.removeValue(forKey: callback.interactionID) else { return false }
            let milliseconds = Self.milliseconds(callback.arrivedAt - pending.sentAt)
            state.simulatorTimes.append(Self.milliseconds(now - callback.arrivedAt))
            switch pending.kind {
            case .command:
                state.commandLatencies.append(milliseconds)
                if callback.type == 9, let customID = callback.body?["data"]?["custom_id"]?.stringValue {
                    state.modals.append(OpenedModal(customID: customID, openedAt: now))
                }
            case .submit:
                state.submitLatencies.append(milliseconds)
            }
            return state.closedLoop
        }
        if next { answers.signal() }
    }

    /// Sends `count` interactions at `rate` per second, then waits for their answers (at most
    /// Discord's deadline after the last one).
    func run(rate: Double, count: Int) async -> LoadOutcome {
        await measure(rate: rate, count: count) { self.send(rate: rate, count: count) }
    }

    /// Sends `count` interactions one at a time: the next leaves when the previous one is
    /// answered (or after Discord's deadline), so the bot never has more than one to handle; a
    /// submission waits until its modal is `modalThinkTime` old. The outcome's target rate is 0;
    /// its achieved rate is what the bot's answers allowed (the think time left out).
    func runOneAtATime(count: Int) async -> LoadOutcome {
        state.withLock { $0.closedLoop = true }
        defer { state.withLock { $0.closedLoop = false } }
        return await measure(rate: 0, count: count) {
            let start = ContinuousClock.now
            var thinking = Duration.zero
            for slot in 0..<count {
                if slot % 2 == 1 { thinking += self.waitForOldestModal() }
                self.sendOne(slot: slot)
                _ = self.answers.wait(timeout: .now() + .milliseconds(Int(Self.milliseconds(Self.answerDeadline))))
            }
            // The members' think time is theirs, not the bot's.
            return Self.milliseconds(ContinuousClock.now - start - thinking) / 1000
        }
    }

    /// Runs `sending` (which returns the seconds from first to last send) on a thread of its own,
    /// which keeps the schedule off the cooperative pool the simulators use, and measures it.
    private func measure(rate: Double, count: Int, _ sending: @escaping @Sendable () -> Double) async -> LoadOutcome {
        state.withLock { state in
            state.pending.removeAll()
            state.bySequence.removeAll()
            state.writtenEarly.removeAll()
            state.commandLatencies.removeAll(keepingCapacity: true)
            state.submitLatencies.removeAll(keepingCapacity: true)
            state.simulatorTimes.removeAll(keepingCapacity: true)
        }
        while answers.wait(timeout: .now()) == .success {}
        let botCPU = bot.cpuTimes() ?? (0, 0)
        let botSwitches = bot.voluntaryContextSwitches() ?? 0
        let driverCPU = ProcessMeter.current.cpuSeconds() ?? 0
        let sendingTime = await withCheckedContinuation { (done: CheckedContinuation<Double, Never>) in
            let thread = Thread { done.resume(returning: sending()) }
            thread.stackSize = 1 << 20
            thread.start()
        }
        let deadline = ContinuousClock.now + Self.answerDeadline
        while ContinuousClock.now < deadline, state.withLock({ !$0.pending.isEmpty }) {
            try? await Task.sleep(for: .milliseconds(5))
        }
        let (unanswered, commands, submits) = state.withLock { state in
            defer { state.pending.removeAll() }
            return (state.pending.count, state.commandLatencies, state.submitLatencies)
        }
        let simulatorTimes = state.withLock { $0.simulatorTimes }
        let achieved = count > 1 && sendingTime > 0 ? Double(count - 1) / sendingTime : rate
        let botCPUAfter = bot.cpuTimes() ?? botCPU
        return LoadOutcome(targetRate: rate, achievedRate: achieved, sent: count,
                           unanswered: unanswered, all: LatencySummary(commands + submits), commands: LatencySummary(commands),
                           submits: LatencySummary(submits), simulator: LatencySummary(simulatorTimes), botCPUSeconds: (botCPUAfter.user + botCPUAfter.kernel) - (botCPU.user + botCPU.kernel),
                           botKernelCPUSeconds: botCPUAfter.kernel - botCPU.kernel,
                           driverCPUSeconds: (ProcessMeter.current.cpuSeconds() ?? 0) - driverCPU,
                           botContextSwitches: (bot.voluntaryContextSwitches() ?? botSwitches) - botSwitches)
    }

    /// The schedule: slot `k` leaves at `start + k / rate`. When the driver falls behind it sends
    /// the late slots at once rather than skipping them. Returns the seconds from first to last send.
    private func send(rate: Double, count: Int) -> Double {
        let start = ContinuousClock.now
        for slot in 0..<count {
            let due = start + .nanoseconds(Int64(Double(slot) / rate * 1e9))
            let wait = due - ContinuousClock.now
            if wait > .microseconds(50) { Self.pause(wait) }
            sendOne(slot: slot)
        }
        return Self.milliseconds(ContinuousClock.now - start) / 1000
    }

    /// Members the load comes from, in turn: enough that none reaches the open-request limit the
    /// benchmark gives lending-bot (100; the peer has none) over 100,000 interactions, so that
    /// both bots store every well-formed submission, and few enough that each member's language
    /// is stored once, as for a guild's regulars, not once per request.
    static let members = 1_000

    /// A command on even slots; on odd ones the submission of an opened modal at least
    /// `modalThinkTime` old, or another command when none is; each command and the submission
    /// after it come from the next member.
    private func sendOne(slot: Int) {
        let modal = slot % 2 == 1 ? takeModal() : nil
        let member = state.withLock { state in
            if modal == nil { state.members = state.members % Self.members + 1 }
            return state.members
        }
        let id = discord.makeInteractionID()
        let token = DiscordGatewaySimulator.makeInteractionToken()
        let kind: Kind = modal == nil ? .command : .submit
        state.withLock { $0.pending[id] = Pending(kind: kind, sentAt: .now) }
        let sequence = if let modal {
            discord.dispatch(templates.submit, id: id, member: member, token: token, customID: modal)
        } else {
            discord.dispatch(templates.command, id: id, member: member, token: token)
        }
        dispatched(id, sequence: sequence)
    }

    /// Sleeps until the oldest opened modal is `modalThinkTime` old (at once when there is none);
    /// returns how long it slept.
    private func waitForOldestModal() -> Duration {
        guard let openedAt = state.withLock({ $0.modalsHead < $0.modals.count ? $0.modals[$0.modalsHead].openedAt : nil }) else { return .zero }
        let wait = openedAt + Self.modalThinkTime - ContinuousClock.now
        guard wait > .zero else { return .zero }
        Self.pause(wait)
        return wait
    }

    /// Blocks the sending thread (not a task of the cooperative pool) for `duration`.
    private static func pause(_ duration: Duration) {
        var pause = timespec(tv_sec: Int(duration.components.seconds), tv_nsec: Int(duration.components.attoseconds / 1_000_000_000))
        nanosleep(&pause, nil)
    }

    private func takeModal() -> String? {
        let now = ContinuousClock.now
        return state.withLock { state in
            guard state.modalsHead < state.modals.count, now - state.modals[state.modalsHead].openedAt >= Self.modalThinkTime else { return nil }
            defer {
                state.modalsHead += 1
                if state.modalsHead > 4096 {
                    state.modals.removeFirst(state.modalsHead)
                    state.modalsHead = 0
                }
            }
            return state.modals[state.modalsHead].customID
        }
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }
}
