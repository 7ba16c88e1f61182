"""`prep calendar import`: the rep's coming customer meetings, from an Outlook, Google or Apple calendar export."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import msgspec
import pytest

from prep import paths
from prep.calendar_import import (
    CalendarFileError,
    coming_to_prepare,
    compare,
    read_calendar,
)
from prep.cli import main
from prep.library.loader import load_library
from prep.model.appointment import Appointment, Attendee
from prep.model.customer import Customer, Person
from prep.model.meeting import Meeting
from prep.storage import Store

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 11, 2)  # the first day the imports below look at
ACME = Customer(name="Acme Tools", domain="acme.com", people=[Person(name="Anna Weber", email="anna@acme.com")])
GLOBEX = Customer(name="Globex", people=[Person(name="Bob Stone", email="bob.stone@gmail.com")])
INITECH = Customer(name="Initech", people=[Person(name="Peter Gibbons")])
CARDS = [ACME, GLOBEX, INITECH]


def calendar(*events: str, head: str = "") -> bytes:
    """A calendar file as the programs write it: CRLF line ends, the events inside VCALENDAR."""
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//calendar//EN", *head.split(), *events, "END:VCALENDAR"]
    return ("\r\n".join(line.strip() for text in lines for line in text.strip().splitlines()) + "\r\n").encode()


def event(uid: str, start: str, *lines: str, summary: str = "Meeting", people: tuple[str, ...] = ("anna@acme.com",)) -> str:
    """One VEVENT: `start` is the DTSTART line's value part (`;TZID=Europe/Berlin:20261102T100000`)."""
    attendees = [f"ATTENDEE;CN={p.split('@')[0].title()}:mailto:{p}" for p in people]
    body = [f"UID:{uid}", f"SUMMARY:{summary}", f"DTSTART{start}", "DURATION:PT1H",
            "ORGANIZER;CN=Rep:mailto:rep@company.com", *attendees, *lines]
    return "\n".join(["BEGIN:VEVENT", *body, "END:VEVENT"])


WEEKLY = event("weekly@acme", ";TZID=Europe/Berlin:20261102T100000", "RRULE:FREQ=WEEKLY;COUNT=4",
               "EXDATE;TZID=Europe/Berlin:20261109T100000", summary="Weekly with Acme")
MOVED = event("weekly@acme", ";TZID=Europe/Berlin:20261117T143000", "RECURRENCE-ID;TZID=Europe/Berlin:20261116T100000",
              summary="Weekly with Acme, moved")


def read(data: bytes, me: str = "rep@company.com", today: date = MONDAY, **options: object) -> list[Appointment]:
    result = read_calendar(data, name="cal.ics", today=today, me=me, customers=CARDS, local=BERLIN, **options)  # type: ignore[arg-type]
    return result.appointments


def test_a_weekly_series_skips_its_excluded_date_and_keeps_a_moved_meeting_under_the_date_first_planned() -> None:
    found = read(calendar(WEEKLY, MOVED))
    assert [(a.key, a.when, a.title) for a in found] == [
        ("weekly@acme#2026-11-02T09:00:00Z", datetime(2026, 11, 2, 10, 0), "Weekly with Acme"),
        ("weekly@acme#2026-11-16T09:00:00Z", datetime(2026, 11, 17, 14, 30), "Weekly with Acme, moved"),
        ("weekly@acme#2026-11-23T09:00:00Z", datetime(2026, 11, 23, 10, 0), "Weekly with Acme"),
    ]
    assert {a.minutes for a in found} == {60} and {a.customer for a in found} == {"Acme Tools"}
    assert found[0].attendees == [Attendee(name="Anna Weber", email="anna@acme.com")]  # the rep and colleagues left out


def test_only_the_weeks_asked_for_are_read() -> None:
    assert [a.when.date() for a in read(calendar(WEEKLY), weeks=2)] == [date(2026, 11, 2)]


def test_a_cancelled_meeting_and_a_cancelled_occurrence_are_marked_cancelled() -> None:
    cancelled_once = event("weekly@acme", ";TZID=Europe/Berlin:20261123T100000", "STATUS:CANCELLED",
                           "RECURRENCE-ID;TZID=Europe/Berlin:20261123T100000")
    called_off = event("off@globex", ":20261104T150000Z", "STATUS:CANCELLED", people=("x@globex.com",))
    found = {a.key: a.cancelled for a in read(calendar(WEEKLY, cancelled_once, called_off))}
    assert found == {"weekly@acme#2026-11-02T09:00:00Z": False, "weekly@acme#2026-11-16T09:00:00Z": False,
                     "weekly@acme#2026-11-23T09:00:00Z": True, "off@globex": True}


def test_every_start_is_in_the_reps_local_time_whatever_zone_the_calendar_wrote() -> None:
    # The last week of October 2026: Europe is back on standard time, the US not yet.
    data = calendar(event("berlin", ";TZID=Europe/Berlin:20261027T100000"),
                    event("new-york", ";TZID=America/New_York:20261027T090000"),
                    event("utc", ":20261027T120000Z"),
                    event("floating", ":20261027T160000"))
    found = {a.key: a.when for a in read(data, today=date(2026, 10, 26))}
    assert found == {"berlin": datetime(2026, 10, 27, 10, 0), "new-york": datetime(2026, 10, 27, 14, 0),
                     "utc": datetime(2026, 10, 27, 13, 0), "floating": datetime(2026, 10, 27, 16, 0)}
    in_new_york = read_calendar(data, name="cal.ics", today=date(2026, 10, 26), me="rep@company.com",
                                local=ZoneInfo("America/New_York")).appointments
    assert {a.key: a.when.hour for a in in_new_york} == {"berlin": 5, "new-york": 9, "utc": 8, "floating": 16}


def test_an_outlook_file_with_a_windows_zone_name_reads_in_local_time() -> None:
    zone = """BEGIN:VTIMEZONE
    TZID:W. Europe Standard Time
    BEGIN:STANDARD
    DTSTART:16010101T030000
    TZOFFSETFROM:+0200
    TZOFFSETTO:+0100
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10
    END:STANDARD
    BEGIN:DAYLIGHT
    DTSTART:16010101T020000
    TZOFFSETFROM:+0100
    TZOFFSETTO:+0200
    RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3
    END:DAYLIGHT
    END:VTIMEZONE"""
    found = read(calendar(zone, event("outlook", ";TZID=W. Europe Standard Time:20261104T090000")))
    assert [a.when for a in found] == [datetime(2026, 11, 4, 9, 0)]


def test_all_day_events_and_meetings_among_colleagues_are_left_out() -> None:
    data = calendar(event("fair", ";VALUE=DATE:20261105", summary="Trade fair"),
                    event("team", ":20261105T080000Z", people=("col@company.com", "boss@eu.company.com")),
                    event("focus", ":20261105T100000Z", people=()),
                    event("call", ":20261105T120000Z", people=("col@company.com", "x@initech.example")))
    result = read_calendar(data, name="cal.ics", today=MONDAY, me="Rep@Company.com", local=BERLIN)
    assert [a.key for a in result.appointments] == ["call"] and result.internal == 1
    assert result.appointments[0].attendees == [Attendee(name="X", email="x@initech.example")]


def test_without_an_address_the_calendars_owner_tells_colleagues_apart_else_everyone_counts() -> None:
    team = event("team", ":20261105T080000Z", people=("col@company.com",))
    call = event("call", ":20261105T120000Z", people=("col@company.com", "anna@acme.com"))
    google = read_calendar(calendar(team, call, head="X-WR-CALNAME:rep@company.com"), name="c.ics", today=MONDAY, local=BERLIN)
    assert (google.owner, google.own_domain, [a.key for a in google.appointments]) == ("rep@company.com", "company.com", ["call"])
    organized = read_calendar(calendar(team, call), name="c.ics", today=MONDAY, local=BERLIN)  # the rep organizes both
    assert organized.owner == "rep@company.com"
    apple = read_calendar(calendar(call.replace("ORGANIZER;CN=Rep:mailto:rep@company.com\n", "")), name="c.ics",
                          today=MONDAY, local=BERLIN)
    assert apple.owner == "" and [p.email for p in apple.appointments[0].attendees] == ["col@company.com", "anna@acme.com"]


def test_a_meeting_is_matched_to_its_customer_by_address_then_by_a_name_in_its_title() -> None:
    data = calendar(event("domain", ":20261105T080000Z", people=("someone@sales.acme.com",)),
                    event("free-mail", ":20261105T090000Z", people=("bob.stone@gmail.com",)),
                    event("other-free-mail", ":20261105T100000Z", people=("carl@gmail.com",)),
                    event("title", ":20261105T110000Z", summary="Intro: ACME tools roadmap", people=("new@acme-group.example",)),
                    event("person", ":20261105T120000Z", summary="Lunch with Peter Gibbons", people=()),
                    event("unknown", ":20261105T130000Z", summary="Coffee", people=("jane@unknown.example",)),
                    event("own-time", ":20261105T140000Z", summary="Dentist", people=()))
    found = {a.key: a.customer for a in read(data)}
    assert found == {"domain": "Acme Tools", "free-mail": "Globex", "other-free-mail": "", "title": "Acme Tools",
                     "person": "Initech", "unknown": ""}
    unknown = next(a for a in read(data) if a.key == "unknown")
    assert unknown.attendees == [Attendee(name="Jane", email="jane@unknown.example")]  # the rep picks the customer later


def test_someone_on_the_card_is_named_as_the_card_names_them_however_the_invitation_does() -> None:
    short = event("short", ":20261105T080000Z", people=("anna@acme.com",)).replace("CN=Anna:", "CN=A. W.:")
    bare = event("bare", ":20261106T080000Z", people=("ANNA@acme.com",)).replace("ATTENDEE;CN=Anna:", "ATTENDEE:")
    found = {a.key: a.attendees for a in read(calendar(short, bare))}
    assert found == {"short": [Attendee(name="Anna Weber", email="anna@acme.com")],
                     "bare": [Attendee(name="Anna Weber", email="anna@acme.com")]}


def stored_from(data: bytes, *, prepared: dict[str, str] | None = None) -> list[Appointment]:
    """What an earlier import saved, some of it prepared since."""
    first = compare(read_calendar(data, name="c.ics", today=MONDAY, me="rep@company.com", customers=CARDS, local=BERLIN),
                    [], datetime(2026, 11, 1, 8, 0))
    return [msgspec.structs.replace(a, meeting=(prepared or {}).get(a.key, "")) for a in first.to_save]


def test_importing_again_moves_the_moved_cancels_the_cancelled_and_doubles_nothing() -> None:
    single = event("review@acme", ":20261104T090000Z", summary="Review")
    gone = event("gone@acme", ":20261105T090000Z", summary="Gone later")
    later = event("later@acme", ":20261127T090000Z", summary="Later")  # the export reaches past the 23rd
    stored = stored_from(calendar(WEEKLY, single, gone, later), prepared={"review@acme": "m-review", "gone@acme": "m-gone"})
    assert len(stored) == 6
    picked = "Acme Tools Berlin"  # the rep prepared it for another customer than the file suggests: theirs stays
    stored = [msgspec.structs.replace(a, customer=picked) if a.key == "review@acme" else a for a in stored]
    weekly_excluded = WEEKLY.replace("EXDATE;TZID=Europe/Berlin:20261109T100000",
                                     "EXDATE;TZID=Europe/Berlin:20261109T100000,20261123T100000")
    changed = calendar(weekly_excluded, MOVED, single.replace("20261104T090000Z", "20261104T130000Z"), later)
    result = read_calendar(changed, name="c.ics", today=MONDAY, me="rep@company.com", customers=CARDS, local=BERLIN)
    changes = compare(result, stored, datetime(2026, 11, 2, 8, 0))
    assert [(before.when, after.when, after.meeting) for before, after in changes.moved] == [
        (datetime(2026, 11, 4, 10, 0), datetime(2026, 11, 4, 14, 0), "m-review"),
        (datetime(2026, 11, 16, 10, 0), datetime(2026, 11, 17, 14, 30), "")]
    assert changes.preparations_to_move == [("m-review", datetime(2026, 11, 4, 14, 0))]
    assert [after.customer for _before, after in changes.moved] == [picked, "Acme Tools"]
    assert sorted((a.key, a.meeting) for a in changes.cancelled) == [("gone@acme", "m-gone"),
                                                                     ("weekly@acme#2026-11-23T09:00:00Z", "")]
    assert [a.key for a in changes.new] == [] and len(changes.unchanged) == 2
    assert len(changes.shown) == 6 and len({a.key for a in changes.shown}) == 6
    again = compare(result, {**{a.key: a for a in stored}, **{a.key: a for a in changes.to_save}}.values(), datetime(2026, 11, 2))
    assert (again.new, again.moved, again.cancelled, again.to_save) == ([], [], [], [])  # the same file twice changes nothing


def test_a_start_with_seconds_is_kept_to_the_minute_and_the_next_import_leaves_it_unchanged() -> None:
    data = calendar(event("odd", ":20261103T100030Z"))
    stored = stored_from(data)
    assert [a.when for a in stored] == [datetime(2026, 11, 3, 11, 0)]
    result = read_calendar(data, name="c.ics", today=MONDAY, me="rep@company.com", customers=CARDS, local=BERLIN)
    assert compare(result, stored, datetime(2026, 11, 2)).to_save == []


def test_a_meeting_past_the_end_of_the_export_is_not_taken_for_cancelled() -> None:
    stored = stored_from(calendar(event("early", ":20261103T090000Z"), event("late", ":20261125T090000Z")))
    thirty_days = read_calendar(calendar(event("early", ":20261103T090000Z")), name="c.ics", today=MONDAY,
                                me="rep@company.com", local=BERLIN)
    assert compare(thirty_days, stored, datetime(2026, 11, 2)).cancelled == []


def test_another_calendars_export_leaves_this_calendars_meetings_standing() -> None:
    work = calendar(event("a", ":20261103T090000Z"), event("b", ":20261120T090000Z"), head="X-WR-CALNAME:Work")
    stored = stored_from(work)
    other = read_calendar(calendar(event("c", ":20261104T090000Z"), event("d", ":20261121T090000Z"), head="X-WR-CALNAME:Team"),
                          name="team.ics", today=MONDAY, me="rep@company.com", local=BERLIN)
    changes = compare(other, stored, datetime(2026, 11, 2))
    assert changes.cancelled == [] and [a.key for a in changes.new] == ["c", "d"]
    # The same calendar without one of them says it is gone.
    again = read_calendar(calendar(event("a", ":20261103T090000Z"), event("x", ":20261122T090000Z"), head="X-WR-CALNAME:Work"),
                          name="work.ics", today=MONDAY, me="rep@company.com", local=BERLIN)
    assert [a.key for a in compare(again, stored, datetime(2026, 11, 2)).cancelled] == ["b"]


def test_only_coming_appointments_nothing_was_prepared_for_are_offered() -> None:
    now = datetime(2026, 11, 2, 12, 0)
    made = [Appointment(key=key, when=now + timedelta(days=days), **kind)  # type: ignore[arg-type]
            for key, days, kind in (("past", -1, {}), ("soon", 1, {}), ("prepared", 2, {"meeting": "m"}),
                                    ("off", 3, {"cancelled": True}), ("far", 20, {}), ("next", 5, {}))]
    assert [a.key for a in coming_to_prepare(made, now)] == ["soon", "next"]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "cal.ics: not a calendar file (line 1: the file is empty); export it again as .ics"),
    (b"Name,Start\nReview,2026-11-02\n", "(line 1: it starts with 'Name,Start', not BEGIN:VCALENDAR)"),
    (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nthis is not a calendar line\nEND:VEVENT\nEND:VCALENDAR\n",
     "(line 4: 'this is not a calendar line' is not a calendar line)"),
    (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nDTSTART:20261102T100000\n", "(line 4: the file ends before END:VEVENT; it was cut off)"),
    (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nEND:VCALENDAR\n", "(line 4: 'END:VCALENDAR' where END:VEVENT was expected)"),
    (b"BEGIN:VCALENDAR\nBEGIN:VEVENT\nUID:1\nSUMMARY:x\nDTSTART:2026-11-02 10:00\nEND:VEVENT\nEND:VCALENDAR\n",
     "(line 5: DTSTART '2026-11-02 10:00' does not read)"),
])
def test_what_is_not_a_calendar_is_one_line_naming_the_line(data: bytes, message: str) -> None:
    with pytest.raises(CalendarFileError) as raised:
        read_calendar(data, name="cal.ics", today=MONDAY, local=BERLIN)
    assert message in str(raised.value) and str(raised.value).endswith("export it again as .ics")
    assert "\n" not in str(raised.value)


# -- the command ------------------------------------------------------------------------------

def soon(days: int, at: str = "100000") -> str:
    """A floating start (the rep's local time) `days` from today, for the command, which reads from today."""
    return ":" + (date.today() + timedelta(days=days)).strftime("%Y%m%d") + "T" + at


@pytest.fixture
def no_address(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PREP_ME", raising=False)


def run(capsys: pytest.CaptureFixture[str], db: Path, path: Path, data: bytes, *args: str) -> tuple[int, str, str]:
    path.write_bytes(data)
    capsys.readouterr()
    code = main(["calendar", "import", str(path), "--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.usefixtures("no_address")
def test_the_command_imports_remembers_the_address_and_a_second_run_changes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, ics = tmp_path / "prep.json", tmp_path / "work.ics"
    Store(db).save_customers([ACME])
    data = calendar(event("review@acme", soon(2), summary="Quarterly review"),
                    event("team", soon(3), people=("col@company.com",)))
    code, out, err = run(capsys, db, ics, data, "--me", "rep@company.com")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].endswith("10:00  Acme Tools  Quarterly review  Anna Weber")  # as the card names her
    assert "Left out 1 meeting with only your colleagues." in lines
    assert lines[-1] == "1 new, 0 moved, 0 cancelled, 0 unchanged"
    assert json.loads((paths.state_dir() / "ui.json").read_text())["me"] == "rep@company.com"
    code, out, _err = run(capsys, db, ics, data)  # the address remembered
    assert out.splitlines()[-1] == "0 new, 0 moved, 0 cancelled, 1 unchanged"
    assert [a.key for a in Store(db).appointments()] == ["review@acme"]


@pytest.mark.usefixtures("no_address")
def test_a_moved_meeting_moves_its_preparation_and_a_cancelled_one_keeps_it(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    db, ics = tmp_path / "prep.json", tmp_path / "work.ics"
    first = calendar(event("review@acme", soon(2)), event("intro@acme", soon(4)), event("other", soon(6)))
    run(capsys, db, ics, first, "--me", "rep@company.com")
    store = Store(db)
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    prepared = {a.key: Meeting(customer="Acme Tools", when=a.when, checklist=checklist) for a in store.appointments()}
    for meeting in prepared.values():
        store.save(meeting)
    store.save_appointments(msgspec.structs.replace(a, meeting=prepared[a.key].id) for a in store.appointments())
    store.close()
    changed = calendar(event("review@acme", soon(2, "143000")), event("intro@acme", soon(4), "STATUS:CANCELLED"),
                       event("other", soon(6)))
    code, out, _err = run(capsys, db, ics, changed)
    assert code == 0 and out.splitlines()[-1] == "0 new, 1 moved, 1 cancelled, 1 unchanged"
    assert "14:30  ?  Meeting  Anna  (moved from" in out and "its preparation moved along" in out
    assert f"(cancelled; its preparation is kept: prep open {prepared['intro@acme'].id[:8]})" in out
    store = Store(db)
    review = store.meeting(prepared["review@acme"].id)
    assert review is not None and (review.when.hour, review.when.minute) == (14, 30)
    assert store.meeting(prepared["intro@acme"].id) is not None
    after = {a.key: a for a in store.appointments()}
    assert len(after) == 3 and after["intro@acme"].cancelled and after["review@acme"].meeting == prepared["review@acme"].id


@pytest.mark.usefixtures("no_address")
def test_a_dry_run_shows_what_would_change_and_saves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db, ics = tmp_path / "prep.json", tmp_path / "work.ics"
    code, out, _err = run(capsys, db, ics, calendar(event("a", soon(1))), "--dry-run", "--me", "rep@company.com")
    assert code == 0 and out.splitlines()[-2:] == ["1 new, 0 moved, 0 cancelled, 0 unchanged", "Dry run: nothing was saved."]
    assert not db.exists() and not (paths.state_dir() / "ui.json").exists()


@pytest.mark.usefixtures("no_address")
def test_without_an_address_the_command_says_once_that_everyone_counts_as_outside(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    no_organizer = [event(key, soon(day)).replace("ORGANIZER;CN=Rep:mailto:rep@company.com\n", "")
                    for key, day in (("a", 1), ("b", 2))]
    code, out, _err = run(capsys, tmp_path / "prep.json", tmp_path / "work.ics", calendar(*no_organizer))
    assert code == 0 and out.count("every attendee counts as from outside") == 1


@pytest.mark.parametrize(("args", "data", "message"), [
    (["--me", "rep at company"], b"BEGIN:VCALENDAR\nEND:VCALENDAR\n",
     "prep: --me: 'rep at company' is not an e-mail address; give yours, e.g. you@company.com\n"),
    (["--weeks", "0"], b"BEGIN:VCALENDAR\nEND:VCALENDAR\n", "prep: --weeks: give a number of weeks from 1 to 52\n"),
    ([], b"\x00\x01PK", "work.ics: not a calendar file (line 1: it starts with '\\x00\\x01PK', not BEGIN:VCALENDAR); "
                        "export it again as .ics\n"),
])
def test_what_the_command_cannot_use_is_one_line_and_nothing_is_saved(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        args: list[str], data: bytes, message: str) -> None:
    monkeypatch.setenv("PREP_ME", "rep@company.com")
    db = tmp_path / "prep.json"
    code, out, err = run(capsys, db, tmp_path / "work.ics", data, *args)
    assert (code, out) == (1, "") and err.endswith(message) and err.count("\n") == 1
    assert not db.exists()


def test_a_missing_file_and_a_bad_prep_me_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PREP_ME", "rep@company.com")
    assert main(["calendar", "import", str(tmp_path / "nope.ics"), "--db", str(tmp_path / "prep.json")]) == 1
    assert capsys.readouterr().err == f"prep: {tmp_path / 'nope.ics'}: no such file; export your calendar as .ics and give its path\n"
    monkeypatch.setenv("PREP_ME", "nobody")
    assert main(["calendar", "import", str(tmp_path / "nope.ics"), "--db", str(tmp_path / "prep.json")]) == 1
    assert capsys.readouterr().err.startswith("prep: PREP_ME: 'nobody' is not an e-mail address")
