"""Links two CSV files with the recordlinkage package's unsupervised ECM classifier (EM on
binary comparison vectors) and writes the pairs it links.

    python run_recordlinkage.py LEFT RIGHT OUT febrl4|synthetic
    python run_recordlinkage.py FILE - OUT febrl1|febrl2|febrl3     (duplicates within one file)

Candidate pairs come from the same blocking passes as SecurePlace's configuration; strings are
compared by Jaro-Winkler at 0.85 (names) or Levenshtein similarity at 0.85 (other text), as in
the package's FEBRL examples.
"""
import sys

import pandas as pd
import recordlinkage


def features(kind):
    if kind == "febrl4-nossid":
        # FEBRL4 without soc_sec_id, the near-unique identifier.
        blocks = ["given_name", "surname", "date_of_birth", "postcode"]
        names = ["given_name", "surname"]
        exact = ["date_of_birth", "street_number", "state"]
        text = ["address_1", "suburb", "postcode"]
    elif kind.startswith("febrl"):
        blocks = ["given_name", "surname", "date_of_birth", "postcode", "soc_sec_id"]
        names = ["given_name", "surname"]
        exact = ["date_of_birth", "street_number", "state"]
        text = ["soc_sec_id", "address_1", "suburb", "postcode"]
    else:
        blocks = [["surname", "given_name"], ["surname", "date_of_birth"], ["given_name", "date_of_birth"],
                  ["postcode", "date_of_birth"]]
        names = ["given_name", "surname"]
        exact = ["date_of_birth", "sex"]
        text = ["postcode"]
    return blocks, names, exact, text


def main(left, right, out, kind):
    a = pd.read_csv(left, dtype=str, keep_default_na=False).set_index("id")
    b = pd.read_csv(right, dtype=str, keep_default_na=False).set_index("id") if right != "-" else None
    blocks, names, exact, text = features(kind)
    indexer = recordlinkage.Index()
    for block in blocks:
        indexer.block(block)
    pairs = indexer.index(a, b) if b is not None else indexer.index(a)
    compare = recordlinkage.Compare()
    for column in names:
        compare.string(column, column, method="jarowinkler", threshold=0.85, label=column)
    for column in exact:
        compare.exact(column, column, label=column)
    for column in text:
        compare.string(column, column, method="levenshtein", threshold=0.85, label=column)
    vectors = compare.compute(pairs, a, b) if b is not None else compare.compute(pairs, a)
    matches = recordlinkage.ECMClassifier(binarize=None).fit_predict(vectors)
    frame = matches.to_frame(index=False)
    frame.columns = ["left_id", "right_id"]
    frame.to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:5])
