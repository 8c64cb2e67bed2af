"""Prints one line of the national-system growth table from simulation-rate's JSON."""
import json
import sys

result = json.load(sys.stdin)
years = float(sys.argv[1])
milliseconds = result["seconds"] / (years + 1) * 1000  # one year of warm-up is simulated too
print(f"  {result['size']:>5} homes: {result['events_per_second']:>12,.0f} events/s, "
      f"{milliseconds:8.2f} ms per simulated year")
