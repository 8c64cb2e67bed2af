"""`secureplace link --explain` as an analyst asks why two records were or were not linked: the
pair's match weight field by field, names masked as the review page masks them."""
import os
import random
import subprocess

BINARY = os.environ.get("SECUREPLACE_BINARY", "secureplace")
GIVEN = ["olivia", "amelia", "isla", "ava", "mia", "jack", "noah", "leo", "oscar", "harry", "arthur", "muhammad"]
FAMILY = ["smith", "jones", "taylor", "brown", "williams", "wilson", "johnson", "davies", "patel", "wright",
          "robinson", "thompson", "evans", "walker", "white", "roberts", "green", "hall", "wood", "jackson"]


def write_files(directory, people=400, seed=3):
    generator = random.Random(seed)
    left = ["id,given_name,surname,date_of_birth,sex,postcode"]
    right = list(left)
    for number in range(people):
        given, family = generator.choice(GIVEN), generator.choice(FAMILY) + generator.choice(["", "son", "ley"])
        born = f"{generator.randint(2006, 2013)}-{generator.randint(1, 12):02d}-{generator.randint(1, 28):02d}"
        sex = "F" if given in GIVEN[:5] else "M"
        postcode = f"M{generator.randint(1, 40)} {generator.randint(1, 9)}{generator.choice('ABDEFG')}{generator.choice('HJLNP')}"
        left.append(f"L{number},{given},{family},{born},{sex},{postcode}")
        # The same child in the partner's file, having moved house.
        moved = f"LS{generator.randint(1, 30)} {generator.randint(1, 9)}AB"
        right.append(f"R{number},{given},{family},{born},{sex},{moved}")
    (directory / "left.csv").write_text("\n".join(left) + "\n")
    (directory / "right.csv").write_text("\n".join(right) + "\n")


def explain(directory, *ids):
    return subprocess.run(
        [BINARY, "link", "--left", str(directory / "left.csv"), "--right", str(directory / "right.csv"), "--explain",
         *ids], capture_output=True, text=True)


def test_a_pair_is_explained_field_by_field_with_names_masked(tmp_path):
    write_files(tmp_path)
    result = explain(tmp_path, "L7", "R7")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Pair L7 × R7: match weight ")
    fields = [line.split()[0] for line in lines if line.split() and line.split()[0] in
              ("prior", "given_name", "surname", "date_of_birth", "sex", "postcode")]
    assert fields == ["prior", "given_name", "surname", "date_of_birth", "sex", "postcode"]
    # The running total after the last field is the prior plus the pair's match weight.
    weight = float(lines[0].split("match weight ")[1].split(",")[0])
    prior = float(next(line for line in lines if line.startswith("prior")).split()[1])
    last = float(next(line for line in lines if line.startswith("postcode")).split("running")[1])
    assert abs(prior + weight - last) < 0.02
    left_row = (tmp_path / "left.csv").read_text().splitlines()[8]
    given_name = left_row.split(",")[1]
    assert given_name not in result.stdout, "names are masked"


def test_two_records_no_rule_puts_together_are_said_never_compared(tmp_path):
    write_files(tmp_path)
    left = (tmp_path / "left.csv").read_text().splitlines()
    right = (tmp_path / "right.csv").read_text().splitlines()
    # A right record with another surname and birth year than L0 and a postcode far from it.
    l0 = left[1].split(",")
    other = next(row.split(",")[0] for row in right[1:] if row.split(",")[2][:2] != l0[2][:2]
                 and row.split(",")[3][:4] != l0[3][:4] and row.split(",")[1] != l0[1])
    result = explain(tmp_path, "L0", other)
    assert result.returncode == 0, result.stderr
    assert "never compared: no blocking rule puts the two together" in result.stdout.splitlines()[0]


def test_an_unknown_record_or_one_id_is_refused(tmp_path):
    write_files(tmp_path, people=50)
    unknown = explain(tmp_path, "L1", "R999")
    assert unknown.returncode != 0
    assert "No record R999 in" in unknown.stderr
    one = explain(tmp_path, "L1")
    assert one.returncode != 0
    assert "--explain takes two ids" in one.stderr


def test_every_candidate_pair_is_written_with_its_probability(tmp_path):
    write_files(tmp_path)
    scores, links = tmp_path / "scores.csv", tmp_path / "links.csv"
    result = subprocess.run(
        [BINARY, "link", "--left", str(tmp_path / "left.csv"), "--right", str(tmp_path / "right.csv"), "--out",
         str(links), "--scores", str(scores)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    compared = int(next(line for line in result.stdout.splitlines()
                        if line.startswith("Candidate pairs compared:")).split(":")[1].split()[0])
    rows = scores.read_text().splitlines()
    assert rows[0] == "left_id,right_id,match_weight,match_probability"
    assert len(rows) - 1 == compared
    linked = set(links.read_text().splitlines()[1:])
    assert linked and linked <= set(rows[1:])


def test_every_candidate_pair_within_one_file_is_written_too(tmp_path):
    write_files(tmp_path)
    left, right = ((tmp_path / name).read_text().splitlines() for name in ("left.csv", "right.csv"))
    (tmp_path / "both.csv").write_text("\n".join(left + right[1:]) + "\n")
    scores, pairs = tmp_path / "scores.csv", tmp_path / "pairs.csv"
    result = subprocess.run(
        [BINARY, "link", "dedupe", "--input", str(tmp_path / "both.csv"), "--out", str(pairs), "--scores",
         str(scores)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    compared = int(next(line for line in result.stdout.splitlines()
                        if line.startswith("Candidate pairs compared:")).split(":")[1].split()[0])
    rows = scores.read_text().splitlines()
    assert len(rows) - 1 == compared
    assert set(pairs.read_text().splitlines()[1:]) <= set(rows[1:]), "every pair found is among the candidates"
    assert any(row.startswith("L7,R7,") or row.startswith("R7,L7,") for row in rows), "the same child twice"
