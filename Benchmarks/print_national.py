"""Prints one line of the national-system table from simulation-rate's JSON lines (one per
run of the same model): the median event-loop rate over the runs (the machine is shared, so a
single run can land on a busy moment), and the model's preparation time, done once per set of
replications and timed apart."""
import json
import statistics
import sys

runs = [json.loads(line) for line in sys.stdin if line.strip()]
years = float(sys.argv[1])
rates = [r["events_per_second"] for r in runs]
median_seconds = statistics.median(r["seconds"] for r in runs)
milliseconds = median_seconds / (years + 1) * 1000  # one year of warm-up is simulated too
first = runs[0]
print(f"  {first['size']:>5} homes, {first['circulation']:<12}: {statistics.median(rates):>12,.0f} events/s "
      f"(median of {len(runs)}, {min(rates):,.0f} to {max(rates):,.0f}), {milliseconds:7.2f} ms per simulated year; "
      f"model prepared in {statistics.median(r['preparation_seconds'] for r in runs) * 1000:5.1f} ms")
