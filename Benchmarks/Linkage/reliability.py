"""Whether SecurePlace's match probabilities mean what they say, on a labelled set: every
candidate pair's probability (`secureplace link --scores FILE`) against the true links.

    python reliability.py SCORES TRUTH [--unordered]

Prints a reliability table (the pairs in each band of predicted probability, their mean
predicted probability and the share of them that are true links) and the expected calibration
error: the bands' gaps between mean predicted probability and share of true links, weighed by
the pairs in each band; over every candidate, where the hundreds of thousands of plain
non-matches below 0.01 make it small whatever happens above, and over the pairs from 0.01 up,
where the decisions are made. Only candidate pairs are counted: a pair no blocking rule put together
has no probability to judge.
"""
import argparse
import csv

BANDS = [0.0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 1.0000001]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("scores")
    parser.add_argument("truth")
    parser.add_argument("--unordered", action="store_true", help="pairs within one file, either way round")
    arguments = parser.parse_args()
    with open(arguments.truth) as handle:
        truth = {tuple(row[:2]) for row in list(csv.reader(handle))[1:]}
    if arguments.unordered:
        truth = {tuple(sorted(pair)) for pair in truth}
    counts = [[0, 0.0, 0] for _ in BANDS[:-1]]
    with open(arguments.scores) as handle:
        reader = csv.reader(handle)
        next(reader)
        for left, right, _, probability in reader:
            p = float(probability)
            band = next(index for index in range(len(BANDS) - 1) if BANDS[index] <= p < BANDS[index + 1])
            pair = tuple(sorted((left, right))) if arguments.unordered else (left, right)
            counts[band][0] += 1
            counts[band][1] += p
            counts[band][2] += pair in truth
    total = sum(count for count, _, _ in counts)
    print("| predicted probability | pairs | mean predicted | share true links | gap |")
    print("| --- | ---: | ---: | ---: | ---: |")
    error = 0.0
    for index, (count, predicted, true) in enumerate(counts):
        upper = min(BANDS[index + 1], 1.0)
        label = f"{BANDS[index]:.2f} to {upper:.2f}"
        if count == 0:
            print(f"| {label} | 0 | | | |")
            continue
        mean, share = predicted / count, true / count
        error += count / total * abs(mean - share)
        print(f"| {label} | {count:,} | {mean:.4f} | {share:.4f} | {mean - share:+.4f} |")
    above = counts[1:]
    total_above = sum(count for count, _, _ in above)
    error_above = sum(count / total_above * abs(predicted / count - true / count)
                      for count, predicted, true in above if count) if total_above else 0.0
    print(f"\nExpected calibration error: {error:.4f} over {total:,} candidate pairs; "
          f"{error_above:.4f} over the {total_above:,} from 0.01 up")


if __name__ == "__main__":
    main()
