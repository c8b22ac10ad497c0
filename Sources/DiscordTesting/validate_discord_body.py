#!/usr/bin/env python3
"""Validate a JSON request (or response) body against Discord's OpenAPI spec.

Usage:
    validate_discord_body.py SPEC METHOD PATH_TEMPLATE [--response STATUS] < body.json
    validate_discord_body.py SPEC --batch < requests.json

The body is checked against
paths[PATH_TEMPLATE][method].requestBody.content["application/json"].schema
(or, with --response, against that operation's response schema for STATUS), with the whole spec
registered as one resource so every "$ref" resolves. OpenAPI 3.1 schemas are JSON Schema 2020-12.

Quirks absorbed (see also docs/DISCORD.md, "The OpenAPI spec"):
  * default_member_permissions is typed integer in request schemas while the docs send a string;
    the spec README says int-typed fields accept int-parseable strings, so digit strings there are
    coerced to integers before validating.
  * unions are anyOf/oneOf over objects told apart by "type"; the error reported is the one from the
    branch whose "type" matches, not "is not valid under any of the given schemas".

Batch mode reads a JSON array of {"method", "path", "body"}, where "path" is a request path with
its parameters filled in (the template is the spec's path whose literal segments match it best),
and prints a JSON array with, for each request, the list of its errors (empty when valid); its
exit status is 0 unless the input or the spec cannot be read. One process for many bodies keeps
the spec's parsing to once per test.

Exit status (single mode): 0 valid, 1 invalid (one line per error: "$.path.to.field: message"), 2 usage or spec
lookup error, 3 jsonschema/referencing missing (pip install jsonschema referencing).
"""

import json
import sys

try:
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
except ImportError as error:  # pragma: no cover - environment problem, not a validation result
    print(f"validate_discord_body: {error}; install with: pip install jsonschema referencing", file=sys.stderr)
    sys.exit(3)

SPEC_URI = "urn:discord-api-spec"
COERCED_INTEGER_KEYS = {"default_member_permissions"}


def fail_usage(message):
    print(f"validate_discord_body: {message}", file=sys.stderr)
    sys.exit(2)


def coerce(value):
    """Turn digit strings under the integer-typed keys into integers, recursively."""
    if isinstance(value, dict):
        result = {}
        for key, item in value.items():
            if key in COERCED_INTEGER_KEYS and isinstance(item, str) and item.isdigit():
                result[key] = int(item)
            else:
                result[key] = coerce(item)
        return result
    if isinstance(value, list):
        return [coerce(item) for item in value]
    return value


def pointer(path_parts):
    return "/".join(str(part).replace("~", "~0").replace("/", "~1") for part in path_parts)


def find_schema(spec, method, template, status):
    operation = spec.get("paths", {}).get(template, {}).get(method.lower())
    if operation is None:
        fail_usage(f"no operation {method.upper()} {template} in the spec")
    if status is None:
        location = ["paths", template, method.lower(), "requestBody", "content", "application/json", "schema"]
        if "application/json" not in operation.get("requestBody", {}).get("content", {}):
            fail_usage(f"{method.upper()} {template} takes no JSON request body")
    else:
        response = operation.get("responses", {}).get(status)
        if response is None:
            fail_usage(f"{method.upper()} {template} has no response {status}")
        if "$ref" in response:
            # e.g. "#/components/responses/ClientErrorResponse"
            location = response["$ref"].lstrip("#/").split("/") + ["content", "application/json", "schema"]
        else:
            location = ["paths", template, method.lower(), "responses", status, "content", "application/json", "schema"]
    node = spec
    for part in location:
        if not isinstance(node, dict) or part not in node:
            fail_usage(f"no JSON schema at {'/'.join(location)}")
        node = node[part]
    return {"$ref": f"{SPEC_URI}#/{pointer(location)}"}


def is_discriminator_failure(error):
    """True when a union branch failed on the object's kind: its "type" field or its JSON type."""
    path = list(error.relative_path)
    return error.validator in ("type", "enum", "const") and (path == [] or path == ["type"])


def most_relevant(error):
    """Descend into anyOf/oneOf failures along the branch whose discriminator matched."""
    while error.validator in ("anyOf", "oneOf") and error.context:
        branches = {}
        for sub in error.context:
            branches.setdefault(sub.schema_path[0], []).append(sub)
        matching = [errors for errors in branches.values() if not any(is_discriminator_failure(e) for e in errors)]
        if len(matching) != 1:
            break
        error = jsonschema.exceptions.best_match(matching[0])
    return error


def render(error):
    path = "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in error.absolute_path)
    message = error.message
    if len(message) > 300:
        message = message[:300] + "..."
    return f"{path}: {message} ({error.validator})"


def match_template(spec, method, path):
    """The spec's path template for a concrete path: literal segments must match, and among the
    templates that fit, the one with the most literal segments wins ("@original" over a parameter)."""
    segments = [part for part in path.split("/") if part]
    best, best_literals = None, -1
    for template, operations in spec.get("paths", {}).items():
        if method.lower() not in operations:
            continue
        parts = [part for part in template.split("/") if part]
        if len(parts) != len(segments):
            continue
        literals = 0
        for pattern, segment in zip(parts, segments):
            if pattern.startswith("{"):
                continue
            if pattern != segment:
                break
            literals += 1
        else:
            if literals > best_literals:
                best, best_literals = template, literals
    return best


def run_batch(spec):
    try:
        requests = json.load(sys.stdin)
    except ValueError as error:
        fail_usage(f"batch input is not JSON: {error}")
    registry = Registry().with_resource(SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012))
    validators = {}
    results = []
    for request in requests:
        method = request["method"].lower()
        template = match_template(spec, method, request["path"])
        if template is None:
            results.append([f"$: no operation {method.upper()} matches {request['path']} in the spec"])
            continue
        key = (method, template)
        if key not in validators:
            content = spec["paths"][template][method].get("requestBody", {}).get("content", {})
            if "application/json" not in content:
                validators[key] = None
            else:
                validators[key] = jsonschema.Draft202012Validator(find_schema(spec, method, template, None), registry=registry)
        validator = validators[key]
        if validator is None:
            results.append([f"$: {method.upper()} {template} takes no JSON body"])
            continue
        errors = sorted(validator.iter_errors(coerce(request["body"])), key=lambda e: list(map(str, e.absolute_path)))
        results.append([f"{method.upper()} {template}: {render(most_relevant(error))}" for error in errors])
    print(json.dumps(results))
    return 0


def main(argv):
    args = argv[1:]
    if len(args) == 2 and args[1] == "--batch":
        try:
            with open(args[0], encoding="utf-8") as handle:
                spec = json.load(handle)
        except (OSError, ValueError) as error:
            fail_usage(f"cannot read spec {args[0]}: {error}")
        return run_batch(spec)
    status = None
    if "--response" in args:
        index = args.index("--response")
        if index + 1 >= len(args):
            fail_usage("--response needs a status such as 200")
        status = args[index + 1]
        del args[index:index + 2]
    if len(args) != 3:
        fail_usage("usage: validate_discord_body.py SPEC METHOD PATH_TEMPLATE [--response STATUS] < body.json")
    spec_path, method, template = args
    try:
        with open(spec_path, encoding="utf-8") as handle:
            spec = json.load(handle)
    except (OSError, ValueError) as error:
        fail_usage(f"cannot read spec {spec_path}: {error}")
    try:
        body = json.load(sys.stdin)
    except ValueError as error:
        print(f"$: body is not JSON: {error}")
        return 1

    registry = Registry().with_resource(SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012))
    schema = find_schema(spec, method, template, status)
    validator = jsonschema.Draft202012Validator(schema, registry=registry)
    errors = sorted(validator.iter_errors(coerce(body)), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return 0
    for error in errors:
        print(render(most_relevant(error)))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
