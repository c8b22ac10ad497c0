/// `/mcserver-admin server power`: what was sent, and what the panel says just after.
extension Strings {
    func powerSignalName(_ signal: String) -> String {
        switch signal {
        case "start": text("起動", "start")
        case "stop": text("停止", "stop")
        case "restart": text("再起動", "restart")
        case "kill": text("強制停止", "kill")
        default: signal
        }
    }

    func powerSignalSent(_ signal: String, alias: String, server: String) -> String {
        text("サーバー \(alias)（`\(server)`）に「\(powerSignalName(signal))」を送りました。",
             "Sent `\(signal)` to server \(alias) (`\(server)`).")
    }

    /// The panel's `/resources` answers from a cache of about 20 seconds, so the state just after
    /// a signal is usually the one before it.
    func powerStateNow(_ state: String) -> String {
        text("パネルが報告する状態: \(powerState(state))（反映まで最大20秒ほどかかります）",
             "The panel reports: \(powerState(state)) (it can take about 20 seconds to show the change)")
    }

    var powerStateUnknown: String {
        text("パネルから現在の状態を読めませんでした。", "The panel's current state could not be read.")
    }

    func serverActionAudited(loan id: Int) -> String {
        text("このサーバーは申請 #\(id) が使用中のため、その履歴に記録しました。",
             "Request #\(id) holds this server, so this is recorded on its history.")
    }
}
