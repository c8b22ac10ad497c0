public import Secrets

/// Panel passwords for new accounts and resets.
///
/// Characters are drawn from `SystemRandomNumberGenerator` (on Linux `getrandom(2)`, the kernel's
/// CSPRNG) with `Int.random(in:using:)`, which is unbiased. The alphabet is the 56 letters and
/// digits that cannot be mistaken for one another when read off a Discord message: A–Z, a–z and
/// 2–9 without `I`, `O`, `l` and `o` (and without `0`, `1`). No symbols, so a password survives
/// copying from a phone and any shell or SFTP client. 20 characters give about 116 bits.
/// The panel's API sets no minimum and its UI asks for 8; every password also holds an upper-case
/// letter, a lower-case letter and a digit for any stricter policy in front of the panel.
public enum PasswordGenerator {
    public static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789")
    public static let minimumLength = 16
    public static let defaultLength = 20

    /// A new password as a `Secret`, so it cannot reach a log by accident.
    /// - Parameter length: at least `minimumLength`; shorter requests are raised to it.
    public static func makePassword(length: Int = defaultLength) -> Secret {
        var generator = SystemRandomNumberGenerator()
        let count = max(length, minimumLength)
        while true {
            let characters = (0..<count).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
            if characters.contains(where: \.isUppercase), characters.contains(where: \.isLowercase), characters.contains(where: \.isNumber) {
                return Secret(String(characters))
            }
        }
    }
}
