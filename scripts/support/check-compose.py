#!/usr/bin/env python3
"""Checks deploy/compose.yaml: it parses as YAML and has what the README promises.

Usage: check-compose.py FILE. Prints one line per problem and exits 1 if there is any.
"""
import sys

import yaml


def check(document):
    problems = []
    services = document.get("services") or {}
    for name in ("postgres", "bot"):
        if name not in services:
            problems.append(f"services.{name} is missing")
    postgres = services.get("postgres") or {}
    bot = services.get("bot") or {}
    if not str(postgres.get("image", "")).startswith("postgres:"):
        problems.append("services.postgres.image is not the official postgres image")
    if not any(":/var/lib/postgresql/data" in str(v) for v in postgres.get("volumes") or []):
        problems.append("services.postgres keeps its data outside a volume")
    test = (postgres.get("healthcheck") or {}).get("test")
    if "pg_isready" not in " ".join(test if isinstance(test, list) else [str(test)]):
        problems.append("services.postgres.healthcheck does not run pg_isready")
    build = bot.get("build") or {}
    if not isinstance(build, dict) or build.get("dockerfile") != "deploy/Dockerfile":
        problems.append("services.bot.build does not use deploy/Dockerfile")
    env_file = bot.get("env_file")
    if env_file != "lending-bot.env" and env_file != ["lending-bot.env"]:
        problems.append("services.bot.env_file is not lending-bot.env")
    url = str((bot.get("environment") or {}).get("DATABASE_URL", ""))
    if "@postgres:" not in url:
        problems.append("services.bot.environment.DATABASE_URL does not point at the postgres service")
    condition = ((bot.get("depends_on") or {}).get("postgres") or {}).get("condition")
    if condition != "service_healthy":
        problems.append("services.bot.depends_on.postgres.condition is not service_healthy")
    if bot.get("restart") not in ("always", "unless-stopped", "on-failure"):
        problems.append("services.bot.restart is not a restart policy")
    volumes = document.get("volumes") or {}
    if "postgres-data" not in volumes:
        problems.append("volumes.postgres-data (named volume) is missing")
    problems += check_password(postgres, bot)
    problems += check_hardening(postgres, bot)
    return problems


# The tests run PostgreSQL 15; the compose database is the same major version.
POSTGRES_MAJOR = "15"
# What the official postgres image's entrypoint needs to prepare its data folder and step down to
# the postgres user; everything else is dropped.
POSTGRES_CAPABILITIES = {"CHOWN", "SETUID", "SETGID", "DAC_OVERRIDE", "FOWNER"}


def check_password(postgres, bot):
    """POSTGRES_PASSWORD is required (`${POSTGRES_PASSWORD:?…}`) wherever it is used: no default."""
    problems = []
    uses = {
        "services.postgres.environment.POSTGRES_PASSWORD": str((postgres.get("environment") or {}).get("POSTGRES_PASSWORD", "")),
        "services.bot.environment.DATABASE_URL": str((bot.get("environment") or {}).get("DATABASE_URL", "")),
    }
    for where, value in uses.items():
        start = value.find("${POSTGRES_PASSWORD")
        if start < 0:
            problems.append(f"{where} does not use POSTGRES_PASSWORD")
            continue
        rest = value[start + len("${POSTGRES_PASSWORD"):]
        message = rest[2:rest.find("}")] if rest.startswith(":?") else ""
        if not rest.startswith(":?") or "POSTGRES_PASSWORD" not in message or len(message.split()) < 4:
            problems.append(f"{where} does not require POSTGRES_PASSWORD with ${{POSTGRES_PASSWORD:?a sentence saying what to set}}")
    return problems


def check_logging(name, service):
    logging = service.get("logging") or {}
    options = logging.get("options") or {}
    if logging.get("driver") != "json-file" or not options.get("max-size") or not options.get("max-file"):
        return [f"services.{name}.logging is not json-file with max-size and max-file"]
    return []


def check_hardening(postgres, bot):
    problems = []
    image = str(postgres.get("image", ""))
    if not image.startswith(f"postgres:{POSTGRES_MAJOR}-") and image != f"postgres:{POSTGRES_MAJOR}":
        problems.append(f"services.postgres.image is not PostgreSQL {POSTGRES_MAJOR}")
    for name, service in (("postgres", postgres), ("bot", bot)):
        if "ALL" not in (service.get("cap_drop") or []):
            problems.append(f"services.{name}.cap_drop does not drop ALL")
        if "no-new-privileges:true" not in (service.get("security_opt") or []):
            problems.append(f"services.{name}.security_opt lacks no-new-privileges:true")
        problems += check_logging(name, service)
    if set(postgres.get("cap_add") or []) != POSTGRES_CAPABILITIES:
        problems.append(f"services.postgres.cap_add is not exactly {sorted(POSTGRES_CAPABILITIES)}")
    if bot.get("cap_add"):
        problems.append("services.bot.cap_add gives the bot a capability")
    healthcheck = bot.get("healthcheck") or {}
    if healthcheck.get("test") != ["CMD", "lending-bot", "healthcheck"]:
        problems.append('services.bot.healthcheck.test is not ["CMD", "lending-bot", "healthcheck"]')
    for key in ("interval", "timeout", "retries", "start_period"):
        if key not in healthcheck:
            problems.append(f"services.bot.healthcheck.{key} is missing")
    if not str((bot.get("environment") or {}).get("HEALTH_LISTEN", "")):
        problems.append("services.bot.environment.HEALTH_LISTEN is not set: the healthcheck has nothing to probe")
    if bot.get("read_only") is not True:
        problems.append("services.bot.read_only is not true")
    tmpfs = bot.get("tmpfs")
    if "/tmp" not in (tmpfs if isinstance(tmpfs, list) else [tmpfs]):
        problems.append("services.bot.tmpfs does not mount /tmp")
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as file:
        try:
            document = yaml.safe_load(file)
        except yaml.YAMLError as error:
            print(f"not YAML: {error}")
            return 1
    if not isinstance(document, dict):
        print("not a YAML mapping")
        return 1
    problems = check(document)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
