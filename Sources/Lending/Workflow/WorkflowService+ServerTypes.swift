import Foundation
import Postgres

/// Server types in the workflow: which type a request is filed for, and which servers its
/// approval may take.
extension WorkflowService {
    /// The type a new request is stored with, out of `available`: the pool's types, read in the
    /// filing's transaction. A type asked for must be one the pool has; a request that names none
    /// is refused while the pool has several (the member must choose), and otherwise takes the
    /// pool's only type, or none while the pool is empty, so with one type nothing changes for members.
    func typeToFile(_ requested: String?, available: [String]) throws -> String? {
        guard let requested else {
            guard available.count <= 1 else { throw ServerTypeRefusal.typeRequired(available: available) }
            return available.first
        }
        guard let parsed = ServerType.parse(requested) else { throw ServerTypeRefusal.invalidType(requested) }
        guard available.contains(parsed) else { throw ServerTypeRefusal.noServerOfType(requested: parsed, available: available) }
        return parsed
    }

    /// Refuses `binding` for `workflow` when the request asks for another type. A request filed
    /// before servers had types asks for none, and any server fits it.
    static func requireType(of binding: ServerBindingRecord, fits workflow: WorkflowRecord) throws(ServerTypeRefusal) {
        guard let wanted = workflow.serverType, binding.serverType != wanted else { return }
        throw .wrongType(alias: binding.name, serverType: binding.serverType, requested: wanted)
    }

    /// Why the automatic choice found no free server of the request's type among `free` (every
    /// free server of the pool): nothing free at all is the pool's old refusal; otherwise the type
    /// is named, and a type the pool no longer has is told with the types it has.
    func noFreeServer(for workflow: WorkflowRecord, free: [ServerBindingRecord]) async throws -> any Error {
        guard let wanted = workflow.serverType, !free.isEmpty else { return LendingError.noFreeServer }
        let available = try await ServerBindingTable.types(on: pool)
        guard available.contains(wanted) else { return ServerTypeRefusal.noServerOfType(requested: wanted, available: available) }
        return ServerTypeRefusal.noFreeServerOfType(wanted)
    }
}
