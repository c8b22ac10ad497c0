#!/usr/bin/env python3
"""Reads Prometheus text (exposition format 0.0.4) on standard input with prometheus-client's own
parser, the one a scraper's author would trust, and prints what it found as JSON on one line:
{"families": {name: {"type": ..., "help": ...}}, "samples": [{"name", "labels", "value"}]}.
Text the parser refuses exits 1 with its error on standard error. The tests of /metrics run it
with the python tools' virtual environment (scripts/python-tools), which has prometheus-client."""
import json
import math
import sys

from prometheus_client.parser import text_string_to_metric_families


def main() -> int:
    text = sys.stdin.read()
    families = {}
    samples = []
    try:
        for family in text_string_to_metric_families(text):
            families[family.name] = {"type": family.type, "help": family.documentation}
            for sample in family.samples:
                value = sample.value
                # JSON has no infinities or NaN; a gauge or count never holds one here.
                if math.isinf(value) or math.isnan(value):
                    value = str(value)
                samples.append({"name": sample.name, "labels": dict(sample.labels), "value": value})
    except Exception as error:  # the parser raises ValueError and others on malformed text
        print(f"read-metrics: {error}", file=sys.stderr)
        return 1
    json.dump({"families": families, "samples": samples}, sys.stdout, sort_keys=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
