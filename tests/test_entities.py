"""Entity patterns: heads, titles and names the gazetteer does not list."""

import pytest

from conflictkg.extract import extract_document


def _event(text: str, lang: str, cls: str):
    doc = extract_document(text, lang=lang)
    return doc, next(e for e in doc.events if e.type == cls)


def _labels(doc, keys: list[str]) -> list[str]:
    return [" | ".join(doc.entities[k].labels.values()) for k in keys]


def test_arabic_collective_then_group_head_then_quoted_name_is_that_group():
    doc, ev = _event("هاجم مسلحو حركة «الفجر الجديد» قرية دوكا شمالي تشاد.", "ar", "ArmedAssault")
    assert _labels(doc, ev.actors) and "الفجر الجديد" in _labels(doc, ev.actors)[0]


def test_arabic_head_with_a_known_group_in_quotes_is_the_known_group():
    # fighters attacking are a ground assault
    doc, ev = _event("شن مقاتلو تحالف «حركة الشباب» هجوما على قاعدة عسكرية قرب بلدوين.", "ar", "ArmedAssault")
    assert ev.actors == ["al-shabaab"]


def test_arabic_government_of_a_country_is_one_node_with_the_english_one():
    ar, _ = _event("واتهمت حكومة مالي المتمردين بمهاجمة القافلة.", "ar", "Accusation")
    en, _ = _event("The Malian government accused the rebels of attacking the convoy.", "en", "Accusation")
    assert "governmentbody/mali" in ar.entities and "governmentbody/mali" in en.entities


def test_an_arabic_definite_title_word_without_name_is_no_speaker():
    text = "قتل جندي في هجوم قرب بلدة كومبا في المنطقة الجنوبية الغربية الناطقة بالإنجليزية."
    doc = extract_document(text, lang="ar")
    assert not [k for k, e in doc.entities.items() if "Person" in e.types or k.startswith("group/")]


def test_a_patrol_is_the_target_and_the_exploding_device_the_instrument():
    doc, ev = _event("قتل جنديان في انفجار عبوة ناسفة استهدف دورية للجيش قرب بلدة منغو.", "ar", "Bombing")
    assert ev.instruments == ["عبوة ناسفة"]
    assert ev.targets and "دورية" in _labels(doc, ev.targets)[0]


def test_an_arabic_name_stops_before_a_preposition_glued_to_a_definite_noun():
    doc, ev = _event("قتل جنديان في هجوم في منطقة كولا بالقطاع الشمالي.", "ar", "Attack")
    assert any(e.labels.get("ar") == "كولا" for e in doc.entities.values())


def test_an_arabic_name_is_not_read_through_a_pronoun_ending():
    # باكاري with ب and ي stripped spells أكار, a known surname: a name takes no pronoun ending
    doc = extract_document("وقال رئيس البلدية حسن باكاري إن المسلحين فروا.", lang="ar")
    assert not [k for k in doc.entities if "akar" in k]


def test_an_adjective_before_the_affiliation_keeps_the_spokesperson_named_after_it():
    doc = extract_document("“We lost four men,” a spokesman for the local Karen National Union, Saw Taw Nee, "
                           "told reporters.", lang="en")
    assert [doc.entities[c.claimant].labels.get("en") for c in doc.claims] == ["Saw Taw Nee"]


def test_a_month_after_in_is_no_place():
    doc = extract_document("The army seized power in a coup in February, the agency said.", lang="en")
    assert not [k for k in doc.entities if "february" in k]


def test_an_unnamed_holder_of_a_title_is_the_speaker_not_the_body_or_a_date():
    doc = extract_document("Bandits killed nine villagers on Tuesday, a local militia leader told Reuters.", lang="en")
    speaker = doc.entities[doc.claims[0].claimant]
    assert speaker.labels["en"] == "local militia leader"
    assert not any(k.startswith("person/") for k in doc.entities)


@pytest.mark.parametrize("text, name", [
    ("قال ضابط في الجيش يدعى حسن إبراهيم إن مسلحين هاجموا نقطة تفتيش.", "حسن إبراهيم"),
    ("An army officer named Ali Hassan said gunmen attacked a checkpoint.", "Ali Hassan"),
])
def test_a_name_after_named_is_a_person_who_speaks(text, name):
    doc = extract_document(text)
    speaker = doc.entities[doc.claims[0].claimant]
    assert speaker.types == {"Person"} and speaker.labels[doc.lang] == name


@pytest.mark.parametrize("text, actor", [
    ("شن طيران الاحتلال الإسرائيلي غارات على مدينة خان يونس.", "israel"),
    ("قصفت مدفعية الاحتلال التركي قرى في ريف منبج.", "turkey"),
    ("اقتحمت قوات الاحتلال مدينة جنين فجر اليوم.", "israel-defense-forces"),
])
def test_the_occupation_is_the_occupier_named_by_arab_media(text, actor):
    assert extract_document(text, lang="ar").events[0].actors == [actor]


@pytest.mark.parametrize("text, where", [
    ("شن الطيران غارات عنيفة على مناطق متفرقة من مدينة خان يونس.", "khan-younis"),
    ("أسفر القصف على أحياء سكنية في مدينة الفاشر عن مقتل خمسة مدنيين.", "el-fasher"),
])
def test_an_adjective_after_a_plural_place_head_is_no_name_and_the_whole_is_where(text, where):
    doc = extract_document(text, lang="ar")
    assert where in doc.events[0].locations
    assert not [e for e in doc.entities.values() if e.labels.get("ar", "").endswith(("متفرقة", "سكنية"))]


def test_a_short_form_names_the_last_entity_whose_name_has_its_head_word():
    doc = extract_document("هاجم مسلحون من حركة الشباب قاعدة عسكرية، ثم فر مسلحون آخرون. "
                           "وتبنت الحركة الهجوم في بيان.", lang="ar")
    assert [c.claimant for c in doc.claims] == ["al-shabaab"]


def test_gunmen_from_the_movement_named_before_are_that_movement():
    doc = extract_document("فجر انتحاري من حركة الشباب سيارة مفخخة قرب قاعدة عسكرية في بلدة مهاس، "
                           "قبل أن يقتحم مسلحون من الحركة القاعدة.", lang="ar")
    assert [(e.type, e.actors) for e in doc.events] == [("Bombing", ["al-shabaab"]), ("ArmedAssault", ["al-shabaab"])]


def test_gunmen_from_a_quoted_group_are_that_group():
    doc = extract_document("قُتل 12 شخصا في هجوم نفذه مسلحون من تنظيم «الدولة الإسلامية في غرب أفريقيا» على قرية "
                           "في ولاية بورنو.", lang="ar")
    attack = next(e for e in doc.events if e.type == "ArmedAssault")
    assert len(attack.actors) == 1 and "غرب أفريقيا" in doc.entities[attack.actors[0]].labels["ar"]


def test_the_owner_of_a_base_where_an_attack_happened_is_its_target():
    doc = extract_document("انفجرت سيارة مفخخة عند مدخل قاعدة عسكرية للجيش الصومالي في بلدة مهاس.", lang="ar")
    assert doc.events[0].targets == ["somali-national-army"]


def test_gunmen_from_a_described_collective_are_that_collective_and_a_joined_one_keeps_no_conjunction():
    doc = extract_document("اندلعت اشتباكات بين مسلحين من العشائر البدوية والفصائل الدرزية في حي المقوس.", lang="ar")
    clash = doc.events[0]
    assert [doc.entities[k].labels["ar"] for k in clash.actors] == ["العشائر البدوية", "الفصائل الدرزية"]
    assert not [k for k in clash.actors if "/و" in k]


def test_an_arabic_ministry_name_ends_with_its_definite_word():
    doc = extract_document("وأعلنت وزارة الداخلية نشر وحدات من قوى الأمن على مداخل المدينة.", lang="ar")
    assert [doc.entities[c.claimant].labels["ar"] for c in doc.claims] == ["وزارة الداخلية"]


def test_a_capitalised_word_hyphened_to_a_modifier_is_no_name():
    doc = extract_document("Fighting erupted between Syrian government forces and the Kurdish-led Syrian "
                           "Democratic Forces (SDF) in Aleppo.", lang="en")
    assert doc.events[0].actors == ["militaryforce/syria", "syrian-democratic-forces"]


def test_a_name_does_not_run_into_the_second_part_of_a_split_phrase():
    doc = extract_document("أطلق مسلحون النار على السوق، ما أدى إلى مقتل شخصين.", lang="ar")
    assert _labels(doc, doc.events[0].actors) == ["مسلحون"]


def test_a_capitalised_count_is_no_name_and_the_state_of_the_soldiers_is_hit():
    doc = extract_document("Ten Nigerien soldiers were killed when their patrol came under fire near Tassia.",
                           lang="en")
    assert "militaryforce/niger" in doc.events[0].targets


def test_what_a_vehicle_carries_is_hit_with_it():
    doc = extract_document("Islamic State militants ambushed a bus carrying Syrian soldiers east of Palmyra.",
                           lang="en")
    assert "militaryforce/syria" in doc.events[0].targets


def test_the_name_ali_is_no_preposition_inside_a_name():
    doc = extract_document("وقال المتحدث باسم الجيش الوطني الصومالي العقيد عبدالله علي إن القوات قتلت 12 مسلحا.",
                           lang="ar")
    assert "عبدالله علي" in {e.labels.get("ar") for e in doc.entities.values()}


def test_a_spokesman_in_its_name_speaks_for_the_body_named_before():
    doc = extract_document("ولم يعلق الجيش السوداني، لكن المتحدث باسمه العميد نبيل عبد الله قال إن القوات صدت "
                           "الهجوم.", lang="ar")
    assert any(r.predicate == "spokespersonFor" and r.object == "sudanese-armed-forces" for r in doc.relations)


@pytest.mark.parametrize("text, lang, group", [
    ("قتل مسلحون يشتبه في انتمائهم إلى جماعة بوكو حرام ١٨ مزارعا في هجوم على قرية دالوا.", "ar", "boko-haram"),
    ("Gunmen believed to belong to ISWAP killed 12 farmers near Dalwa.", "en", "islamic-state-west-africa-province"),
])
def test_gunmen_believed_to_belong_to_a_group_are_that_group_and_no_victim(text, lang, group):
    doc = extract_document(text, lang=lang)
    assert doc.events[0].actors == [group] and group not in doc.events[0].targets


def test_the_spokesman_of_south_sudans_army_by_its_old_name_speaks_for_the_army():
    doc = extract_document("وقال المتحدث باسم الجيش الشعبي لجنوب السودان العميد لول رواي كوانغ إن الجيش صد هجوما "
                           "قرب ملكال.", lang="ar")
    assert any(r.predicate == "spokespersonFor" and r.object == "south-sudan-peoples-defence-forces"
               for r in doc.relations)


@pytest.mark.parametrize("text", [
    "هاجم مسلحون موقعا للجيش في ولاية تيلابيري غربي النيجر.",
    "هاجم مسلحون إسلاميون قرية ناكوتوتو في إقليم كابو ديلغادو.",
], ids=["an object after", "an adjective after"])
def test_an_arabic_sound_plural_head_takes_no_name_after_it(text):
    # a plural that keeps its ن is followed by no name: "مسلحون موقعا" is gunmen, then their object
    doc, ev = _event(text, "ar", "ArmedAssault")
    assert _labels(doc, ev.actors) == ["مسلحون"]


def test_an_arabic_name_ends_before_a_time_word():
    doc, ev = _event("هاجم مسلحون قرية ناكوتوتو ليل الأحد.", "ar", "ArmedAssault")
    assert _labels(doc, ev.targets) == ["ناكوتوتو"]


def test_the_happening_a_title_confirms_is_no_name():
    doc = extract_document("هاجم مسلحون قرية ناكوتوتو. وأكد الحاكم وقوع الهجوم.", lang="ar")
    assert not [k for k, e in doc.entities.items() if "Person" in e.types]


def test_a_medical_group_looks_back_to_an_organisation_and_the_paramilitary_to_an_armed_group():
    doc = extract_document("The Rapid Support Forces shelled the Abu Shouk camp, killing dozens of people, the Sudan "
                           "Doctors Network said. The medical group accused the paramilitary of targeting civilians.",
                           lang="en")
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert (accusation.actors, accusation.targets) == (["sudan-doctors-network"], ["rapid-support-forces"])


def test_armed_men_are_gunmen_and_an_unknown_name_joined_to_a_village_is_another_village():
    doc, ev = _event("Armed men stormed the farming villages of Zike and Kimakpa in Bassa, killing 51 people.", "en",
                     "ArmedAssault")
    assert _labels(doc, ev.actors) == ["Armed men"]
    assert _labels(doc, ev.targets) == ["Zike", "Kimakpa"]


def test_an_adjective_between_fighters_and_their_group_keeps_the_group():
    doc, ev = _event("Militants from the banned Tehreek-e-Taliban Pakistan attacked a police checkpoint in Bannu.",
                     "en", "ArmedAssault")
    assert ev.actors == ["tehrik-i-taliban-pakistan"]


def test_an_arabic_dual_place_head_names_two_places():
    doc, ev = _event("قصفت القوات الحكومية منطقتي متينا وهاكورك في ولاية النيل الأزرق.", "ar", "Shelling")
    assert _labels(doc, ev.targets) == ["متينا", "هاكورك"]


def test_an_arabic_plural_in_construct_before_a_short_form_is_the_body_named_before():
    doc = extract_document("هاجمت حركة الشباب قاعدة عسكرية. وقتل مسلحو الحركة ثلاثة جنود.", lang="ar")
    assert doc.events[-1].actors == ["al-shabaab"]


def test_an_arabic_title_without_the_article_and_adjectives_after_it_names_no_one():
    doc = extract_document("وقال قائد عسكري صومالي إن 11 جنديا قتلوا في الهجوم.", lang="ar")
    speaker = doc.entities[doc.claims[0].claimant]
    assert "Person" not in speaker.types and speaker.labels["ar"] == "قائد عسكري صومالي"
    assert ("memberOf", "somalia") in {(r.predicate, r.object) for r in doc.relations if r.subject == speaker.key}


def test_forces_in_construct_with_a_short_form_belong_to_the_body_a_title_named():
    doc = extract_document("أعلن المتحدث العسكري باسم الحوثيين يحيى سريع أن قوات الجماعة استهدفت سفينة الشحن "
                           "«ماجيك سيز» في البحر الأحمر.", lang="ar")
    assert doc.events[0].actors == ["houthis"]


def test_its_fighters_belong_to_the_speaker_not_to_a_body_named_in_an_aside():
    doc = extract_document("Israeli troops raided the camp. The Tulkarm Brigade, part of Palestinian Islamic Jihad's "
                           "Al-Quds Brigades, said on Telegram that its fighters had clashed with the troops.",
                           lang="en")
    clash = next(e for e in doc.events if e.type == "ArmedClash")
    assert clash.actors[0] == "tulkarm-brigade"
