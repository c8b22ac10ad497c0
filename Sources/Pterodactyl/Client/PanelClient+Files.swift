/// Client API: files and startup variables (docs/PANEL-API.md §3.6, §3.7).
extension PanelClient {
    /// Entries of `directory` (default `/`). A missing directory is Wings' 404, `notFound`.
    public func files(of server: String, in directory: String = "/") async throws(PanelError) -> [FileEntry] {
        try ServerIdentifier.validate(server)
        let response = try await send(.listFiles(server), query: [("directory", directory)])
        return try decode(ItemList<FileEntry>.self, from: response, operation: PanelRoute.listFiles(server).name).data.map(\.attributes)
    }

    /// Deletes `names` (relative to `root`). Missing names are ignored by Wings, so repeats are 204.
    public func deleteFiles(on server: String, root: String = "/", names: [String]) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        guard !names.isEmpty else { return }
        _ = try await send(.deleteFiles(server), body: Self.encode(["root": .string(root), "files": .strings(names)]))
    }

    /// Variables visible to users, with `server_value` nil when the default applies.
    public func startupVariables(of server: String) async throws(PanelError) -> [StartupVariable] {
        try ServerIdentifier.validate(server)
        let response = try await send(.startup(server))
        return try decode(ItemList<StartupVariable>.self, from: response, operation: PanelRoute.startup(server).name).data.map(\.attributes)
    }

    /// The egg's visible variables and the Docker images it offers.
    public func startup(of server: String) async throws(PanelError) -> ServerStartup {
        try ServerIdentifier.validate(server)
        let response = try await send(.startup(server))
        return try decode(StartupList.self, from: response, operation: PanelRoute.startup(server).name).startup
    }

    /// Chooses the server's Docker image (204). The panel refuses an image outside the egg's list
    /// (422 on `docker_image`), and any change at all (400) while the current image is one an
    /// administrator set by hand.
    public func setDockerImage(_ image: String, on server: String) async throws(PanelError) {
        try ServerIdentifier.validate(server)
        _ = try await send(.setDockerImage(server), body: Self.encode(["docker_image": .string(image)]))
    }

    /// Sets one variable. Hidden or read-only variables are 400, a value breaking the variable's
    /// rules is 422 on `value`.
    public func setStartupVariable(on server: String, key: String, value: String) async throws(PanelError) -> StartupVariable {
        try ServerIdentifier.validate(server)
        return try await item(StartupVariable.self, .setStartupVariable(server), body: Self.encode(["key": .string(key), "value": .string(value)]))
    }
}
