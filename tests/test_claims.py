"""Claims of responsibility: the claimant asserts the attack told before, and becomes its actor."""

import pytest

from conflictkg.extract import extract_document


def _name(doc, key: str) -> str:
    return doc.entities[key].labels.get("en", "")


def test_claimed_responsibility_on_telegram_asserts_the_attack_told_before():
    doc = extract_document("A drone attack on the Ain al-Asad air base caused no casualties, two U.S. officials said. "
                           "The Islamic Resistance in Iraq claimed responsibility on Telegram.", lang="en")
    attack = next(x for x, e in enumerate(doc.events) if e.type == "DroneAttack")
    claim = next(c for c in doc.claims if c.sentence == 1)
    assert claim.asserts == [attack] and claim.medium == "Telegram"
    assert [_name(doc, a) for a in doc.events[attack].actors] == ["Islamic Resistance in Iraq"]


def test_arabic_tabanna_with_the_attack_named_again():
    doc = extract_document("انفجرت سيارة مفخخة قرب سوق شعبي في مقديشو. وتبنت حركة الشباب الهجوم.", lang="ar")
    assert len(doc.events) == 1
    claim = next(c for c in doc.claims if c.sentence == 1)
    assert claim.asserts == [0]
    assert [_name(doc, a) for a in doc.events[0].actors] == ["al-Shabaab"]


def test_claiming_the_attack_told_before_makes_the_claimant_its_actor():
    doc = extract_document("A roadside bomb killed four soldiers near Batibo on Monday. The Ambazonia Defence Forces "
                           "claimed the attack on Telegram.", lang="en")
    assert [(e.type, e.actors) for e in doc.events] == [("Bombing", ["ambazonia-defence-forces"])]
    assert doc.claims[0].asserts == [0] and doc.claims[0].medium == "Telegram"


def test_no_group_claimed_responsibility_is_no_claim():
    doc = extract_document("A roadside bomb hit an army patrol near Tarmiyah, killing three soldiers. "
                           "No group claimed responsibility.", lang="en")
    assert not [c for c in doc.claims if c.sentence == 1]
    assert all(not e.actors for e in doc.events)


def _speakers(text: str, lang: str) -> list[str]:
    doc = extract_document(text, lang=lang)
    return [doc.entities[c.claimant].labels.get(lang, "") for c in doc.claims]


def test_a_medium_next_to_the_cue_is_the_speaker():
    assert _speakers("Militants ambushed a bus east of Palmyra, killing 14 troops, state television reported.",
                     "en") == ["state television"]
    assert _speakers("ذكر التلفزيون الرسمي أن مسلحين هاجموا حافلة عسكرية قرب تدمر.", "ar") == ["التلفزيون الرسمي"]


def test_coordinated_speakers_each_make_the_claim():
    assert sorted(_speakers("Gunmen killed 40 farmers in Mafa, a local official and residents said.", "en")) == [
        "local official", "residents"]
    assert sorted(_speakers("وقالت مصادر محلية وشهود إن مسلحين هاجموا القرية.", "ar")) == ["شهود", "مصادر محلية"]


def test_an_institution_named_by_its_head_speaks_once():
    assert _speakers("قُتل ٢٢ فلسطينيا في غارة جوية إسرائيلية، بحسب ما أفاد الدفاع المدني في القطاع.", "ar") == [
        "الدفاع المدني"]



def test_a_participle_after_the_speaker_keeps_the_report_before_it():
    doc = extract_document("Sudanese army warplanes bombed a crowded market in Nyala on Monday, the paramilitary Rapid "
                           "Support Forces said in a statement, accusing the army of targeting civilians.", lang="en")
    claim = doc.claims[0]
    types = {doc.events[x].type for x in claim.asserts}
    assert {"Airstrike", "Accusation"} <= types
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert accusation.actors == [claim.claimant] and accusation.targets


def test_a_relayed_source_and_the_agency_that_relays_it_both_claim():
    speakers = _speakers("قُتل تسعة جنود في كمين قرب تدمر، وفق ما نقلت وكالة الأنباء السورية الرسمية (سانا) عن مصدر "
                         "عسكري.", "ar")
    assert "مصدر عسكري" in speakers and len(speakers) == 2


def test_a_pronoun_speaker_is_the_last_speaker_of_its_kind():
    doc = extract_document("Troops clashed with rebels near Goma on Monday, army spokesman Major Sylvain Ekenge said. "
                           "Eleven rebels were also killed, he said.", lang="en")
    assert len(doc.claims) == 2 and doc.claims[0].claimant == doc.claims[1].claimant
    assert "Person" in doc.entities[doc.claims[1].claimant].types


def test_a_report_of_weapons_or_casualties_without_an_event_corroborates_the_attack_before():
    doc = extract_document("Hezbollah said it fired a barrage of rockets at an army post near Metula. "
                           "The Israeli military said about ten rockets had crossed from Lebanon.", lang="en")
    attack = next(x for x, e in enumerate(doc.events) if e.type == "RocketAttack")
    assert [c.asserts for c in doc.claims] == [[attack], [attack]]


def test_a_report_without_weapons_or_casualties_asserts_nothing_told_before():
    doc = extract_document("Hezbollah said it fired a barrage of rockets at an army post near Metula. "
                           "The Israeli military said it was reviewing the incident.", lang="en")
    assert doc.claims[1].asserts == []


def test_an_outlet_named_after_its_head_is_the_speaker():
    assert _speakers("Gunmen killed four soldiers near Djibo, the state broadcaster RTB said.", "en") == [
        "state broadcaster RTB"]


def test_blamed_the_attack_on_x_accuses_x():
    doc = extract_document("Gunmen raided a market in Kwara state, killing 12 traders. "
                           "The governor blamed the attack on Lakurawa.", lang="en")
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert accusation.targets and "lakurawa" in accusation.targets[0]
    assert [e.type for e in doc.events].count("ArmedAssault") == 1 and "Attack" not in [e.type for e in doc.events]


def test_a_city_standing_for_its_government_accuses_and_the_accused_act_is_its_claim():
    doc = extract_document("واتهمت كينشاسا رواندا بدعم المتمردين بالسلاح.", lang="ar")
    accusation = next(x for x, e in enumerate(doc.events) if e.type == "Accusation")
    assert doc.events[accusation].actors == ["kinshasa"] and doc.events[accusation].targets == ["rwanda"]
    assert [c.claimant for c in doc.claims] == ["kinshasa"]
    assert sorted(doc.claims[0].asserts) == list(range(len(doc.events)))


def test_a_cue_inside_an_aside_about_the_medium_does_not_take_the_report():
    text = "أعلنت حركة الشباب، في بيان نقلته إذاعة الأندلس، أن مقاتليها هاجموا قاعدة عسكرية قرب بلدوين."
    doc = extract_document(text, lang="ar")
    assert [c.claimant for c in doc.claims] == ["al-shabaab"]
    assert doc.claims[0].asserts == [0] and doc.claims[0].medium == "statement"


def test_a_quoted_name_before_the_event_noun_still_claims_its_own_attack():
    doc = extract_document("أعلنت «سرايا أولياء الدم» عبر تلغرام استهداف قاعدة حرير بطائرة مسيرة.", lang="ar")
    attack = next(e for e in doc.events if e.type == "DroneAttack")
    assert attack.actors == [doc.claims[0].claimant]


def test_what_follows_the_verb_after_the_speakers_pronoun_is_its_object():
    doc = extract_document("قال الجيش الإسرائيلي إنه استهدف «مركز قيادة وسيطرة تابعا لحماس» داخل المدرسة.", lang="ar")
    assert doc.events[0].actors == ["israel-defense-forces"] and doc.events[0].targets


def test_deaths_announced_are_not_the_announcers_killing():
    doc = extract_document("أعلنت خلية الإعلام الأمني مقتل ضابط وجنديين من الجيش العراقي في منطقة وادي الشاي.",
                           lang="ar")
    assert [e.actors for e in doc.events] == [[]]


def test_an_arabic_title_with_its_place_before_the_name_gives_the_named_speaker():
    doc = extract_document("وقال قائد القوات في المنطقة العقيد عبد الله حسين لوكالة الأنباء الصومالية "
                           "إن أربعة جنود قتلوا.", lang="ar")
    assert [doc.entities[c.claimant].labels["ar"] for c in doc.claims] == ["عبد الله حسين"]


def test_the_subject_of_the_report_is_no_speaker_and_a_short_form_looks_back_only():
    # "the army" has no antecedent: it is not the soldiers named after it, who do not speak
    doc = extract_document("The army said two soldiers were wounded.", lang="en")
    assert all("soldiers" not in _name(doc, c.claimant) for c in doc.claims)


def test_the_speaker_is_not_the_subject_of_a_passive_it_reports():
    doc = extract_document("Lebanon's National News Agency said one person was killed in an Israeli drone strike "
                           "on a car in Yohmor.", lang="en")
    assert [_name(doc, k) for k in doc.events[0].targets] == ["car"]


@pytest.mark.parametrize("text, lang", [
    ("Three rockets landed inside the Victory Base Complex, Iraq's Security Media Cell said in a statement. "
     "Security forces later found the launch pad in the Radwaniyah area, the statement added.", "en"),
    ("أعلنت وزارة الداخلية في النيجر في بيان مقتل ٢٢ مدنيا في هجوم على قرية داراي داي. "
     "وأوضح البيان أن المهاجمين أطلقوا النار على المصلين.", "ar"),
])
def test_the_statement_speaks_for_whoever_issued_it(text, lang):
    doc = extract_document(text, lang=lang)
    assert len(doc.claims) == 2 and doc.claims[0].claimant == doc.claims[1].claimant


def test_announcing_deaths_in_an_attack_does_not_make_the_speaker_the_attacker():
    doc = extract_document("أعلنت وزارة الداخلية في بيان مقتل ٢٢ مدنيا في هجوم على قرية داراي داي.", lang="ar")
    assert [e.actors for e in doc.events] == [[]]


@pytest.mark.parametrize("text, speaker", [
    ("قتل ثمانية أشخاص، بحسب ما أعلن رئيس الإدارة العسكرية للمدينة تيمور تكاتشينكو على تلغرام.", "تيمور تكاتشينكو"),
    ("ونقلت سانا عن قائد الأمن الداخلي في المحافظة العميد عبد العزيز الأحمد قوله إن مسلحين أطلقوا النار.",
     "عبد العزيز الأحمد"),
])
def test_the_holder_of_a_title_named_a_few_words_on_is_the_speaker(text, speaker):
    doc = extract_document(text, lang="ar")
    assert speaker in [doc.entities[c.claimant].labels["ar"] for c in doc.claims]


def test_a_speaker_that_repelled_an_attack_is_not_its_actor_and_the_name_before_its_modifier_is():
    doc = extract_document("The Joint Forces said they had repelled an RSF ground assault on the city's "
                           "southeastern flank.", lang="en")
    assert [e.actors for e in doc.events] == [["rapid-support-forces"]]


@pytest.mark.parametrize("text, lang", [
    ("Iranian state media said four members of the IRGC were killed in the strikes.", "en"),
    ("وذكرت وسائل الإعلام الرسمية الإيرانية أن أربعة من عناصر الحرس الثوري قتلوا في الغارات.", "ar"),
])
def test_the_media_are_a_speaker(text, lang):
    doc = extract_document(text, lang=lang)
    assert len(doc.claims) == 1 and doc.claims[0].asserts


@pytest.mark.parametrize("text, lang", [
    ("Junta spokesman Major General Zaw Min Tun denied that the air force had struck the village.", "en"),
    ("نفى الجيش الوطني الليبي أن تكون طائراته قد قصفت مواقع قرب مدينة غريان.", "ar"),
])
def test_a_denial_is_a_claim_that_asserts_no_event(text, lang):
    doc = extract_document(text, lang=lang)
    assert doc.events == [] and len(doc.claims) == 1 and doc.claims[0].asserts == []


def test_the_militant_group_that_claims_is_the_group_named_before():
    doc = extract_document("Al-Shabaab militants fired mortar rounds at the airport in Mogadishu on Wednesday. "
                           "The militant group claimed the mortar attack in a statement.", lang="en")
    assert [c.claimant for c in doc.claims] == ["al-shabaab"]


def test_a_group_claiming_an_attack_by_unnamed_gunmen_is_its_actor():
    doc = extract_document("قُتل ثلاثة جنود في كمين نصبه مسلحون لدورية عسكرية في منطقة دودا. "
                           "وتبنت جماعة «جبهة مقاومة كشمير» الهجوم في بيان.", lang="ar")
    assert len(doc.events) == 1 and not any(map(doc.unnamed, doc.events[0].actors))


@pytest.mark.parametrize("text, lang", [
    ("وتحدث سكان محليون عن غارات جوية استهدفت مواقع في بلدة تل رفعت.", "ar"),
    ("وكانت وسائل إعلام محلية قد تحدثت عن قصف مدفعي على أطراف مدينة غريان.", "ar"),
    ("Residents spoke of heavy shelling on the outskirts of Gharyan overnight.", "en"),
])
def test_who_speaks_of_an_attack_claims_it_and_did_not_carry_it_out(text, lang):
    doc = extract_document(text, lang=lang)
    assert len(doc.claims) == 1 and doc.claims[0].asserts == [0] and not doc.events[0].actors


@pytest.mark.parametrize("text, speaker", [
    ("نفت القيادة العامة للجيش الوطني الليبي أن تكون طائراتها قد قصفت مواقع قرب مدينة غريان.",
     "libyan-national-army"),
    ("قالت قيادة الجيش السوداني إن قواتها صدت هجوما على مدينة الفاشر.", "sudanese-armed-forces"),
])
def test_a_forces_command_speaks_for_the_force(text, speaker):
    assert [c.claimant for c in extract_document(text, lang="ar").claims] == [speaker]


def test_a_speaker_named_by_its_head_alone_is_not_the_victims_named_before():
    doc = extract_document("A car bomb exploded outside a military base in Tame on Tuesday, killing three soldiers, "
                           "the army said.", lang="en")
    assert [doc.entities[c.claimant].labels["en"] for c in doc.claims] == ["army"]


@pytest.mark.parametrize("text, lang", [
    ("Al Mayadeen television reported that Israeli drones struck a car near Tyre on Monday.", "en"),
    ("Al-Manar TV said an Israeli air strike hit a house in the town of Bint Jbeil.", "en"),
    ("وذكرت قناة الميادين التلفزيونية أن غارة إسرائيلية استهدفت سيارة قرب صور.", "ar"),
    ("وقال تلفزيون المنار إن طائرة مسيرة إسرائيلية قصفت منزلا في بلدة عيترون.", "ar"),
])
def test_a_channel_that_reports_tells_it_on_television(text: str, lang: str):
    doc = extract_document(text, lang=lang)
    assert [c.medium for c in doc.claims] == ["television"]


@pytest.mark.parametrize("text, lang, speaker", [
    ("The Nigerian army acknowledged that an air strike had killed civilians in the village of Tudun Biri.", "en",
     "Nigerian Army"),
    ("وأقرت القوات المسلحة السودانية بأن غارة جوية أصابت سوقا في مدينة نيالا.", "ar", "القوات المسلحة السودانية"),
    ("واعترف الجيش الإسرائيلي بأنه قصف مدرسة في مخيم النصيرات.", "ar", "الجيش الإسرائيلي"),
])
def test_who_acknowledges_an_attack_claims_it(text: str, lang: str, speaker: str):
    doc = extract_document(text, lang=lang)
    assert _speakers(text, lang) == [speaker]
    assert doc.claims[0].asserts == [0] and doc.events[0].type in ("Airstrike", "Shelling")


def test_confirming_an_attack_named_by_its_article_is_not_the_speakers_own_act():
    doc = extract_document("هاجم مسلحون قرية ناكوتوتو. وأكد حاكم الإقليم ألبرتو ماتشافا وقوع الهجوم.", lang="ar")
    assert [doc.entities[k].labels["ar"] for e in doc.events for k in e.actors] == ["مسلحون"]


def test_no_speaker_is_borrowed_across_a_new_clause_or_for_an_unknown_one():
    doc = extract_document("وقال قائد عسكري صومالي إن 11 جنديا قتلوا في الهجوم، فيما أعلن الجيش مقتل 17 من المهاجمين.",
                           lang="ar")
    assert len(doc.claims) == 1 and "قائد" in doc.entities[doc.claims[0].claimant].labels["ar"]


def test_speakers_joined_with_an_article_between_each_make_the_claim():
    doc = extract_document("Local residents and a rights group said the army shelled the village.", lang="en")
    assert sorted(doc.entities[c.claimant].labels["en"] for c in doc.claims) == ["Local residents", "rights group"]
