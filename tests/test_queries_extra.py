"""What the named queries mean: one incident told by several claimants, places within places, alliances from
either side, inclusive dates, and rows that do not multiply when an entity's labels repeat in many documents."""

import pytest
from conftest import graph_of

ID = "https://w3id.org/conflictkg/id/"
TEXTS = {  # written for these tests: Sunday's strikes in Rafah told three times, Tuesday's attack at sea twice
    "ministry": ("Israeli air strikes killed 12 people in Rafah on Sunday, the Gaza health ministry said.",
                 "2024-01-15"),
    "army": ("Israeli air strikes killed 3 militants in Tal al-Sultan on Sunday, the Israeli army said.", "2024-01-15"),
    "ar": ("قالت وزارة الصحة في غزة إن غارات إسرائيلية قتلت 15 شخصا في رفح يوم الأحد.", "2024-01-15"),
    "lone": ("Israeli air strikes killed 5 people in Khan Younis on Monday, the Gaza health ministry said.",
             "2024-01-16"),
    "us": ("The Iran-backed Houthis launched a drone attack on a commercial ship in the Red Sea on Tuesday, "
           "the U.S. military said.", "2024-01-17"),
    "uk": ("Iranian forces launched a drone attack on a commercial ship in the Red Sea on Tuesday, "
           "British officials said.", "2024-01-17"),
}


@pytest.fixture(scope="module")
def kg():
    return graph_of(TEXTS)


def doc(iri) -> str:
    """The document id in an event IRI: .../doc/ID/event/N."""
    return str(iri).split("/doc/")[1].split("/")[0]


def test_disputed_events_pair_reports_of_one_incident_that_disagree(kg):
    rows = {(doc(r.event), doc(r.other)): r for r in kg.named_query("disputed-events")}
    # the ministry's two reports (12, then 15 dead) are one claimant revising itself, not a dispute
    assert set(rows) == {("ar", "army"), ("army", "ministry"), ("uk", "us")}
    army_ministry = rows[("army", "ministry")]
    assert str(army_ministry.disagreement) == "casualties"
    assert (int(army_ministry.fatalities), int(army_ministry.otherFatalities)) == (3, 12)
    assert {str(army_ministry.claimantLabel), str(army_ministry.otherClaimantLabel)} == {
        "Israel Defense Forces", "Gaza Health Ministry"}
    at_sea = rows[("uk", "us")]
    assert str(at_sea.disagreement) == "actor"
    assert (str(at_sea.actors), str(at_sea.otherActors)) == ("Armed forces of Iran", "Houthis")


def test_corroborated_events_match_reports_across_documents(kg):
    rows = {doc(r.event): (int(r.claimants), int(r.reports)) for r in kg.named_query("corroborated-events")}
    assert rows == {"ministry": (2, 3), "army": (2, 3), "ar": (2, 3), "us": (2, 2), "uk": (2, 2)}  # not "lone"


@pytest.mark.parametrize(("place", "docs"), [
    ("Rafah", {"ministry", "ar", "army"}),  # Tal al-Sultan lies in Rafah
    ("رفح", {"ministry", "ar", "army"}),
    ("gaza strip", {"ministry", "ar", "army", "lone"}),
    (ID + "tal-al-sultan", {"army"}),
])
def test_events_in_place_include_the_place_and_everything_within_it(kg, place, docs):
    assert {doc(r.event) for r in kg.named_query("events-in-place", place=place)} == docs


@pytest.mark.parametrize("actor", ["Iran", "إيران", "houthis", ID + "houthis"])
def test_allies_of_finds_a_relation_from_either_side(kg, actor):
    rows = [(str(r.subjectLabel), str(r.relation).rsplit("#")[1], str(r.objectLabel))
            for r in kg.named_query("allies-of", actor=actor)]
    assert rows == [("Houthis", "backedBy", "Iran")]


def test_timeline_dates_are_inclusive(kg):
    sunday = {doc(r.event) for r in kg.named_query("timeline", since="2024-01-14", until="2024-01-14")}
    assert sunday == {"ministry", "army", "ar"}
    assert len(list(kg.named_query("timeline"))) == len(TEXTS)


def test_sources_of_an_event_give_its_sentence_and_claimant(kg):
    rows = list(kg.named_query("sources-of-event", event=ID + "doc/ministry/event/0"))
    assert [(str(r.claimantLabel), "12 people" in str(r.text)) for r in rows] == [("Gaza Health Ministry", True)]


def test_labels_repeated_in_every_document_do_not_multiply_rows(kg):
    # Israel's labels sit in four document graphs and the gazetteer, in two languages
    israel = [r for r in kg.named_query("most-active-actors") if str(r.actor) == ID + "israel"]
    assert [(str(r.actorLabel), int(r.events)) for r in israel] == [("Israel", 4)]
    for name in ("event-roles", "claims", "casualties-by-actor", "backed-by", "who-controls-what"):
        rows = [tuple(r) for r in kg.named_query(name)]
        assert len(rows) == len(set(rows)), name
