public import Discord
import Synchronization

/// The moderators' "New request" post of each request, so that the post follows the approval as
/// the server is prepared and loses its buttons once a moderator has acted.
///
/// Kept in memory: after a restart the post is left as it was, and the notify channel still hears
/// of the result (the loan's start, or the failure with Retry).
public final class RequestPosts: Sendable {
    struct Post: Sendable {
        let channel: ChannelID
        let message: MessageID
        /// The post's first line, which every edit keeps.
        let headline: String
    }

    private let posts = Mutex<[Int: Post]>([:])
    /// Bounded so a bot that runs for months keeps a few days of posts, not all of them.
    static let capacity = 500

    public init() {}

    func remember(workflowId: Int, channel: ChannelID, message: MessageID, headline: String) {
        posts.withLock { posts in
            if posts.count >= Self.capacity, let oldest = posts.keys.min() { posts[oldest] = nil }
            posts[workflowId] = Post(channel: channel, message: message, headline: headline)
        }
    }

    func post(for workflowId: Int) -> Post? {
        posts.withLock { $0[workflowId] }
    }

    func forget(workflowId: Int) {
        _ = posts.withLock { $0.removeValue(forKey: workflowId) }
    }
}
