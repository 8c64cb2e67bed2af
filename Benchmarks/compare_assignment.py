"""Side by side: SecurePlace's AssignmentSolver and scipy.optimize.linear_sum_assignment on the
same seeded dense random matrices (uniform costs in [0, 1), numpy's default_rng with the size
as seed). Both get the same matrix, read from the same file; each solves it REPEATS times and
the best time counts (the first solve pays for page faults on both sides). The totals must
agree to 1e-9, or the run fails.

    compare_assignment.py ASSIGNMENT-RATE-BINARY WORK-DIR [REPEATS]
"""
import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

SIZES = [(100, 15), (1000, 254), (2000, 2000)]


def main():
    binary, work = sys.argv[1], Path(sys.argv[2])
    repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    work.mkdir(parents=True, exist_ok=True)
    print(f"{'matrix':>11} | {'SecurePlace (ms)':>16} | {'scipy (ms)':>10} | {'scipy / SecurePlace':>19} | same answer")
    print(f"{'-' * 11}-|-{'-' * 16}-|-{'-' * 10}-|-{'-' * 19}-|------------")
    failed = False
    for rows, columns in SIZES:
        costs = np.random.default_rng(rows * 10_000 + columns).random((rows, columns))
        path = work / f"matrix-{rows}x{columns}.bin"
        with open(path, "wb") as file:
            file.write(np.array([rows, columns], dtype="<i8").tobytes())
            file.write(costs.astype("<f8").tobytes())
        swift = json.loads(subprocess.check_output([binary, str(path), str(repeats)]))
        best = float("inf")
        for _ in range(repeats):
            started = time.perf_counter()
            row_index, column_index = linear_sum_assignment(costs)
            best = min(best, time.perf_counter() - started)
        total = float(costs[row_index, column_index].sum())
        same = abs(total - swift["total"]) <= 1e-9 * max(1.0, abs(total))
        failed |= not same
        print(f"{rows:>5}×{columns:<5} | {swift['seconds'] * 1000:>16.3f} | {best * 1000:>10.3f} | "
              f"{best / swift['seconds']:>18.2f}× | {'yes' if same else 'NO: ' + str(swift['total']) + ' against ' + str(total)}")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
