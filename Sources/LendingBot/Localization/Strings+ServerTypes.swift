import Foundation
import Lending

/// Texts of server types (`ServerType`): the refusals, the member's choice of a type before the
/// request form, and the type where a request or a pool server is shown.
extension Strings {
    /// The workflow's refusals about types in words the invoker can act on.
    func describe(_ refusal: ServerTypeRefusal) -> String {
        switch refusal {
        case .noServerOfType(let requested, let available):
            available.isEmpty
                ? text("種類「\(requested)」のサーバーはありません。貸出用のサーバーがまだ登録されていません。",
                       "There is no \(requested) server: the pool has no servers yet.")
                : text("種類「\(requested)」のサーバーはありません。選べる種類: \(typeList(available))",
                       "There is no \(requested) server in the pool. Types you can ask for: \(typeList(available))")
        case .typeRequired(let available):
            text("サーバーの種類が複数あります。/mcserver checkout をもう一度実行して種類を選んでください（\(typeList(available))）。",
                 "The pool has several server types: run /mcserver checkout again and choose one (\(typeList(available))).")
        case .wrongType(let alias, let serverType, let requested):
            text("サーバー \(alias) は「\(serverType)」のサーバーですが、この申請は「\(requested)」を求めています。申請は審査中のままです。",
                 "Server \(alias) is a \(serverType) server, but this request asks for \(requested). The request stays pending.")
        case .noFreeServerOfType(let type):
            text("「\(type)」のサーバーはすべて貸出中か予約済みです。申請は審査中のままです。",
                 "Every \(type) server is lent or reserved. The request stays pending.")
        case .invalidType(let typed):
            text("「\(typed)」はサーバーの種類として使えません（英小文字・数字・- _ で1〜\(ServerType.maxLength)文字）。",
                 "\"\(typed)\" cannot be a server type (1 to \(ServerType.maxLength) lowercase letters, digits, - or _).")
        }
    }

    func typeList(_ types: [String]) -> String {
        types.map { "`\($0)`" }.joined(separator: ", ")
    }

    // MARK: Asking a member for the type

    /// Above the select of types, when the pool has several.
    var chooseServerType: String {
        text("どの種類のサーバーを申請しますか？選ぶと申請フォームが開きます。", "Which kind of server do you need? Choosing one opens the request form.")
    }

    var serverTypePlaceholder: String { text("サーバーの種類", "Server type") }

    /// Under a type in the select: how many servers of it the pool has.
    func serverTypeCount(_ count: Int) -> String {
        text("サーバー \(count) 台", count == 1 ? "1 server" : "\(count) servers")
    }

    /// The request form's title when it is for one type; Discord allows 45 characters.
    func requestFormTitle(type: String) -> String {
        Limits.cut(text("サーバー貸出の申請（\(type)）", "Request a \(type) server"), 45)
    }

    // MARK: Showing the type

    /// The type of a request, in its embed (the moderators' post) and lists.
    var serverTypeLabel: String { text("種類", "Type") }

    func requestedType(_ type: String) -> String {
        text("種類: \(type)", "Type: \(type)")
    }

    /// After `/mcserver-admin server-binding set`'s answer: the type it read or was given.
    func bindingType(_ type: String, fromEgg egg: Bool) -> String {
        egg
            ? text("種類: \(type)（パネルのエッグから判定）", "Type: \(type) (read from its egg on the panel).")
            : text("種類: \(type)", "Type: \(type).")
    }
}
