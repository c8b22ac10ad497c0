/// INTERACTION_CREATE payloads (`d` of the dispatch) shaped like what Discord sends, including
/// fields the models ignore (`entitlements`, `authorizing_integration_owners`, `guild`, …).
enum InteractionFixtures {
    static let member = """
    {
      "avatar": null, "banner": null, "communication_disabled_until": null, "deaf": false, "mute": false,
      "flags": 0, "joined_at": "2023-04-01T09:15:22.123000+00:00", "nick": "かずき", "pending": false,
      "permissions": "2251799813685247", "premium_since": null, "roles": ["1100000000000000001", "1100000000000000002"],
      "unusual_dm_activity_until": null,
      "user": {
        "id": "300000000000000001", "username": "kazuki", "avatar": "a1b2c3", "discriminator": "0",
        "public_flags": 0, "flags": 0, "global_name": "Kazuki", "avatar_decoration_data": null,
        "collectibles": null, "primary_guild": null, "clan": null
      }
    }
    """

    static let commonGuildFields = """
      "application_id": "900000000000000001",
      "token": "aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDpzZWNyZXQtdG9rZW4tdmFsdWU",
      "version": 1,
      "guild_id": "800000000000000001",
      "guild": {"id": "800000000000000001", "locale": "ja", "features": ["COMMUNITY"]},
      "guild_locale": "ja",
      "channel_id": "700000000000000001",
      "channel": {"id": "700000000000000001", "type": 0, "name": "lending", "guild_id": "800000000000000001", "flags": 0, "position": 3,
                  "permissions": "2251799813685247", "last_message_id": null, "nsfw": false, "parent_id": null, "rate_limit_per_user": 0, "topic": null},
      "member": \(member),
      "locale": "ja",
      "app_permissions": "2251799813685247",
      "entitlements": [],
      "entitlement_sku_ids": [],
      "authorizing_integration_owners": {"0": "800000000000000001"},
      "context": 0,
      "attachment_size_limit": 10485760
    """

    /// `/server loan extend` — group → subcommand → one leaf of every value type (3–11), with the
    /// entity options' objects in `resolved`.
    static let nestedSubcommandGroup = """
    {
      "id": "1200000000000000001",
      "type": 2,
      \(commonGuildFields),
      "data": {
        "id": "1000000000000000001",
        "name": "server",
        "type": 1,
        "guild_id": "800000000000000001",
        "options": [{
          "name": "loan", "type": 2,
          "options": [{
            "name": "extend", "type": 1,
            "options": [
              {"name": "reason", "type": 3, "value": "イベント用に延長したい"},
              {"name": "days", "type": 4, "value": 7},
              {"name": "notify", "type": 5, "value": true},
              {"name": "member", "type": 6, "value": "300000000000000002"},
              {"name": "channel", "type": 7, "value": "700000000000000002"},
              {"name": "role", "type": 8, "value": "1100000000000000003"},
              {"name": "who", "type": 9, "value": "1100000000000000003"},
              {"name": "ratio", "type": 10, "value": 0.75},
              {"name": "proof", "type": 11, "value": "1300000000000000001"}
            ]
          }]
        }],
        "resolved": {
          "users": {"300000000000000002": {"id": "300000000000000002", "username": "mika", "avatar": null, "discriminator": "0",
                                           "public_flags": 0, "flags": 0, "global_name": "Mika", "primary_guild": null}},
          "members": {"300000000000000002": {"avatar": null, "banner": null, "communication_disabled_until": null, "flags": 0,
                                             "joined_at": "2024-01-02T03:04:05.000000+00:00", "nick": null, "pending": false,
                                             "permissions": "1071698660929", "premium_since": null, "roles": ["1100000000000000003"]}},
          "roles": {"1100000000000000003": {"id": "1100000000000000003", "name": "Borrower", "color": 3447003, "colors": {"primary_color": 3447003},
                                            "hoist": false, "icon": null, "unicode_emoji": null, "position": 4, "permissions": "0",
                                            "managed": false, "mentionable": true, "flags": 0}},
          "channels": {"700000000000000002": {"id": "700000000000000002", "type": 0, "name": "announcements", "guild_id": "800000000000000001",
                                              "parent_id": "600000000000000001", "permissions": "2251799813685247", "flags": 0}},
          "attachments": {"1300000000000000001": {"id": "1300000000000000001", "filename": "receipt.png", "size": 48213,
                                                  "url": "https://cdn.discordapp.com/ephemeral-attachments/1/2/receipt.png",
                                                  "proxy_url": "https://media.discordapp.net/ephemeral-attachments/1/2/receipt.png",
                                                  "content_type": "image/png", "width": 640, "height": 480, "ephemeral": true}}
        }
      }
    }
    """

    /// `/approve user:@mika` — no subcommands, a user option resolved to user and member.
    static let userOption = """
    {
      "id": "1200000000000000002",
      "type": 2,
      \(commonGuildFields),
      "data": {
        "id": "1000000000000000002", "name": "approve", "type": 1,
        "options": [{"name": "user", "type": 6, "value": "300000000000000002"}],
        "resolved": {
          "users": {"300000000000000002": {"id": "300000000000000002", "username": "mika", "avatar": null, "discriminator": "0",
                                           "public_flags": 0, "global_name": null, "bot": false}},
          "members": {"300000000000000002": {"nick": "みか", "roles": [], "joined_at": "2024-01-02T03:04:05.000000+00:00",
                                             "permissions": "1071698660929", "pending": false, "flags": 0}}
        }
      }
    }
    """

    /// `/status` used in a DM with the bot: `user` instead of `member`, no guild.
    static let directMessageCommand = """
    {
      "id": "1200000000000000003", "type": 2, "version": 1,
      "application_id": "900000000000000001",
      "token": "dm-token-value",
      "channel_id": "700000000000000009",
      "channel": {"id": "700000000000000009", "type": 1, "flags": 0, "last_message_id": null, "recipients": []},
      "user": {"id": "300000000000000001", "username": "kazuki", "avatar": null, "discriminator": "0", "public_flags": 0, "global_name": "Kazuki"},
      "locale": "en-US",
      "app_permissions": "1126174734116609",
      "entitlements": [],
      "authorizing_integration_owners": {"1": "300000000000000001"},
      "context": 1,
      "data": {"id": "1000000000000000003", "name": "status", "type": 1}
    }
    """

    /// Autocomplete on `/server loan extend`: the focused integer option holds a partial string.
    static let autocomplete = """
    {
      "id": "1200000000000000004",
      "type": 4,
      \(commonGuildFields),
      "data": {
        "id": "1000000000000000001", "name": "server", "type": 1,
        "options": [{"name": "loan", "type": 2, "options": [{"name": "extend", "type": 1, "options": [
          {"name": "reason", "type": 3, "value": "event"},
          {"name": "days", "type": 4, "value": "1a", "focused": true}
        ]}]}]
      }
    }
    """

    /// A string select on a bot message: the message and its components come along.
    static let stringSelect = """
    {
      "id": "1200000000000000005",
      "type": 3,
      \(commonGuildFields),
      "message": {
        "id": "1400000000000000001", "channel_id": "700000000000000001", "type": 0, "content": "Choose a server",
        "author": {"id": "900000000000000001", "username": "lending-bot", "avatar": null, "discriminator": "0", "public_flags": 0, "bot": true, "global_name": null},
        "attachments": [], "embeds": [{"type": "rich", "title": "Servers", "color": 5793266, "timestamp": "2024-05-01T12:00:00.123000+00:00"}],
        "mentions": [], "mention_roles": [], "pinned": false, "mention_everyone": false, "tts": false,
        "timestamp": "2024-05-01T12:00:00.123000+00:00", "edited_timestamp": null, "flags": 0,
        "components": [
          {"type": 1, "id": 1, "components": [{"type": 3, "id": 2, "custom_id": "pick-server", "placeholder": "Server",
            "min_values": 1, "max_values": 1, "options": [
              {"label": "Survival", "value": "srv-1", "description": "1.20.4"},
              {"label": "Creative", "value": "srv-2", "emoji": {"name": "🎨"}}
            ]}]},
          {"type": 1, "id": 3, "components": [
            {"type": 2, "id": 4, "style": 4, "label": "Cancel", "custom_id": "cancel"},
            {"type": 2, "id": 5, "style": 5, "label": "Docs", "url": "https://example.com/docs"},
            {"type": 99, "id": 6, "custom_id": "from-the-future"}
          ]}
        ]
      },
      "data": {"custom_id": "pick-server", "component_type": 3, "values": ["srv-2"]}
    }
    """

    /// A button press, with no `values`.
    static let buttonPress = """
    {
      "id": "1200000000000000006", "type": 3,
      \(commonGuildFields),
      "data": {"custom_id": "approve:42", "component_type": 2}
    }
    """

    /// A user select: the chosen user comes back in `resolved`.
    static let userSelect = """
    {
      "id": "1200000000000000007", "type": 3,
      \(commonGuildFields),
      "data": {"custom_id": "pick-user", "component_type": 5, "values": ["300000000000000002"],
               "resolved": {"users": {"300000000000000002": {"id": "300000000000000002", "username": "mika", "discriminator": "0", "avatar": null, "global_name": null}}}}
    }
    """

    /// The current modal shape: Labels wrapping a text input, a string select and a user select,
    /// a Text Display, and a Label around a component type the models do not know.
    static let labelModalSubmit = """
    {
      "id": "1200000000000000008", "type": 5,
      \(commonGuildFields),
      "data": {
        "custom_id": "request-form",
        "components": [
          {"type": 10, "id": 1, "content": "Tell us about your event."},
          {"type": 18, "id": 2, "component": {"type": 4, "id": 3, "custom_id": "purpose", "value": "週末のイベント"}},
          {"type": 18, "id": 4, "component": {"type": 3, "id": 5, "custom_id": "plan", "values": ["large"]}},
          {"type": 18, "id": 6, "component": {"type": 5, "id": 7, "custom_id": "co-host", "values": ["300000000000000002"]}},
          {"type": 18, "id": 8, "component": {"type": 77, "id": 9, "custom_id": "new-widget", "whatever": [1, 2]}}
        ],
        "resolved": {"users": {"300000000000000002": {"id": "300000000000000002", "username": "mika", "discriminator": "0", "avatar": null, "global_name": null}}}
      }
    }
    """

    /// The deprecated shape: Action Rows holding Text Inputs.
    static let legacyModalSubmit = """
    {
      "id": "1200000000000000009", "type": 5,
      \(commonGuildFields),
      "data": {
        "custom_id": "request-form",
        "components": [
          {"type": 1, "id": 1, "components": [{"type": 4, "id": 2, "custom_id": "purpose", "value": "weekend event"}]},
          {"type": 1, "id": 3, "components": [{"type": 4, "id": 4, "custom_id": "days", "value": ""}]}
        ]
      }
    }
    """

    /// PING (HTTP-endpoint bots only): no data.
    static let ping = """
    {"id": "1200000000000000010", "application_id": "900000000000000001", "type": 1, "token": "ping-token", "version": 1}
    """

    /// An interaction type the models do not know.
    static let futureType = """
    {"id": "1200000000000000011", "application_id": "900000000000000001", "type": 42, "token": "t", "version": 1,
     "data": {"something": "new"}, "locale": "en-US"}
    """

    /// The whole gateway dispatch, as the gateway hands it over.
    static let dispatchEnvelope = """
    {"op": 0, "s": 42, "t": "INTERACTION_CREATE", "d": \(buttonPress)}
    """
}
