extension MinecraftVersion {
    /// The Java a release needs by Mojang's own figures (`javaVersion.majorVersion` of each
    /// release's JSON): up to 1.16.5 Java 8; 1.17 and 1.17.1 Java 16; 1.18 to 1.20.4 Java 17;
    /// 1.20.5 to 1.21.x Java 21; 26.1 and later Java 25. What serves when the manifest cannot be
    /// read, and for a release whose own JSON names no Java (the oldest ones, which run on 8).
    public var builtInJavaMajorVersion: Int {
        if isYearBased { return 25 }
        let minor = components[1]
        let patch = components.count > 2 ? components[2] : 0
        switch minor {
        case ...16: return 8
        case 17: return 16
        case 18, 19: return 17
        case 20 where patch <= 4: return 17
        default: return 21
        }
    }
}
