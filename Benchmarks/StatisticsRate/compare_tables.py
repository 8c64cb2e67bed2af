"""Compares the counts of the Swift and DuckDB runs (every one must agree) and prints the
times and peak memory of each."""
import glob
import json
import os
import statistics
import sys


def load(directory, tool):
    return [json.load(open(path)) for path in sorted(glob.glob(os.path.join(directory, f"{tool}-*.json")))]


def main():
    directory = sys.argv[1]
    swift, duck = load(directory, "swift"), load(directory, "duckdb")
    nonzero = lambda counts: {key: value for key, value in counts.items() if value}
    left, right = nonzero(swift[0]["counts"]), nonzero(duck[0]["counts"])
    differ = sorted(key for key in left.keys() | right.keys() if left.get(key) != right.get(key))
    for key in differ[:20]:
        print(f"    DIFFERENT {key}: Swift {left.get(key)}, DuckDB {right.get(key)}")
    if differ:
        sys.exit(f"{len(differ)} counts differ")
    print(f"    {len(left)} counts, every one the same in both ({swift[0]['referrals_in_year']:,} referrals in the "
          f"year of {swift[0]['referrals']:,} in the files)")
    for name, runs in (("Swift", swift), ("DuckDB " + duck[0]["duckdb"], duck)):
        median = lambda field: statistics.median(run[field] for run in runs)
        print(f"    {name:14} {median('seconds'):6.2f} s (reading {median('read_seconds'):5.2f} s, counting "
              f"{median('compute_seconds'):5.2f} s), peak memory {median('peak_memory_mb'):7.0f} MB, "
              f"threads {runs[0]['threads']} (median of {len(runs)})")
    ratio = statistics.median(r["seconds"] for r in duck) / statistics.median(r["seconds"] for r in swift)
    print(f"    DuckDB time / Swift time: {ratio:.2f}")


if __name__ == "__main__":
    main()
