"""Event anaphora: a definite, role-less event noun names the earlier event again, not a new one."""

from datetime import date

import pytest

from conflictkg.extract import extract_document
from conflictkg.extract.anaphora import fold_repeated
from conflictkg.extract.model import Claim, Document, Event


def _types(doc: Document) -> list[str]:
    return [e.type for e in doc.events]


def test_the_attack_in_a_later_sentence_is_the_earlier_attack():
    doc = extract_document("Houthi forces fired two missiles at the tanker Sea Pearl in the Red Sea on Tuesday. "
                           "The attack caused a small fire, U.S. Central Command said.", lang="en",
                           date=date(2024, 3, 7))
    assert _types(doc) == ["RocketAttack"]
    operator = [c for c in doc.claims if c.sentence == 1]
    assert operator and operator[0].asserts == [0]


def test_arabic_definite_raids_condemned_are_the_raids_reported():
    doc = extract_document("شنت طائرات حربية إسرائيلية غارات على بلدة الخيام في جنوب لبنان. "
                           "ودان وزير الخارجية اللبناني الغارات.", lang="ar")
    assert _types(doc).count("Airstrike") == 1
    assert "Condemnation" in _types(doc)


def test_a_definite_event_noun_with_roles_is_its_own_event():
    doc = extract_document("Russian drones struck Odesa on Monday. "
                           "The attack on Kharkiv the next day killed two people.", lang="en")
    assert len([t for t in _types(doc) if t in ("DroneAttack", "Attack")]) == 2


def test_a_first_mention_stays_an_event():
    doc = extract_document("The attack killed three soldiers near Gao, the army said.", lang="en")
    assert doc.events


def test_folding_moves_counts_claims_and_response_links_to_the_antecedent():
    doc = Document("d", "", "en")
    doc.events = [Event("Airstrike", 0, 0, 1, "struck"), Event("RocketAttack", 0, 2, 3, "rockets"),
                  Event("Attack", 1, 4, 5, "the attack", fatalities=3, in_response_to=1)]
    doc.claims = [Claim("army", 1, 0, 1, "said", asserts=[2, 1])]
    fold_repeated(doc, {2: 0})
    assert _types(doc) == ["Airstrike", "RocketAttack"]
    assert doc.events[0].fatalities == 3 and doc.events[0].in_response_to == 1
    assert doc.claims[0].asserts == [0, 1]


def test_a_definite_attack_noun_with_a_place_of_its_own_is_of_the_kind_told_before():
    doc = extract_document("Israeli fighter jets struck a missile production site near Khojir early on Friday. "
                           "Four members of the IRGC were killed in the strikes in Kermanshah.", lang="en")
    assert [e.type for e in doc.events if e.type != "Killing"] == ["Airstrike", "Airstrike"]


def test_an_attack_its_own_side_reports_later_is_the_attack_told_before():
    doc = extract_document("قُتل خمسة أشخاص في غارة إسرائيلية على منزل في خان يونس، بحسب الدفاع المدني. "
                           "وقال الجيش الإسرائيلي إنه استهدف قياديا في حركة حماس.", lang="ar")
    assert _types(doc) == ["Airstrike"]
    assert all(c.asserts == [0] for c in doc.claims) and len(doc.claims) == 2
    doc = extract_document("Russian missiles struck an energy facility in Odesa overnight, Ukrainian officials said. "
                           "Russia's defence ministry said it had hit military infrastructure.", lang="en")
    assert _types(doc) == ["RocketAttack"] and len(doc.claims) == 2


def test_an_attack_the_other_side_reports_later_is_its_own():
    doc = extract_document("Israeli jets struck a house in Khan Younis overnight, killing five people, medics said. "
                           "Hamas said its fighters had targeted an Israeli army post near Rafah.", lang="en")
    assert len(doc.events) == 2


@pytest.mark.parametrize("text, lang", [
    ("Russian missiles struck an apartment block in Kharkiv on Friday. Regional governor Oleh Syniehubov said "
     "seven people were killed and 21 wounded.", "en"),
    ("قصفت طائرات حربية مواقع لقوات الدعم السريع قرب مدينة الأبيض. وقال مصدر عسكري إن ستة مقاتلين قتلوا "
     "وأصيب عشرة آخرون.", "ar"),
])
def test_deaths_reported_after_an_attack_are_its_toll(text: str, lang: str):
    doc = extract_document(text, lang=lang)
    assert len(doc.events) == 1 and doc.events[0].type in ("MissileAttack", "RocketAttack", "Airstrike")
    assert (doc.events[0].fatalities, doc.events[0].injuries) in ((7, 21), (6, 10))
    assert doc.claims[-1].asserts == [0]


@pytest.mark.parametrize("text, lang", [
    # the deaths are told in another town than the attack: another happening
    ("Russian missiles struck an apartment block in Kharkiv on Friday. Officials said two people were killed "
     "in Kherson.", "en"),
    # the other side kills: its own act, not the attack's toll
    ("Militants attacked an army post near Gao on Monday. The army said it killed 20 militants.", "en"),
])
def test_deaths_elsewhere_or_by_the_other_side_are_no_toll_of_the_attack(text: str, lang: str):
    doc = extract_document(text, lang=lang)
    assert [e.type for e in doc.events][-1] == "Killing" and doc.events[0].fatalities is None


def test_deaths_in_the_attack_named_again_in_the_report_are_a_killing_of_their_own():
    doc = extract_document("شنت طائرات أمريكية غارات على مواقع للفصائل قرب البوكمال. وقالت الفصائل في بيان إن ثلاثة "
                           "من عناصرها قتلوا في الهجوم على الحدود.", lang="ar")
    assert _types(doc) == ["Airstrike", "Killing"]


@pytest.mark.parametrize("text, lang, actor", [
    ("قُتل ثمانية جنود في هجوم على موقع عسكري قرب الحدود مع النيجر. وقال المتحدث باسم الحكومة إن الهجوم نفذته "
     "جماعة نصرة الإسلام والمسلمين.", "ar", "jamaat-nusrat-al-islam-wal-muslimin"),
    ("A roadside bomb hit an army patrol near Batibo on Monday. The army said the attack was carried out by "
     "the Ambazonia Defence Forces.", "en", "ambazonia-defence-forces"),
])
def test_the_attack_later_said_to_be_done_by_a_named_group_is_the_attack_told_before(text, lang, actor):
    doc = extract_document(text, lang=lang)
    assert [e.actors for e in doc.events] == [[actor]]
    assert all(c.asserts == [0] for c in doc.claims)


def test_an_army_patrol_is_no_antecedent_of_the_army():
    doc = extract_document("A roadside bomb hit an army patrol near Batibo on Monday. The army said two soldiers "
                           "were wounded.", lang="en")
    assert "patrol" not in doc.claims[0].claimant


def test_a_toll_reported_after_an_attack_leaves_it_an_attack():
    doc = extract_document("قالت الشرطة إن عصابات مسلحة هاجمت بلدة ميريباليه. وأفاد مكتب الأمم المتحدة بأن ١٠ أشخاص "
                           "على الأقل قُتلوا، بينهم شرطيان.", lang="ar")
    assert [(e.type, e.fatalities) for e in doc.events] == [("ArmedAssault", 10)]


def test_deaths_reported_after_a_clash_are_its_toll():
    doc = extract_document("اندلعت اشتباكات مسلحة في طرابلس بين جهاز الردع واللواء 444 قتال. وأعلن مركز طب الطوارئ "
                           "والدعم مقتل ستة أشخاص بينهم مدنيان.", lang="ar")
    assert [(e.type, e.fatalities) for e in doc.events] == [("ArmedClash", 6)]
