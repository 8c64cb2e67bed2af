"""Runs SecurePlace, Splink and recordlinkage on the same files, one after the other on the
same machine, and prints precision, recall, F1, total time, records per second and peak memory.

    python compare.py SECUREPLACE_BINARY DATA_DIRECTORY febrl4|febrl4-nossid|synthetic|ukadmin|transcribed|febrl1|febrl2|febrl3 [--skip TOOL ...]

ukadmin (uk_admin_people.py) and transcribed (transcribed_people.py) are linked by SecurePlace
with its defaults, no configuration: they check the defaults on data they were not tuned on;
and again with the default fields and comparisons but Splink's blocking rules
(extracts-splink-blocking.json), so that the speed comparison has the same blocking on both sides.
febrl4-nossid is FEBRL4 with every tool leaving out soc_sec_id, a near-unique identifier that
makes every tool perfect.

FEBRL1, 2 and 3 are single files with duplicates inside them: each tool searches the file for
pairs of records of the same person (SecurePlace: `secureplace link dedupe`), and a pair counts
whichever way round it is written.

Each tool runs as its own process: the time is wall-clock from start to links written (reading
the files and, for the Python tools, importing them included), and the peak memory is the
process's maximum resident set. SecurePlace's encoded run counts the encoding of both files
(each partner's own step) separately from the linkage.
"""
import argparse
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SPLINK = f"Splink {importlib.metadata.version('splink')}"


def run(command):
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    errors = process.stderr.read().decode(errors="replace")
    if status != 0:
        # One tool failing (Splink runs out of memory on the largest files) must not lose the
        # others' figures: the table says it failed and how.
        reason = f"killed by signal {os.WTERMSIG(status)}" if os.WIFSIGNALED(status) else "failed"
        print(f"{' '.join(command)} {reason}:\n{errors[-2000:]}", file=sys.stderr)
        return None, usage.ru_maxrss / 1024
    return seconds, usage.ru_maxrss / 1024


def pairs(path, unordered=False):
    with open(path) as file:
        next(file)
        found = {tuple(line.strip().split(",")[:2]) for line in file if line.strip()}
    return {tuple(sorted(pair)) for pair in found} if unordered else found


def scores(found, truth):
    true_positives = len(found & truth)
    precision = true_positives / len(found) if found else 0
    recall = true_positives / len(truth)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0
    return precision, recall, f1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("binary")
    parser.add_argument("data")
    parser.add_argument("kind", choices=["febrl4", "febrl4-nossid", "synthetic", "ukadmin", "transcribed", "febrl1", "febrl2", "febrl3"])
    parser.add_argument("--skip", nargs="*", action="extend", default=[])
    parser.add_argument("--results", help="append each tool's figures to this file, one JSON object a line")
    arguments = parser.parse_args()
    prefix = os.path.join(arguments.data, arguments.kind.removesuffix("-nossid"))
    single = arguments.kind in ("febrl1", "febrl2", "febrl3")
    if single:
        left, right = f"{prefix}.csv", "-"
        records = sum(1 for _ in open(left)) - 1
    else:
        left, right = f"{prefix}_a.csv", f"{prefix}_b.csv"
        records = sum(1 for _ in open(left)) - 1 + sum(1 for _ in open(right)) - 1
    truth = pairs(f"{prefix}_truth.csv", unordered=single)
    family = arguments.kind if arguments.kind == "febrl4-nossid" else (
        "febrl4" if arguments.kind.startswith("febrl") else arguments.kind)
    config = None if family in ("ukadmin", "transcribed") else os.path.join(HERE, f"{family}.json")
    work = tempfile.mkdtemp(prefix="linkage-compare-")
    python = sys.executable
    runs = []

    def measure(name, command, out, extra_seconds=0.0):
        if name.split()[0].lower() in arguments.skip:
            return
        print(f"  running {name} …", file=sys.stderr, flush=True)
        seconds, memory = run(command)
        if seconds is None:
            runs.append((name, None, None, None, None, memory))
        else:
            runs.append((name, *scores(pairs(out, unordered=single), truth), seconds + extra_seconds, memory))

    def secureplace(left_file, right_file, config_file, out):
        configured = ["--config", config_file] if config_file else []
        if single:
            return [arguments.binary, "link", "dedupe", "--input", left_file, *configured, "--out", out]
        return [arguments.binary, "link", "--left", left_file, "--right", right_file, *configured, "--out", out]

    out = os.path.join(work, "secureplace.csv")
    measure("SecurePlace", secureplace(left, right, config, out), out)
    if family in ("ukadmin", "transcribed"):
        # Its defaults block otherwise than Splink's rules do; for the speed comparison, the
        # default fields and comparisons with Splink's four blocking rules.
        out = os.path.join(work, "secureplace-splink-blocking.csv")
        measure("SecurePlace, Splink's blocking",
                secureplace(left, right, os.path.join(HERE, "extracts-splink-blocking.json"), out), out)
    if family == "febrl4" and "encoded" not in arguments.skip:
        key = os.path.join(work, "key")
        with open(key, "wb") as file:
            file.write(os.urandom(32))
        encode_seconds = 0.0
        sources = ((left, "left.enc.csv"),) if single else ((left, "left.enc.csv"), (right, "right.enc.csv"))
        for source, target in sources:
            seconds, _ = run([arguments.binary, "link", "encode", "--input", source, "--config", config,
                              "--key-file", key, "--out", os.path.join(work, target)])
            encode_seconds += seconds
        out = os.path.join(work, "secureplace-encoded.csv")
        measure("SecurePlace, encoded", secureplace(os.path.join(work, "left.enc.csv"),
                                                    os.path.join(work, "right.enc.csv"),
                                                    os.path.join(HERE, "febrl4-encoded.json"), out), out)
        print(f"  (encoding took {encode_seconds:.2f} s more)", file=sys.stderr)
    out = os.path.join(work, "splink.csv")
    measure(SPLINK, [python, os.path.join(HERE, "run_splink.py"), left, right, out, arguments.kind], out)
    out = os.path.join(work, "recordlinkage.csv")
    measure("recordlinkage ECM", [python, os.path.join(HERE, "run_recordlinkage.py"), left, right, out,
                                  arguments.kind], out)

    print(f"\n{arguments.kind}: {records:,} records, {len(truth):,} true links, {os.cpu_count()} cores\n")
    print("| tool | precision | recall | F1 | time (s) | records/s | peak memory (MB) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, precision, recall, f1, seconds, memory in runs:
        if seconds is None:
            print(f"| {name} | failed | | | | | {memory:,.0f} at the end |")
            continue
        print(f"| {name} | {precision:.4f} | {recall:.4f} | {f1:.4f} | {seconds:.2f} | {records / seconds:,.0f} | "
              f"{memory:,.0f} |")
    if arguments.results:
        with open(arguments.results, "a") as file:
            for name, precision, recall, f1, seconds, memory in runs:
                file.write(json.dumps({
                    "data": arguments.kind, "records": records, "true_links": len(truth), "tool": name,
                    "precision": precision, "recall": recall, "f1": f1, "seconds": seconds,
                    "peak_memory_mb": memory}) + "\n")


if __name__ == "__main__":
    main()
