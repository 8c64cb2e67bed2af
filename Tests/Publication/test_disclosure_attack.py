"""Every published table set, attacked by linear programming: no hidden count may be pinned
down to a band narrower than the rule hides (1 to 4: a band four wide)."""
import csv
import os
import subprocess
import time

import pytest

from disclosure_attack import attack, tables_in

BINARY = os.environ.get("SECUREPLACE_BINARY", "secureplace")
PROTECTION_WIDTH = 4


@pytest.fixture(scope="module", params=[3, 11])
def demo_database(request, tmp_path_factory):
    """Two demo data sets (the suppression was not tuned on either)."""
    directory = tmp_path_factory.mktemp(f"publication-seed-{request.param}")
    url = f"sqlite:///{directory}/demo.sqlite"
    subprocess.run([BINARY, "demo", "--database", url, "--months", "36", "--seed", str(request.param)], check=True,
                   capture_output=True)
    return directory, url


def financial_years():
    today = time.gmtime()
    start = today.tm_year if today.tm_mon >= 4 else today.tm_year - 1
    # The year in progress and the two before it, all inside the demo's three years.
    return [f"{year}-{(year + 1) % 100:02d}" for year in (start - 2, start - 1, start)]


@pytest.mark.parametrize("period", financial_years())
def test_no_hidden_count_can_be_narrowed_below_the_protection_band(demo_database, period):
    directory, url = demo_database
    out = directory / period
    result = subprocess.run([BINARY, "statistics", "publish", "--database", url, "--period", period, "--out", str(out)],
                            check=True, capture_output=True, text=True)
    print(result.stdout.strip())
    started = time.monotonic()
    ranges = attack(tables_in(out))
    seconds = time.monotonic() - started
    narrow = {key: span for key, span in ranges.items() if span[1] - span[0] < PROTECTION_WIDTH}
    print(f"{period}: {len(ranges)} hidden counts attacked in {seconds:.1f} s; "
          f"narrowest band {min((h - l for l, h in ranges.values()), default=None)}")
    assert ranges, "the publication hides nothing: the attack would prove nothing"
    assert not narrow, f"{len(narrow)} hidden counts can be narrowed: {list(narrow.items())[:5]}"


def test_the_same_data_is_always_published_with_the_same_cells_hidden(demo_database):
    """Two runs (two processes) must hide the same cells, or comparing them would undo both."""
    directory, url = demo_database
    period = financial_years()[1]
    outputs = []
    for run in ("first", "second"):
        out = directory / f"again-{run}"
        subprocess.run([BINARY, "statistics", "publish", "--database", url, "--period", period, "--out", str(out)],
                       check=True, capture_output=True)
        outputs.append({name: (out / name).read_text() for name in sorted(os.listdir(out))})
    assert outputs[0] == outputs[1]


def test_the_attack_finds_a_count_hidden_alone(tmp_path):
    """The same attack on a table where a small count was hidden with nothing beside it but the
    count it adds up with: both are worked out exactly."""
    (tmp_path / "referral_outcomes.meta.csv").write_text(
        "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n"
        "child_profile,Filter,Profile,,,,,\ndecided,Indicator,Decided,,,0,,\nplaced,Indicator,Placed,,,0,,\n"
        "closed_unplaced,Indicator,Closed unplaced,,,0,,\n")
    place = "202526,Financial year,National,K04000001,England and Wales,,,,"
    (tmp_path / "referral_outcomes.csv").write_text(
        "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,"
        "la_name,child_profile,decided,placed,closed_unplaced\n"
        f"{place},Total,30,24,6\n{place},Older,10,c,c\n{place},Other,20,15,5\n")
    ranges = attack(tables_in(tmp_path))
    # Older placed is 24 − 15 = 9 and closed 6 − 5 = 1.
    assert sorted(ranges.values()) == [(1, 1), (9, 9)]


def test_the_attack_uses_the_placement_identities_and_the_link_to_the_outcomes(tmp_path):
    """A count hidden in the placements table is found from the outcomes table that counts the
    same children, and a hidden distance band from the other bands: the intruder knows every sum
    the methodology states."""
    header = "col_name,col_type,label,indicator_grouping,indicator_unit,indicator_dp,filter_hint,filter_grouping_column\n"
    place_columns = ("time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,"
                     "new_la_code,la_name")
    place = "202526,Financial year,National,K04000001,England and Wales,,,,"
    (tmp_path / "referral_outcomes.meta.csv").write_text(
        header + "child_profile,Filter,Profile,,,,,\ndecided,Indicator,Decided,,,0,,\nplaced,Indicator,Placed,,,0,,\n"
        "closed_unplaced,Indicator,Closed unplaced,,,0,,\n")
    (tmp_path / "referral_outcomes.csv").write_text(
        f"{place_columns},child_profile,decided,placed,closed_unplaced\n{place},Total,30,24,6\n")
    (tmp_path / "placements.meta.csv").write_text(
        header + "placed,Indicator,Placed,,,0,,\nmedian_km_from_home,Indicator,Median,,km,0,,\n"
        "within_100_km,Indicator,Within,,,0,,\nfurther_than_100_km,Indicator,Further,,,0,,\n"
        "distance_not_known,Indicator,Not known,,,0,,\n")
    (tmp_path / "placements.csv").write_text(
        f"{place_columns},placed,median_km_from_home,within_100_km,further_than_100_km,distance_not_known\n"
        f"{place},c,80,c,20,0\n")
    ranges = attack(tables_in(tmp_path))
    # Placed is the outcomes table's 24; within 100 km is 24 − 20 − 0; the median is no count.
    assert sorted(ranges.values()) == [(4, 4), (24, 24)]
