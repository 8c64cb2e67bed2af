"""Writes a generator's pair of files and their true links, in the layout compare.py reads."""
import csv
import os

HEADER = ["id", "given_name", "surname", "date_of_birth", "sex", "postcode", "address"]


def write(out, name, left_rows, right_rows, truth):
    """NAME_a.csv and NAME_b.csv (HEADER, then the rows) and NAME_truth.csv (left_id,right_id)."""
    os.makedirs(out, exist_ok=True)
    for suffix, rows, header in (("a", left_rows, HEADER), ("b", right_rows, HEADER),
                                 ("truth", sorted(truth), ["left_id", "right_id"])):
        with open(os.path.join(out, f"{name}_{suffix}.csv"), "w", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(header)
            writer.writerows(rows)
