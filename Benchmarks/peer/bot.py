"""The benchmark's peer: the checkout flow of lending-bot written with discord.py as its
documentation recommends (a CommandTree with an app_commands group synced to one guild, a Modal
of Labels, an asyncpg connection pool created in setup_hook).

/mcserver checkout opens the request modal; its submission is checked, stored as one Workflow
row, its WorkflowPanelUser rows and a WorkflowAudit row in one transaction (the same rows
lending-bot writes), and answered with an ephemeral message.

Configuration comes from the environment, as lending-bot's does: DISCORD_TOKEN, DISCORD_GUILD_ID,
DISCORD_API_URL (the REST base, e.g. http://127.0.0.1:PORT/api/v10), DISCORD_GATEWAY_URL and
DATABASE_URL.
"""

import asyncio
import datetime
import json
import logging
import os
import re

import asyncpg
import discord
import yarl
from discord import app_commands
from discord.gateway import DiscordWebSocket

MAX_PERIOD_DAYS = 30
MAX_DESCRIPTION = 100
MAX_VERSION = 32
VERSION_PATTERN = re.compile(r"^(latest|1(\.[0-9]{1,3}){1,2})$")

GUILD = discord.Object(id=int(os.environ["DISCORD_GUILD_ID"]))
# Every REST call, interaction callbacks included, goes through this base.
discord.http.Route.BASE = os.environ["DISCORD_API_URL"]
# An unsharded discord.Client connects to this constant (only AutoShardedClient asks GET /gateway/bot).
DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(os.environ["DISCORD_GATEWAY_URL"])


class CheckoutModal(discord.ui.Modal, title="Request a server"):
    description = discord.ui.Label(
        text="Purpose or event",
        component=discord.ui.TextInput(custom_id="description", max_length=MAX_DESCRIPTION),
    )
    version = discord.ui.Label(
        text="Minecraft version",
        description="latest, or a release such as 1.21.4",
        component=discord.ui.TextInput(custom_id="mcVersion", placeholder="1.21.4", max_length=MAX_VERSION),
    )
    period = discord.ui.Label(
        text="Period in days",
        description=f"1–{MAX_PERIOD_DAYS}",
        component=discord.ui.TextInput(custom_id="periodDays", placeholder="7", max_length=3),
    )
    organizer = discord.ui.Label(
        text="Organizer",
        component=discord.ui.UserSelect(custom_id="organizer", min_values=1, max_values=1),
    )
    panel_users = discord.ui.Label(
        text="Panel users",
        description="Who gets access to the server (1–10)",
        component=discord.ui.UserSelect(custom_id="panelUsers", min_values=1, max_values=10),
    )

    def __init__(self, pool: asyncpg.Pool) -> None:
        super().__init__()
        self.pool = pool

    async def on_submit(self, interaction: discord.Interaction) -> None:
        description = self.description.component.value.strip()
        version = self.version.component.value.strip().lower()
        period_text = self.period.component.value.strip()
        organizers = self.organizer.component.values
        panel_users = [str(user.id) for user in self.panel_users.component.values]
        problem = None
        if not description or len(description) > MAX_DESCRIPTION:
            problem = f"Purpose or event: 1 to {MAX_DESCRIPTION} characters"
        elif not VERSION_PATTERN.match(version):
            problem = "Minecraft version: latest, or a release such as 1.20.1 or 1.21"
        elif not period_text.isdigit() or not 1 <= int(period_text) <= MAX_PERIOD_DAYS:
            problem = f"Period in days: a whole number from 1 to {MAX_PERIOD_DAYS}"
        elif len(organizers) != 1 or any(user.bot for user in [*organizers, *self.panel_users.component.values]):
            problem = "Organizer and panel users: members, not bots"
        elif not 1 <= len(panel_users) <= 10 or len(set(panel_users)) != len(panel_users):
            problem = "Panel users: 1 to 10 members, each once"
        if problem is not None:
            await interaction.response.send_message(problem, ephemeral=True)
            return

        applicant = str(interaction.user.id)
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        async with self.pool.acquire() as connection:
            async with connection.transaction():
                workflow_id = await connection.fetchval(
                    'INSERT INTO "Workflow" ("applicantDiscordId", "description", "mcVersion", "periodDays", '
                    '"organizerDiscordId", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING "id"',
                    applicant, description, version, int(period_text), str(organizers[0].id), now,
                )
                await connection.executemany(
                    'INSERT INTO "WorkflowPanelUser" ("workflowId", "discordId") VALUES ($1, $2)',
                    [(workflow_id, user) for user in panel_users],
                )
                await connection.execute(
                    'INSERT INTO "WorkflowAudit" ("workflowId", "actor", "action", "fromStatus", "toStatus", "detail", "createdAt") '
                    "VALUES ($1, $2, 'request', NULL, 'PENDING', $3::jsonb, $4)",
                    workflow_id, applicant, json.dumps({"panelUsers": ",".join(panel_users)}), now,
                )
        await interaction.response.send_message(f"Request #{workflow_id} received. A moderator will review it.", ephemeral=True)


class PeerBot(discord.Client):
    def __init__(self) -> None:
        super().__init__(intents=discord.Intents.default())
        self.tree = app_commands.CommandTree(self)
        self.pool: asyncpg.Pool | None = None

    async def setup_hook(self) -> None:
        self.pool = await asyncpg.create_pool(os.environ["DATABASE_URL"], min_size=1, max_size=8)
        mcserver = app_commands.Group(name="mcserver", description="Borrow a Minecraft server")
        pool = self.pool

        @mcserver.command(name="checkout", description="Request a server")
        async def checkout(interaction: discord.Interaction) -> None:
            await interaction.response.send_modal(CheckoutModal(pool))

        self.tree.add_command(mcserver, guild=GUILD)
        await self.tree.sync(guild=GUILD)

    async def close(self) -> None:
        if self.pool is not None:
            await self.pool.close()
        await super().close()


async def main() -> None:
    discord.utils.setup_logging(level=logging.WARNING)
    async with PeerBot() as bot:
        await bot.start(os.environ["DISCORD_TOKEN"])


if __name__ == "__main__":
    asyncio.run(main())
