"""Links two CSV files with Splink 5 (DuckDB), unsupervised, and writes the pairs it links.

    python run_splink.py LEFT RIGHT OUT febrl4|febrl4-nossid|synthetic|ukadmin|transcribed
    python run_splink.py FILE - OUT febrl1|febrl2|febrl3      (duplicates within one file)

Parameters are estimated as Splink's documentation recommends: the prior from deterministic
rules, u by random sampling, m by expectation-maximisation over two blocking passes. u is counted
from exactly 1,000,000 random pairs (Splink's default max_pairs, with its early stop turned off
so that all are drawn), the number SecurePlace draws: the same sampling work on both sides. Pairs at
a match probability of 0.95 or more are written (left_id,right_id), the same threshold as
SecurePlace's link threshold.

Splink's documentation asks for cleaned input (names in one case, dates in one format). The
synthetic and FEBRL files are written that way; the UK administrative and transcribed extracts
(ukadmin, transcribed) are not, as a partner's system writes them, so for Splink their names
are put in lower case, their dates (DD/MM/YYYY, YYYY-MM-DD or "5 Mar 2011") written
YYYY-MM-DD, their sex (MALE/FEMALE) M or F, and their addresses in lower case, before linking:
the cleaning SecurePlace does itself. Its comparisons are the synthetic ones
with Splink's postcode comparison and an address comparison.
"""
import os
import sys

import duckdb
import pandas as pd
import splink.comparison_library as cl
from splink import DuckDBAPI, Linker, SettingsCreator, block_on


# The random pairs u is counted from, as many as SecurePlace draws (RuleByRuleEstimation).
RANDOM_PAIRS = 1_000_000


def settings(kind):
    if kind.startswith("febrl"):
        # febrl4-nossid leaves out soc_sec_id, the near-unique identifier.
        identifier = kind != "febrl4-nossid"
        comparisons = [
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y%m%d"),
            *([cl.LevenshteinAtThresholds("soc_sec_id", [1, 2])] if identifier else []),
            cl.ExactMatch("street_number"),
            cl.JaroWinklerAtThresholds("address_1", [0.92, 0.8]),
            cl.JaroWinklerAtThresholds("suburb", [0.92, 0.8]),
            cl.LevenshteinAtThresholds("postcode", [1]),
            cl.ExactMatch("state"),
        ]
        blocking = [block_on("given_name"), block_on("surname"), block_on("date_of_birth"),
                    block_on("postcode"), *([block_on("soc_sec_id")] if identifier else [])]
        training = [block_on("date_of_birth"), block_on("surname")]
        deterministic = [*([block_on("soc_sec_id")] if identifier else []),
                         block_on("given_name", "surname", "date_of_birth")]
    else:
        comparisons = [
            cl.NameComparison("given_name"),
            cl.NameComparison("surname"),
            cl.DateOfBirthComparison("date_of_birth", input_is_string=True, datetime_format="%Y-%m-%d"),
            cl.ExactMatch("sex"),
        ]
        if kind in ("ukadmin", "transcribed"):
            # These extracts have real-format postcodes and an address.
            comparisons += [cl.PostcodeComparison("postcode"), cl.JaroWinklerAtThresholds("address", [0.92, 0.8])]
        else:
            comparisons.append(cl.LevenshteinAtThresholds("postcode", [1, 2]))
        blocking = [block_on("surname", "given_name"), block_on("surname", "date_of_birth"),
                    block_on("given_name", "date_of_birth"), block_on("postcode", "date_of_birth")]
        training = [block_on("date_of_birth"), block_on("surname", "given_name")]
        deterministic = [block_on("given_name", "surname", "date_of_birth")]
    return SettingsCreator(
        link_type="link_only" if kind in ("febrl4", "febrl4-nossid", "synthetic", "ukadmin", "transcribed")
        else "dedupe_only", comparisons=comparisons, blocking_rules_to_generate_predictions=blocking,
        unique_id_column_name="id", retain_matching_columns=False), training, deterministic


def cleaned(frame):
    """The cleaning Splink's documentation asks for: one case, one date format, one sex code."""
    frame = frame.copy()
    for column in ("given_name", "surname", "address"):
        frame[column] = frame[column].str.lower()
    written = frame["date_of_birth"]
    dates = pd.to_datetime(written, format="%d/%m/%Y", errors="coerce")
    for other in ("%Y-%m-%d", "%d %b %Y"):
        dates = dates.fillna(pd.to_datetime(written, format=other, errors="coerce"))
    frame["date_of_birth"] = dates.dt.strftime("%Y-%m-%d").where(dates.notna(), None)
    frame["sex"] = frame["sex"].map({"M": "M", "F": "F", "MALE": "M", "FEMALE": "F"})
    frame["postcode"] = frame["postcode"].str.upper()
    return frame


def main(left, right, out, kind):
    creator, training, deterministic = settings(kind)
    paths = (left, right) if right != "-" else (left,)
    frames = [pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None) for path in paths]
    if kind in ("ukadmin", "transcribed"):
        frames = [cleaned(frame) for frame in frames]
    # DuckDB's default limit is 80% of the machine's memory; a lower one with spilling to disk
    # keeps the process alive on large files (the peak measured is still the process's own).
    connection = duckdb.connect()
    connection.execute("SET memory_limit = '14GB'")
    spill = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", ".build-tools", "duckdb-spill")
    connection.execute(f"SET temp_directory = '{spill}'")
    db_api = DuckDBAPI(connection=connection)
    tables = [db_api.register(frame, dataset_display_name=f"input_{index}") for index, frame in enumerate(frames)]
    linker = Linker(tables if len(tables) > 1 else tables[0], creator)
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.8)
    linker.training.estimate_u_using_random_sampling(max_pairs=RANDOM_PAIRS, min_count_per_level=None)
    for rule in training:
        linker.training.estimate_parameters_using_expectation_maximisation(rule)
    predictions = linker.inference.predict(threshold_match_probability=0.95).as_pandas_dataframe()
    predictions[["id_l", "id_r"]].rename(columns={"id_l": "left_id", "id_r": "right_id"}).to_csv(out, index=False)


if __name__ == "__main__":
    main(*sys.argv[1:5])
