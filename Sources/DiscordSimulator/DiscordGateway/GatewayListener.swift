import Foundation
import Glibc
import SimulatorSupport

/// The simulator's two listening sockets (the gateway URL and READY's `resume_gateway_url`, so a
/// client that resumes on the wrong URL is caught) and the thread that accepts on both. Each
/// accepted connection gets its own thread (`GatewayConnection`).
///
/// Invariant: the listening descriptors belong to the accept thread, which closes them when it
/// sees `wake`'s stop signal; `threads` counts connection threads so `stop` can wait for them.
final class GatewayListener: Sendable {
    let gatewayPort: UInt16
    let resumePort: UInt16
    private let gatewayDescriptor: Int32
    private let resumeDescriptor: Int32
    private let wake: WakePipe
    let threads = DispatchGroup()

    init(simulator: DiscordGatewaySimulator) throws {
        guard let gateway = LoopbackSocket.listen(), let resume = LoopbackSocket.listen(), let wake = WakePipe() else {
            throw SimulatorError.notListening
        }
        gatewayPort = gateway.port
        gatewayDescriptor = gateway.descriptor
        resumePort = resume.port
        resumeDescriptor = resume.descriptor
        self.wake = wake
        threads.enter()
        let thread = Thread { [self] in
            acceptLoop(simulator: simulator)
            threads.leave()
        }
        thread.name = "gateway-simulator-accept"
        thread.start()
    }

    func stop() {
        wake.signal()
    }

    private func acceptLoop(simulator: DiscordGatewaySimulator) {
        defer {
            LoopbackSocket.close(gatewayDescriptor)
            LoopbackSocket.close(resumeDescriptor)
        }
        while true {
            let ready = LoopbackSocket.wait(
                [(gatewayDescriptor, Int16(POLLIN)), (resumeDescriptor, Int16(POLLIN)), (wake.readEnd, Int16(POLLIN))],
                milliseconds: 1000
            )
            if ready[2] != 0 { return }
            for (index, port) in [(0, GatewayConnectionRecord.Port.gateway), (1, .resume)] where ready[index] != 0 {
                let listener = index == 0 ? gatewayDescriptor : resumeDescriptor
                while let descriptor = LoopbackSocket.accept(from: listener) {
                    start(descriptor: descriptor, port: port, simulator: simulator)
                }
            }
        }
    }

    private func start(descriptor: Int32, port: GatewayConnectionRecord.Port, simulator: DiscordGatewaySimulator) {
        guard let outbox = ConnectionOutbox() else {
            LoopbackSocket.close(descriptor)
            return
        }
        let id = simulator.withWorld { $0.accepted(port: port, outbox: outbox) }
        threads.enter()
        let thread = Thread { [threads] in
            var connection = GatewayConnection(id: id, descriptor: descriptor, simulator: simulator, outbox: outbox)
            connection.run()
            threads.leave()
        }
        thread.name = "gateway-simulator-connection-\(id)"
        thread.start()
    }
}
