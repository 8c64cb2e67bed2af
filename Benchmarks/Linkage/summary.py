"""Prints one table from the figures `compare.py --results FILE` appended, one row per data set:
each tool's F1 with its time and peak memory, then how SecurePlace's F1 and time compare with
Splink's on the same files at the same threshold.

    python summary.py RESULTS
"""
import json
import sys

ORDER = ["febrl1", "febrl2", "febrl3", "febrl4", "febrl4-nossid", "ukadmin", "transcribed", "synthetic"]
NAMES = {
    "febrl1": "FEBRL1 (one file)", "febrl2": "FEBRL2 (one file)", "febrl3": "FEBRL3 (one file)",
    "febrl4": "FEBRL4", "febrl4-nossid": "FEBRL4 without soc_sec_id", "ukadmin": "UK administrative",
    "transcribed": "transcribed", "synthetic": "synthetic people",
}


def cell(run):
    if run is None:
        return "not run"
    if run["seconds"] is None:
        return f"failed ({run['peak_memory_mb']:,.0f} MB)"
    return f"{run['f1']:.4f} ({run['seconds']:.2f} s, {run['peak_memory_mb']:,.0f} MB)"


def main(path):
    runs = {}
    tools = []
    for line in open(path):
        run = json.loads(line)
        runs[(run["data"], run["tool"])] = run
        if run["tool"] not in tools:
            tools.append(run["tool"])
    splink = next((tool for tool in tools if tool.startswith("Splink")), None)
    data = [kind for kind in ORDER if any(key[0] == kind for key in runs)]
    print("F1 at match probability 0.95 (time, peak memory); the last two columns compare SecurePlace (its defaults "
          f"on the extracts) with {splink or 'Splink'} on the same files, the time with the same blocking on both "
          "sides (SecurePlace, Splink's blocking, where the defaults block otherwise).\n")
    print("| data | records | true links | " + " | ".join(tools) + " | F1 difference | Splink's time / ours |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in tools) + " | ---: | ---: |")
    for kind in data:
        first = next(run for key, run in runs.items() if key[0] == kind)
        ours, theirs = runs.get((kind, "SecurePlace")), runs.get((kind, splink))
        # Time is compared with the same blocking on both sides where the defaults block otherwise.
        timed = runs.get((kind, "SecurePlace, Splink's blocking")) or ours
        difference = ratio = ""
        if ours and theirs and ours["seconds"] and theirs["seconds"]:
            difference = f"{ours['f1'] - theirs['f1']:+.4f}"
        if timed and theirs and timed["seconds"] and theirs["seconds"]:
            ratio = f"{theirs['seconds'] / timed['seconds']:.1f}"
        print(f"| {NAMES.get(kind, kind)} | {first['records']:,} | {first['true_links']:,} | "
              + " | ".join(cell(runs.get((kind, tool))) for tool in tools) + f" | {difference} | {ratio} |")


if __name__ == "__main__":
    main(sys.argv[1])
