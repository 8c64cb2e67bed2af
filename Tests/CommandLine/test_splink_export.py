"""`secureplace link --export-splink`: the fitted model runs in Splink (DuckDB) on the files
`secureplace link prepare` writes, and scores every candidate pair as SecurePlace scored it.

Tolerance: a pair's match weight (prior included) within 0.00005 of SecurePlace's, half a unit in
the last of the four decimal places SecurePlace's files print (the arithmetic is the same on the
same m, u, prior and term frequencies), and the same pairs at match probability 0.95 or more."""
import json
import math
import os
import random
import subprocess

import duckdb
import pandas as pd

BINARY = os.environ.get("SECUREPLACE_BINARY", "secureplace")
GIVEN = ["olivia", "amelia", "isla", "ava", "mia", "jack", "noah", "leo", "oscar", "harry", "arthur", "muhammad",
         "william", "elizabeth", "margaret", "thomas", "mary ann", "jean-paul"]
SHORT = {"william": "Bill", "elizabeth": "Liz", "margaret": "Peggy", "thomas": "Tom", "harry": "Hal"}
FAMILY = ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "wright",
          "robinson", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson",
          "o'brien", "smith-jones", "van der berg"]


def typo(generator, text):
    position = generator.randrange(len(text))
    return text[:position] + generator.choice("aeiourstn") + text[position + 1:]


def write_files(directory, people=1500, seed=7):
    """The same children in two services' files: one service writes capitals, DD/MM/YYYY and
    MALE/FEMALE; names swapped, shortened, half a double surname, an initial, typos, house moves,
    blanks and a date a day out, each in a share of the second file."""
    generator = random.Random(seed)
    header = "id,given_name,surname,date_of_birth,sex,postcode,address"
    left, right = [header], [header]
    for number in range(people):
        given, family = generator.choice(GIVEN), generator.choice(FAMILY)
        year, month, day = generator.randint(2006, 2013), generator.randint(1, 12), generator.randint(1, 28)
        sex = generator.choice("MF")
        postcode = f"M{generator.randint(1, 40)} {generator.randint(1, 9)}{generator.choice('ABDEFG')}{generator.choice('HJLNP')}"
        address = f"{generator.randint(1, 200)} {generator.choice(['high street', 'mill lane', 'church road'])}"
        left.append(f"L{number},{given},{family},{year}-{month:02d}-{day:02d},{sex},{postcode},{address}")
        if generator.random() < 0.3:
            continue
        g, f, d = given, family, day
        change = generator.random()
        if change < 0.08:
            g, f = f, g
        elif change < 0.16 and given in SHORT:
            g = SHORT[given]
        elif change < 0.22 and ("-" in family or "-" in given or " " in given):
            f = family.split("-")[-1]
            g = given.replace("-", " ").split()[0]
        elif change < 0.26:
            g = given[0] + "."
        elif change < 0.40:
            f = typo(generator, family)
        if generator.random() < 0.05:
            d = d + 1
        moved = f"LS{generator.randint(1, 30)} {generator.randint(1, 9)}AB" if generator.random() < 0.4 else postcode
        blank = generator.random() < 0.05
        right.append(",".join([
            f"R{number}", "" if blank else g.upper(), f'"{f.upper()}"', f"{d:02d}/{month:02d}/{year}",
            {"M": "MALE", "F": "FEMALE"}[sex], moved.lower(), address.upper()]))
    for name, lines in (("left.csv", left), ("right.csv", right)):
        (directory / name).write_text("\n".join(lines) + "\n")


def run(*arguments):
    result = subprocess.run([BINARY, "link", *arguments], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result


def splink_scores(settings_path, prepared):
    from splink import DuckDBAPI, Linker

    db_api = DuckDBAPI(connection=duckdb.connect())
    tables = [db_api.register(pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None),
                              dataset_display_name=name) for name, path in prepared]
    linker = Linker(tables if len(tables) > 1 else tables[0], str(settings_path))
    return linker.inference.predict().as_duckdbpyrelation().df()


def test_the_exported_model_scores_every_pair_in_splink_as_secureplace_does(tmp_path):
    write_files(tmp_path)
    settings = tmp_path / "settings.json"
    run("--left", str(tmp_path / "left.csv"), "--right", str(tmp_path / "right.csv"), "--out",
        str(tmp_path / "links.csv"), "--scores", str(tmp_path / "scores.csv"), "--export-splink", str(settings))
    for side in ("left", "right"):
        run("prepare", "--input", str(tmp_path / f"{side}.csv"), "--out", str(tmp_path / f"{side}.prepared.csv"))
    exported = json.loads(settings.read_text())
    prior = exported["probability_two_random_records_match"]
    names = {comparison["output_column_name"] for comparison in exported["comparisons"]}
    assert names == {"given_name", "surname", "date_of_birth", "sex", "postcode", "address"}

    ours = pd.read_csv(tmp_path / "scores.csv", dtype={"left_id": str, "right_id": str})
    ours["match_weight"] += math.log2(prior / (1 - prior))
    theirs = splink_scores(settings, [("cohort", tmp_path / "left.prepared.csv"),
                                      ("extract", tmp_path / "right.prepared.csv")])
    theirs = theirs.rename(columns={"id_l": "left_id", "id_r": "right_id"})
    assert len(theirs) == len(ours) > 1000, "the same candidate pairs from the same blocking rules"
    both = ours.merge(theirs, on=["left_id", "right_id"], suffixes=("", "_splink"))
    assert len(both) == len(ours)
    worst = (both["match_weight"] - both["match_weight_splink"]).abs().max()
    assert worst <= 0.00005 + 1e-9, both.loc[(both["match_weight"] - both["match_weight_splink"]).abs().idxmax()]
    linked = set(map(tuple, ours.loc[ours["match_probability"] >= 0.95, ["left_id", "right_id"]].values))
    linked_in_splink = set(map(tuple, theirs.loc[theirs["match_probability"] >= 0.95, ["left_id", "right_id"]].values))
    assert linked == linked_in_splink
    # Each way of writing a name reached Splink as its own level, with SecurePlace's m and u.
    given = next(c for c in exported["comparisons"] if c["output_column_name"] == "given_name")
    labels = [level["label_for_charts"] for level in given["comparison_levels"]]
    assert labels[:4] == ["missing", "same", "given and family names swapped", "a known short form"]
    assert "initial only" in labels and "one part the same" in labels
    gamma = both.groupby("gamma_given_name").size()
    assert {1, 2, 3, 4, 5, 6, 7} <= set(gamma.index), f"levels met in Splink: {dict(gamma)}"


def test_an_encoded_linkage_is_refused_with_the_reason(tmp_path):
    write_files(tmp_path, people=20)
    result = subprocess.run(
        [BINARY, "link", "--left", str(tmp_path / "left.csv"), "--right", str(tmp_path / "right.csv"), "--encoded",
         "--export-splink", str(tmp_path / "settings.json")], capture_output=True, text=True)
    assert result.returncode != 0
    assert "Dice" in result.stderr
