import HTTP
import Lending
import LendingAdapters
import Pterodactyl
import Secrets

/// The panel: each key works on its own API and is of the right type, and the client key sees
/// every server of the pool (`ServerBinding`).
extension Doctor {
    func panelChecks(_ configuration: BotConfiguration, bindings: [ServerBindingRecord]?, http: HTTPClient) async -> [DoctorCheck] {
        guard var panelConfiguration = configuration.panelConfiguration() else {
            return [DoctorCheck("panel", .skipped, "PTERODACTYL_URL, PTERODACTYL_APPLICATION_KEY or PTERODACTYL_CLIENT_KEY is not set")]
        }
        // An application key in the client key's place is refused before any request (docs/PANEL-API.md §1.2).
        if panelConfiguration.clientKey.revealed().hasPrefix("ptla_") {
            return [DoctorCheck("panel client key", .failed,
                                "PTERODACTYL_CLIENT_KEY: this is an application key (ptla_); use a client key (ptlc_) of an administrator's account")]
        }
        panelConfiguration.requestTimeout = options.requestTimeout
        panelConfiguration.maxAttempts = 2
        panelConfiguration.maxRateLimitWait = .seconds(5)
        let panel: PanelClient
        do {
            panel = try PanelClient(configuration: panelConfiguration, transport: http, logger: logger)
        } catch {
            return [DoctorCheck("panel", .failed, "\(error)")]
        }
        var checks = [await applicationKeyCheck(panel)]
        let clientKey = await clientKeyCheck(panel, bindings: bindings)
        checks.append(clientKey)
        if clientKey.status == .ok, let bindings {
            let policy = configuration.lendingPolicy(subuserPermissions: LoanPermissions.default)
            checks.append(await serverEggCheck(panel, bindings: bindings, versionVariables: policy.versionVariables))
            checks.append(await serverTypeCheck(panel, bindings: bindings))
        }
        return checks
    }

    /// `GET /api/application/users` with a filter that matches nobody.
    private func applicationKeyCheck(_ panel: PanelClient) async -> DoctorCheck {
        let name = "panel application key"
        let isClientKey = panel.configuration.applicationKey.revealed().hasPrefix("ptlc_")
        do {
            _ = try await panel.findUser(email: "doctor-probe@lending-bot.invalid")
            return DoctorCheck(name, .ok, isClientKey ? "an administrator's client key: works on the application API" : "works on the application API")
        } catch {
            switch error.kind {
            case .unauthorized:
                return DoctorCheck(name, .failed, "PTERODACTYL_APPLICATION_KEY: the panel does not know this key (401); create one under Admin > Application API")
            case .forbidden where isClientKey:
                return DoctorCheck(name, .failed, "PTERODACTYL_APPLICATION_KEY: a client key of an account that is not an administrator (403); use an application key (ptla_)")
            case .forbidden:
                return DoctorCheck(name, .failed, "PTERODACTYL_APPLICATION_KEY: refused (403); give the key Users read and write")
            default:
                return DoctorCheck(name, .failed, "cannot reach the panel at PTERODACTYL_URL: \(error)")
            }
        }
    }

    /// `GET /api/client/servers/{server}/startup` for every server of the pool: its egg must have a
    /// version variable and images whose Java the bot can read, or no approval could prepare it.
    private func serverEggCheck(_ panel: PanelClient, bindings: [ServerBindingRecord], versionVariables: [String]) async -> DoctorCheck {
        let name = "server eggs"
        var offers: [String] = []
        var problems: [String] = []
        for binding in bindings {
            do {
                let startup = try await panel.startup(of: binding.pteroId)
                let javas = startup.dockerImages.compactMap { JavaImage.majorVersion(label: $0.key, image: $0.value) }
                guard let variable = startup.variable(among: versionVariables)?.envVariable else {
                    problems.append(ProvisionRefusal.noVersionVariable(server: binding.name).description)
                    continue
                }
                guard let lowest = javas.min(), let highest = javas.max() else {
                    problems.append("\(binding.name)'s egg offers no image whose Java the bot can read (labels such as \"Java 21\")")
                    continue
                }
                offers.append("\(binding.name): \(variable), Java \(lowest == highest ? "\(lowest)" : "\(lowest) to \(highest)")")
            } catch {
                problems.append("\(binding.name): the startup settings could not be read (\(error.kind)); the client key needs startup access")
            }
        }
        guard problems.isEmpty else { return DoctorCheck(name, .failed, problems.joined(separator: "; ")) }
        return DoctorCheck(name, .ok, offers.joined(separator: "; "))
    }

    /// Each pool server's stored type against the type its egg reads as. A difference is only a
    /// warning: a moderator may have given the type on purpose (`server-binding set … type`). It is
    /// how an operator finds the servers bound before types existed, which are all `minecraft`
    /// until bound again, so that members are not asked to choose between `minecraft` and `paper`.
    private func serverTypeCheck(_ panel: PanelClient, bindings: [ServerBindingRecord]) async -> DoctorCheck {
        let name = "server types"
        var types: [String] = []
        var differences: [String] = []
        for binding in bindings {
            do {
                let egg = try await panel.egg(ofServer: binding.pteroId)
                let read = ServerType.fromEgg(named: egg.name)
                types.append("\(binding.name): \(binding.serverType)")
                if read != binding.serverType {
                    differences.append("\(binding.name) is \(binding.serverType) but its egg \"\(egg.name)\" reads as \(read)")
                }
            } catch {
                return DoctorCheck(name, .warning, "\(binding.name)'s egg could not be read (\(error.kind)); give the application key Servers and Eggs read")
            }
        }
        guard differences.isEmpty else {
            return DoctorCheck(name, .warning, differences.joined(separator: "; ")
                + ": run /mcserver-admin server-binding set again with the same panel server to read its egg, unless the type was given on purpose")
        }
        return DoctorCheck(name, .ok, types.joined(separator: "; "))
    }

    /// `GET /api/client/servers/{server}` for every server of the pool.
    private func clientKeyCheck(_ panel: PanelClient, bindings: [ServerBindingRecord]?) async -> DoctorCheck {
        let name = "panel client key"
        guard let bindings else {
            return DoctorCheck(name, .skipped, "the pool's servers could not be read from the database")
        }
        guard !bindings.isEmpty else {
            return DoctorCheck(name, .warning, "the pool is empty (no ServerBinding rows): nothing to lend, and nothing to check the key against")
        }
        var unreachable: [String] = []
        for binding in bindings {
            do {
                _ = try await panel.server(binding.pteroId)
            } catch {
                switch error.kind {
                case .unauthorized:
                    return DoctorCheck(name, .failed, "PTERODACTYL_CLIENT_KEY: the panel does not know this key (401); create one under Account > API Credentials")
                case .forbidden where error.errors.first?.detail.contains("application API key") == true:
                    return DoctorCheck(name, .failed, "PTERODACTYL_CLIENT_KEY: the panel says this is an application key; use a client key (ptlc_)")
                case .notFound, .forbidden:
                    unreachable.append("\(binding.name) (\(binding.pteroId))")
                default:
                    return DoctorCheck(name, .failed, "cannot reach the panel at PTERODACTYL_URL: \(error)")
                }
            }
        }
        guard unreachable.isEmpty else {
            return DoctorCheck(name, .failed, "PTERODACTYL_CLIENT_KEY cannot see \(unreachable.joined(separator: ", ")): use an administrator's client key, or fix the server's pteroId")
        }
        return DoctorCheck(name, .ok, "sees all \(bindings.count) server(s) of the pool")
    }
}
