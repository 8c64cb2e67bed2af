"""Reads wrk's output for each run of Benchmarks/run-load and prints the table the README quotes."""
import json
import re
import sys


def milliseconds(text):
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def parse(output):
    """Requests a second, p50, p99 and errors (non-2xx/3xx answers, socket errors, timeouts)."""
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = milliseconds(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = milliseconds(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = 0
    if match := re.search(r"Non-2xx or 3xx responses: (\d+)", output):
        errors += int(match.group(1))
    if match := re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output):
        errors += sum(int(value) for value in match.groups())
    total = int(re.search(r"(\d+) requests in", output).group(1))
    return {"rate": rate, "p50": p50, "p99": p99, "errors": errors, "requests": total}


def main():
    runs = json.load(open(sys.argv[1]))
    print("| database | connections | request | requests/s | p50 | p99 | errors |")
    print("| --- | ---: | --- | ---: | ---: | ---: | ---: |")
    for run in runs:
        result = parse(open(run["output"]).read())
        print(f"| {run['database']} | {run['connections']} | {run['request']} | {result['rate']:,.0f} | "
              f"{result['p50']:.1f} ms | {result['p99']:.1f} ms | {result['errors']} of {result['requests']:,} |")


if __name__ == "__main__":
    main()
