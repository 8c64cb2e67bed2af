"""The M/M/c/c loss system in SimPy, the same model as BenchmarkModels.lossSystem.

Written as SimPy intends: a Resource for the beds, a process per stay. Prints one JSON
object like the Swift `simulation-rate` executable, counting the same events (arrivals
and departures after warm-up and before it alike).
"""
import json
import random
import sys
import time

import simpy


def run(beds: int, arrivals: int, seed: int = 1) -> dict:
    mean_stay = 30.0
    load = beds * 0.9
    rate = load / mean_stay
    warm_up = 10 * mean_stay
    measured = arrivals / load * mean_stay
    env = simpy.Environment()
    ward = simpy.Resource(env, capacity=beds)
    rng = random.Random(seed)
    counts = {"events": 0, "arrivals": 0, "blocked": 0}

    def stay(request):
        yield env.timeout(rng.expovariate(1 / mean_stay))
        ward.release(request)
        counts["events"] += 1

    def referrals():
        while True:
            yield env.timeout(rng.expovariate(rate))
            if env.now >= warm_up + measured:
                return
            counts["events"] += 1
            measuring = env.now >= warm_up
            if measuring:
                counts["arrivals"] += 1
            if ward.count >= beds:
                if measuring:
                    counts["blocked"] += 1
            else:
                env.process(stay(ward.request()))

    env.process(referrals())
    started = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - started
    return {
        "model": "loss",
        "size": beds,
        "events": counts["events"],
        "seconds": seconds,
        "events_per_second": counts["events"] / seconds,
        "arrivals": counts["arrivals"],
        "blocking": counts["blocked"] / max(counts["arrivals"], 1),
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]), int(sys.argv[2]))))
