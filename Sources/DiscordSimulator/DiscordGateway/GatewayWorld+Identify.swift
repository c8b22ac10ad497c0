import Foundation
import SimulatorSupport
import WebSocket

/// IDENTIFY (op 2): token, shard and intents checks with Discord's close codes, identify pacing
/// (docs/DISCORD.md#identify), then READY and, with the GUILDS intent, one GUILD_CREATE per guild.
extension GatewayWorld {
    mutating func identify(_ data: SimulatorJSON, on id: Int, at now: Date) {
        guard let connection = live[id] else { return }
        let intents = data["intents"]?.intValue
        let shard = data["shard"]?.arrayValue.map { $0.compactMap(\.intValue) }
        func record(_ outcome: IdentifyRecord.Outcome) {
            identifies.append(IdentifyRecord(connectionID: id, data: data, intents: intents, shard: shard, outcome: outcome))
        }
        func reject(_ code: CloseCode) {
            record(.closed(code))
            close(id, code, at: now)
        }
        guard connection.sessionID == nil else { return reject(GatewayCloseCode.alreadyAuthenticated) }
        guard data.objectValue != nil, let token = data["token"]?.stringValue, data["properties"]?.objectValue != nil else {
            return reject(GatewayCloseCode.decodeError)
        }
        guard token == configuration.botToken else { return reject(GatewayCloseCode.authenticationFailed) }
        if let shard {
            guard shard.count == 2, shard[1] >= 1, shard[0] >= 0, shard[0] < shard[1] else { return reject(GatewayCloseCode.invalidShard) }
        }
        if configuration.requiresSharding, (shard?[1] ?? 1) < 2 { return reject(GatewayCloseCode.shardingRequired) }
        guard let intents, intents >= 0, intents & ~GatewayIntents.valid == 0 else { return reject(GatewayCloseCode.invalidIntents) }
        guard intents & GatewayIntents.privileged & ~configuration.enabledPrivilegedIntents == 0 else {
            return reject(GatewayCloseCode.disallowedIntents)
        }

        let bucket = (shard?[0] ?? 0) % max(1, configuration.maxConcurrency)
        var recent = identifyTimes[bucket, default: []]
        recent.removeAll { now - $0 >= configuration.identifyWindow }
        identifyTimes[bucket] = recent
        guard recent.count < configuration.maxConcurrency else {
            record(.invalidSession(reason: "more than \(configuration.maxConcurrency) IDENTIFY per \(configuration.identifyWindow) in bucket \(bucket)"))
            return send(.payload(GatewayPayload.invalidSession(resumable: false), .whole), to: id)
        }
        guard sessionStartsRemaining > 0 else {
            record(.invalidSession(reason: "no session starts remaining"))
            return send(.payload(GatewayPayload.invalidSession(resumable: false), .whole), to: id)
        }
        identifyTimes[bucket, default: []].append(now)
        sessionStarts += 1
        sessionStartsRemaining -= 1

        let session = SimulatedSession(id: SimulatedSession.makeID(), intents: intents, shard: shard, rawQuery: connection.rawQuery)
        sessions[session.id] = session
        sessionOrder.append(session.id)
        attach(session: session.id, to: id)
        record(.ready(sessionID: session.id))
        emit(event: "READY", data: readyData(sessionID: session.id, shard: shard), delivery: .whole, in: session.id, at: now)
        if intents & GatewayIntents.guilds != 0 {
            for guildID in configuration.guildIDs {
                emit(event: "GUILD_CREATE", data: guildCreateData(guildID: guildID, at: now), delivery: .whole, in: session.id, at: now)
            }
        }
    }

    mutating func attach(session sessionID: String, to id: Int) {
        live[id]?.phase = .authenticated(sessionID: sessionID)
        connections[id - 1].sessionID = sessionID
        sessions[sessionID]?.connectionID = id
        sessions[sessionID]?.detachedAt = nil
    }

    func readyData(sessionID: String, shard: [Int]?) -> SimulatorJSON {
        var ready: [String: SimulatorJSON] = [
            "v": 10,
            "user": [
                "id": .string(configuration.botUserID), "username": .string(configuration.botUsername), "discriminator": "0",
                "global_name": nil, "avatar": nil, "bot": true, "verified": true, "mfa_enabled": false, "flags": 0,
            ],
            "guilds": .array(configuration.guildIDs.map { ["id": .string($0), "unavailable": true] }),
            "session_id": .string(sessionID),
            "session_type": "normal",
            "resume_gateway_url": .string(resumeURL),
            "application": ["id": .string(configuration.applicationID), "flags": 0],
            "private_channels": [], "presences": [], "relationships": [], "guild_join_requests": [],
            "geo_ordered_rtc_regions": ["japan", "hongkong"], "user_settings": [:], "auth": [:],
            "_trace": ["gateway-simulator"],
        ]
        if let shard { ready["shard"] = .array(shard.map { .integer(Int64($0)) }) }
        return .object(ready)
    }

    mutating func guildCreateData(guildID: String, at now: Date) -> SimulatorJSON {
        [
            "id": .string(guildID), "name": "Simulated guild", "unavailable": false, "member_count": 2, "large": false,
            "owner_id": .string(configuration.interactionUserID), "joined_at": "2026-01-01T00:00:00.000000+00:00",
            "channels": [["id": .string(configuration.interactionChannelID), "type": 0, "name": "lending", "position": 0]],
            "roles": [["id": .string(guildID), "name": "@everyone", "permissions": "1071698660929", "position": 0]],
            "members": [], "presences": [], "voice_states": [], "threads": [], "stage_instances": [],
            "guild_scheduled_events": [], "soundboard_sounds": [], "emojis": [], "stickers": [], "features": [],
        ]
    }
}
