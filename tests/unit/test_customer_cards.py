"""Customer cards with their people are kept by the store, made from older meetings' contact lines, and
erased by `forget`: a customer with all their people, or one person (`forget --person`) from every copy."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import msgspec

from prep.cli import main
from prep.library.loader import load_library
from prep.model.appointment import Appointment, Attendee
from prep.model.customer import ERASED, Customer, Person, people_in
from prep.model.meeting import Debrief, Meeting
from prep.model.shapes import to_builtins
from prep.storage.store import Store


def a_meeting(customer: str, *, people: list[str] | None = None, contact: str = "", notes: str = "",
              present: list[str] | None = None) -> Meeting:
    checklist = load_library().get("first-meeting")
    assert checklist is not None
    meeting = Meeting(customer=customer, when=datetime(2026, 11, 2, 10), checklist=checklist,
                      people=people or [], contact=contact, status="prepared")
    if notes or present:
        meeting.debrief = Debrief(notes=notes, present=present or [])
    return meeting


def a_card() -> Customer:
    return Customer(name="Weber Logistik", industry="Logistics", people=[
        Person(name="Anna Weber", role="CFO", email="anna.weber@weber-logistik.de", part="economic buyer", stance="neutral"),
        Person(name="Tom Berg", role="Head of Planning", part="champion", stance="supportive"),
    ])


def test_a_card_is_kept_and_found_by_its_name_whatever_the_case(db_path: Path) -> None:
    store = Store(db_path)
    store.save_customer(a_card())
    found = Store(db_path).customer("  weber   LOGISTIK ")
    assert found is not None and [p.name for p in found.people] == ["Anna Weber", "Tom Berg"]
    assert found.people[0].part == "economic buyer" and found.domains() == {"weber-logistik.de"}
    store.save_customer(found.with_person(Person(name="anna weber", role="CFO", stance="sceptical")))
    again = Store(db_path).customer("Weber Logistik")
    assert again is not None and [(p.name, p.stance) for p in again.people] == [("anna weber", "sceptical"), ("Tom Berg", "supportive")]
    assert [card.name for card in Store(db_path).customer_cards()] == ["Weber Logistik"]


def test_a_contact_line_names_people_with_their_roles() -> None:
    assert [(p.name, p.role) for p in people_in("Anna Weber, Head of Research and Development")] == [
        ("Anna Weber", "Head of Research and Development")]
    assert [(p.name, p.role) for p in people_in("Dr. Anna Weber (CFO); Tom Berg")] == [("Dr. Anna Weber", "CFO"), ("Tom Berg", "")]
    assert [p.name for p in people_in("Anna Weber und Tom Berg")] == ["Anna Weber", "Tom Berg"]
    assert people_in("  ") == []


def test_older_meetings_contact_lines_become_people_on_the_card_with_a_backup(db_path: Path) -> None:
    old = [a_meeting("Weber Logistik", contact="Anna Weber, CFO"), a_meeting("Weber Logistik", contact="Tom Berg; Anna Weber"),
           a_meeting("Quiet Co")]
    rows = {}
    for number, meeting in enumerate(old, start=1):
        row = to_builtins(meeting)
        del row["people"]
        rows[str(number)] = row
    db_path.parent.mkdir(parents=True)
    original = json.dumps({"meta": {"1": {"schema": 1}}, "meetings": rows}).encode()
    db_path.write_bytes(original)

    store = Store(db_path)
    assert store.meeting(old[1].id).people == ["Tom Berg", "Anna Weber"]  # type: ignore[union-attr]
    card = store.customer("Weber Logistik")
    assert card is not None and [(p.name, p.role) for p in card.people] == [("Anna Weber", "CFO"), ("Tom Berg", "")]
    assert store.customer("Quiet Co") is None
    assert db_path.read_bytes() == original  # reading never writes

    store.save(a_meeting("New Co"))
    assert db_path.with_name("prep.json.before-upgrade.bak").read_bytes() == original
    assert Store(db_path).customer("Weber Logistik") == card or Store(db_path).customer("Weber Logistik").people == card.people  # type: ignore[union-attr]
    assert Store(db_path).meeting(old[0].id).with_whom == "Anna Weber"  # type: ignore[union-attr]


def test_forget_erases_the_card_and_the_appointments_with_the_meetings(db_path: Path) -> None:
    store = Store(db_path)
    store.save(a_meeting("Weber Logistik", people=["Anna Weber"]))
    store.save_customer(a_card())
    store.save_customer(Customer(name="Other Co"))
    store.save_appointments([Appointment(key="uid-1", when=datetime(2026, 12, 1, 9), customer="Weber Logistik",
                                         attendees=[Attendee(name="Anna Weber", email="anna.weber@weber-logistik.de")]),
                             Appointment(key="uid-2", when=datetime(2026, 12, 2, 9), customer="Other Co")])
    store.close()
    assert main(["forget", "weber logistik", "--yes", "--db", str(db_path)]) == 0
    store = Store(db_path)
    assert store.customer("Weber Logistik") is None and [c.name for c in store.customer_cards()] == ["Other Co"]
    assert [a.key for a in store.appointments()] == ["uid-2"]
    assert not [p.name for p in db_path.parent.iterdir() if b"Anna Weber" in p.read_bytes()]


def test_a_customer_with_only_a_card_can_be_forgotten(db_path: Path) -> None:
    Store(db_path).save_customer(a_card())
    assert main(["forget", "Weber Logistik", "--yes", "--db", str(db_path)]) == 0
    assert Store(db_path).customer("Weber Logistik") is None


def test_forget_person_erases_one_person_from_every_copy_and_keeps_the_meetings(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    store = Store(db_path)
    kept = a_meeting("Weber Logistik", people=["Anna Weber", "Tom Berg"], present=["Anna Weber"],
                     notes="anna weber wants numbers; Tom Berg agrees. Mail anna.weber@weber-logistik.de")
    store.save(kept)
    store.save(a_meeting("Anna Weber Consulting", people=["Anna Weber"], notes="Anna Weber of the other company"))
    store.save_customer(a_card())
    store.save_customer(Customer(name="Anna Weber Consulting", people=[Person(name="Anna Weber")]))
    store.save_appointments([Appointment(key="uid-1", when=datetime(2026, 12, 1, 9), customer="Weber Logistik",
                                         attendees=[Attendee(name="Weber, Anna", email="anna.weber@weber-logistik.de"),
                                                    Attendee(name="Tom Berg")])])
    store.compact()
    card = store.customer("Weber Logistik")
    assert card is not None
    store.save_customer(card.with_person(msgspec.structs.replace(card.people[0], phone="+49 1")))
    backup = db_path.with_name("prep.json.before-upgrade.bak")
    backup.write_bytes(db_path.read_bytes())  # an old copy, as an upgrade keeps one
    store.close()

    assert main(["forget", "Weber Logistik", "--person", "anna weber", "--yes", "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert "Anna Weber" in said and "1 meeting changed" in said and '("Anna")' in said

    store = Store(db_path)
    meeting = store.meeting(kept.id)
    assert meeting is not None and meeting.people == ["Tom Berg"] and meeting.debrief is not None
    assert meeting.debrief.present == [] and meeting.debrief.notes == f"{ERASED} wants numbers; Tom Berg agrees. Mail {ERASED}"
    card = store.customer("Weber Logistik")
    assert card is not None and [p.name for p in card.people] == ["Tom Berg"]
    assert [a.name for a in store.appointments()[0].attendees] == ["Tom Berg"]
    # The same name at another customer is someone else: left as it is.
    other = store.customer("Anna Weber Consulting")
    assert other is not None and [p.name for p in other.people] == ["Anna Weber"]
    for path in db_path.parent.iterdir():
        data = path.read_bytes()
        assert b"anna.weber@weber-logistik.de" not in data and b"+49 1" not in data, path.name
        assert b"anna weber wants" not in data.lower(), path.name


def test_forget_person_refuses_someone_not_on_the_card(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    Store(db_path).save_customer(a_card())
    assert main(["forget", "Weber Logistik", "--person", "Nobody Here", "--yes", "--db", str(db_path)]) != 0
    error = capsys.readouterr().err
    assert "Nobody Here" in error and "Anna Weber" in error and "Traceback" not in error


def test_a_person_known_by_title_and_surname_gets_no_first_name_hint(db_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    Store(db_path).save_customer(Customer(name="Lange AG", people=[Person(name="Frau Lange")]))
    assert main(["forget", "Lange AG", "--person", "frau lange", "--yes", "--db", str(db_path)]) == 0
    said = capsys.readouterr().out
    assert "Erased Frau Lange" in said and "first name" not in said
    assert Store(db_path).customer("Lange AG").people == []  # type: ignore[union-attr]
