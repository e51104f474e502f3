import pytest

from kpu_desk.sop.timestd import DurationKind, TimeStandardError, parse_time_standard


@pytest.mark.parametrize(
    "text, kind, amount",
    [
        ("5 menit", DurationKind.MINUTES, 5),
        ("60 menit", DurationKind.MINUTES, 60),
        ("1 jam", DurationKind.MINUTES, 60),
        ("2 Jam", DurationKind.MINUTES, 120),
        ("1 hari", DurationKind.WORKING_DAYS, 1),
        ("1 hari kerja", DurationKind.WORKING_DAYS, 1),
        ("Hari Ke 3", DurationKind.CASE_DAY, 3),
        ("Hari ke  5", DurationKind.CASE_DAY, 5),
        ("-", DurationKind.NONE, 0),
        ("", DurationKind.NONE, 0),
    ],
)
def test_every_form_in_the_seeds_parses(text, kind, amount):
    duration = parse_time_standard(text)
    assert (duration.kind, duration.amount, duration.as_written) == (kind, amount, text)


def test_an_hour_and_sixty_minutes_are_the_same_standard():
    assert parse_time_standard("1 jam").minutes == parse_time_standard("60 menit").minutes == 60


@pytest.mark.parametrize("text", ["segera", "5 minutes", "0 menit", "1,5 jam", "hari ke", "3"])
def test_anything_else_is_refused_in_indonesian(text):
    with pytest.raises(TimeStandardError, match="tidak dikenali|lebih dari nol"):
        parse_time_standard(text)


def test_describe_speaks_as_a_clerk():
    assert parse_time_standard("60 menit").describe() == "1 jam"
    assert parse_time_standard("1 hari").describe() == "1 hari kerja"
    assert "ke-3" in parse_time_standard("Hari Ke 3").describe()
