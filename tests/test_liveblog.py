"""Live-blog segmentation: markers, times in UTC, and what is not a marker."""

from datetime import date, datetime, timedelta, timezone

import pytest

from marsad.ingest.liveblog import segment, segment_with_notes

DAY = date(2023, 10, 9)


def utc(hour: int, minute: int = 0, day: date = DAY) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=timezone.utc)


def assert_tiles(text: str, segments) -> None:
    """Check ids run s0, s1, ... and entries follow each other without gaps."""
    assert [s.id for s in segments] == [f"s{i}" for i in range(len(segments))]
    assert segments[-1].end == len(text)
    for before, after in zip(segments, segments[1:]):
        assert before.end == after.start
    assert not text[:segments[0].start].strip()


NEWEST_FIRST = (
    "PHOTO: Smoke over the northern ridge, seen from the valley road\n\n"
    "UPDATE 1745 GMT: The provincial council says the ceasefire will hold overnight.\n\n"
    "A council member added that aid trucks may pass at dawn.\n\n"
    "UPDATE 1310 GMT: Two shells landed near the grain depot, local radio reported.\n\n"
    "UPDATE 0905 GMT: Residents heard gunfire on the eastern outskirts.\n\n"
    "ORIGINAL ENTRY: Fighting resumed overnight around the hill villages.\n"
)


def test_liveblog_entries_newest_first_keep_their_own_times():
    segments = segment(NEWEST_FIRST, DAY)
    assert [s.label for s in segments] == [
        None, "UPDATE 1745 GMT", "UPDATE 1310 GMT", "UPDATE 0905 GMT", "ORIGINAL ENTRY"]
    assert [s.time for s in segments] == [None, utc(17, 45), utc(13, 10), utc(9, 5), None]
    assert NEWEST_FIRST[segments[1].start:].startswith("UPDATE 1745 GMT:")
    assert "aid trucks" in NEWEST_FIRST[segments[1].start:segments[1].end]
    assert_tiles(NEWEST_FIRST, segments)


@pytest.mark.parametrize(("marker", "label", "when"), [
    ("UPDATE 1830 GMT:", "UPDATE 1830 GMT", utc(18, 30)),
    ("UPDATE, 18:30 GMT:", "UPDATE, 18:30 GMT", utc(18, 30)),
    ("Update 2 (14:00):", "Update 2 (14:00)", utc(14)),
    ("Update (14:00 GMT):", "Update (14:00 GMT)", utc(14)),
    ("UPDATE 3 - 16:20 UTC:", "UPDATE 3 - 16:20 UTC", utc(16, 20)),
    ("UPDATE:", "UPDATE", None),
    ("ORIGINAL ENTRY:", "ORIGINAL ENTRY", None),
    ("1830 GMT:", "1830 GMT", utc(18, 30)),
    ("18:30 UTC —", "18:30 UTC", utc(18, 30)),
    ("18.30 GMT -", "18.30 GMT", utc(18, 30)),
    ("10:45 a.m. ET:", "10:45 a.m. ET", utc(15, 45)),
    ("14:05 -", "14:05", utc(14, 5)),
    ("14:05Z:", "14:05Z", utc(14, 5)),
    ("[14:05]", "[14:05]", utc(14, 5)),
    ("(9 p.m. GMT)", "(9 p.m. GMT)", utc(21)),
    ("  UPDATE 1100 GMT:", "UPDATE 1100 GMT", utc(11)),
])
def test_liveblog_marker_styles(marker, label, when):
    text = f"Army says the bridge is closed\n{marker} Engineers began repairs this afternoon.\n"
    segments = segment(text, DAY)
    assert [(s.label, s.time) for s in segments] == [(None, None), (label, when)]
    assert text[segments[1].start:].startswith(marker.strip())
    assert_tiles(text, segments)


def test_liveblog_timestamp_alone_on_its_line_starts_an_entry():
    text = "14:05\nThe convoy reached the border crossing.\n\n13:40\nThe convoy left the depot.\n"
    segments = segment(text, DAY)
    assert [(s.label, s.time) for s in segments] == [("14:05", utc(14, 5)), ("13:40", utc(13, 40))]
    assert_tiles(text, segments)


@pytest.mark.parametrize(("marker", "when"), [
    ("0900 BST:", utc(8)),
    ("14:00 CET:", utc(13)),
    ("14:00 CEST:", utc(12)),
    ("14:00 EET:", utc(12)),
    ("14:00 EEST:", utc(11)),
    ("1200 AST:", utc(9)),
    ("14:00 MSK:", utc(11)),
    ("07:15 EDT:", utc(11, 15)),
    ("23:30 EST:", utc(4, 30, DAY + timedelta(days=1))),
    ("9 pm PT:", utc(5, 0, DAY + timedelta(days=1))),
    ("11:00 PDT:", utc(18)),
    ("00:30 CEST:", utc(22, 30, DAY - timedelta(days=1))),
    ("12:10 a.m. GMT:", utc(0, 10)),
    ("12:10 p.m. GMT:", utc(12, 10)),
])
def test_liveblog_zone_converted_to_utc(marker, when):
    (entry,) = segment(f"{marker} Sirens sounded across the district.", DAY)
    assert entry.time == when
    assert entry.time.tzinfo == timezone.utc


def test_liveblog_bare_time_taken_as_utc_and_noted():
    segments, notes = segment_with_notes("15:20 - Police closed the square.\n", DAY)
    assert segments[0].time == utc(15, 20)
    assert len(notes) == 1 and "taken as UTC" in notes[0] and "15:20" in notes[0]


@pytest.mark.parametrize("marker", ["14:00 IST:", "14:00 CST:", "14:00 local time:"])
def test_liveblog_ambiguous_zone_gives_no_time(marker):
    segments, notes = segment_with_notes(f"{marker} A second blast was heard.", DAY)
    assert segments[0].label == marker[:-1]
    assert segments[0].time is None
    assert any("ambiguous" in note for note in notes)


def test_liveblog_zoned_times_need_no_note():
    assert segment_with_notes(NEWEST_FIRST, DAY)[1] == ()


def test_liveblog_without_date_has_labels_but_no_times():
    segments, notes = segment_with_notes(NEWEST_FIRST, None)
    assert [s.label for s in segments][1:] == [
        "UPDATE 1745 GMT", "UPDATE 1310 GMT", "UPDATE 0905 GMT", "ORIGINAL ENTRY"]
    assert all(s.time is None for s in segments)
    assert notes == ()


@pytest.mark.parametrize("text", [
    "Rebels shelled the airport on Tuesday.\nAt least four people were hurt.",
    "\n\nThe dam held after the storm.\n",
    "One line with no ending",
])
def test_liveblog_no_markers_is_one_segment(text):
    segments = segment(text, DAY)
    assert len(segments) == 1
    assert (segments[0].start, segments[0].end, segments[0].label, segments[0].time) == (
        0, len(text), None, None)


@pytest.mark.parametrize("text", ["", "   \n\t \n"])
def test_liveblog_blank_text_has_no_segments(text):
    assert segment(text, DAY) == ()


def test_liveblog_blank_lead_is_not_a_segment():
    text = "\n\n  UPDATE 0800 GMT: Markets reopened.\n"
    segments = segment(text, DAY)
    assert [s.label for s in segments] == ["UPDATE 0800 GMT"]
    assert_tiles(text, segments)


@pytest.mark.parametrize("line", [
    "Witnesses said that at 14:00 the convoy left the base.",
    "14:00 the convoy left the base, witnesses said.",
    "18:30 GMT was when the first shell fell.",
    "2019: a year of sieges in the north.",
    "12:30-13:00 is the only window for evacuations.",
    "25:10 GMT: not a clock at all.",
    "14:75 UTC: not a clock either.",
    "Updated 14:00 GMT",
    "Update your maps: the road is gone.",
    "Officials said: 1600 GMT: talks resumed.",
    "1.25 million people have fled - the agency said.",
    "1400 - the number of families still in the camp.",
])
def test_liveblog_times_inside_sentences_are_not_markers(line):
    text = f"The shelling stopped before noon.\n{line}\nAid agencies asked for access.\n"
    segments = segment(text, DAY)
    assert [(s.label, s.start, s.end) for s in segments] == [(None, 0, len(text))]
