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
