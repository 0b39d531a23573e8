"""Events that did not happen, or are no events at all, are not asserted."""

import pytest

from conflictkg.extract import extract_document


def _types(text: str, lang: str) -> list[str]:
    return [e.type for e in extract_document(text, lang=lang).events]


def test_a_word_starting_like_the_arabic_future_prefix_is_not_a_threat():
    # سيارة (car) begins with the letters of the future prefix سـ + يـ
    assert _types("انفجرت سيارة مفخخة قرب سوق في مقديشو.", "ar") == ["Bombing"]


def test_the_arabic_future_prefix_still_marks_a_threat():
    assert "Airstrike" not in _types("قال الجيش إنه سيشن غارات على مواقع الحوثيين.", "ar")


@pytest.mark.parametrize("text", [
    "U.S. forces did not carry out any retaliatory strikes, one of the officials added.",
    "Al-Shabaab, the group fighting to topple Somalia's government, issued a statement.",
])
def test_negated_support_verbs_and_aims_are_no_events(text):
    assert _types(text, "en") == []


def test_a_marked_weapon_inside_the_trigger_phrase_is_the_instrument():
    doc = extract_document("قالت مصادر محلية إن ضربة بطائرة مسيرة استهدفت سوقا في بلدة فينوتي سلام.", lang="ar")
    assert doc.events[0].type == "DroneAttack" and doc.events[0].instruments == ["طائرة مسيرة"]


def test_an_arabic_adjective_after_a_site_head_describes_it():
    doc = extract_document("شنت طائرة مسيرة غارة على سوق شعبي في بلدة فينوتي سلام.", lang="ar")
    labels = {e.labels["ar"] for e in doc.entities.values()}
    assert "سوق شعبي" in labels and "فينوتي سلام" in labels


def test_an_attack_verb_after_an_attack_noun_is_the_same_event():
    doc = extract_document("An Israeli air strike hit a school sheltering displaced families in Gaza City on "
                           "Saturday, killing 15 people.", lang="en")
    assert [e.type for e in doc.events] == ["Airstrike"]
    assert doc.events[0].fatalities == 15 and doc.events[0].targets


def test_a_toll_belongs_to_the_event_told_before_it():
    doc = extract_document("U.S. aircraft struck a militia command centre in Jurf al-Sakhar in retaliation for "
                           "a drone attack that killed three American soldiers in Jordan.", lang="en")
    by_type = {e.type: e for e in doc.events}
    assert by_type["Airstrike"].fatalities is None
    assert by_type["DroneAttack"].fatalities == 3


@pytest.mark.parametrize("text, lang", [
    ("A drone attack on the Ain al-Asad air base caused no casualties or damage, two U.S. officials said.", "en"),
    ("The Ilsky oil refinery was hit by Ukrainian drones early on Saturday. No one was hurt.", "en"),
    ("تعرضت قاعدة لقصف بقذائف الهاون دون وقوع خسائر بشرية.", "ar"),
])
def test_no_casualties_means_none_killed_and_none_wounded(text, lang):
    event = extract_document(text, lang=lang).events[0]
    assert (event.fatalities, event.injuries) == (0, 0)


def test_an_aside_in_brackets_stays_in_its_clause():
    doc = extract_document("هاجم مقاتلون من تنظيم الدولة الإسلامية في غرب أفريقيا (إيسواب) قاعدة للجيش النيجيري في "
                           "بلدة مالام فاتوري بولاية بورنو فجر السبت.", lang="ar")
    assert doc.events[0].locations


def test_a_speech_act_noun_nobody_performs_is_no_event():
    doc = extract_document("وأعلن مركز طب الطوارئ والدعم أن الاشتباكات أسفرت عن مقتل ستة أشخاص.", lang="ar")
    assert "Endorsement" not in [e.type for e in doc.events]


@pytest.mark.parametrize("text, places", [
    ("قصفت قوات الدعم السريع، اليوم الأحد، مخيم أبو شوك للنازحين شمالي مدينة الفاشر بالمدفعية الثقيلة.", 1),
    ("نصب عناصر من تنظيم الدولة الإسلامية كمينا لحافلة عسكرية بالقرب من مدينة الميادين.", 1),
    ("شنت طائرات حربية باكستانية غارات على مواقع يشتبه بأنها تابعة لحركة طالبان باكستان في مديرية برمل.", 1),
])
def test_arabic_places_past_asides_near_and_suspected(text, places):
    event = extract_document(text, lang="ar").events[0]
    assert len(event.locations) + len(event.targets) >= places


@pytest.mark.parametrize("text, target", [
    ("Houthi forces fired two missiles at the Marshall Islands-flagged tanker Sea Harmony in the Gulf of Aden.",
     "Sea Harmony"),
    ("أعلن المتحدث العسكري باسم الحوثيين استهداف سفينة النفط «ستار أوشن» في البحر الأحمر.", "ستار أوشن"),
    ("A drone strike on a minibus north of Bahir Dar killed 11 civilians.", "minibus"),
    ("A roadside bomb struck a convoy of the Popular Mobilisation Forces near Tarmiyah.",
     "Popular Mobilization Forces"),
])
def test_ships_vehicles_and_their_owners_are_targets(text, target):
    doc = extract_document(text)
    names = {label for k in doc.events[0].targets for label in doc.entities[k].labels.values()}
    assert target in names


def test_a_head_inside_a_hyphenated_word_is_no_entity():
    doc = extract_document("Houthis fired an anti-ship missile at a tanker in the Red Sea.", lang="en")
    assert all("ship" != e.labels.get("en") for e in doc.entities.values())


@pytest.mark.parametrize("text", [
    '"Every attack on our people will be met with a response," the group\'s leader said.',
    "AFRICOM said its initial assessment was that no civilians were injured or killed.",
])
def test_generic_and_negated_events_are_not_asserted(text):
    assert _types(text, "en") == []


def test_an_unknown_arabic_place_after_in_is_a_place_but_a_common_noun_is_not():
    doc = extract_document("هاجم مسلحون قرية في كولوفاتا فجر الأحد.", lang="ar")
    assert any(e.labels.get("ar") == "كولوفاتا" for e in doc.entities.values())
    doc = extract_document("قصفت القوات مواقع المسلحين في وقت سابق، وفي أعقاب اندلاع حريق.", lang="ar")
    assert not any(k.startswith("settlement/") for k in doc.entities)


def test_a_vow_to_respond_a_few_words_on_is_a_threat():
    assert _types("The Iraqi defence minister vowed that Baghdad would respond to any incursion.", "en") == ["Threat"]


def test_a_participle_after_a_comma_is_said_by_the_same_speaker():
    doc = extract_document("وأدانت الحكومة اليمنية الغارات على صنعاء، متوعدة بالرد.", lang="ar")
    said, vow = (next(e for e in doc.events if e.type == t) for t in ("Condemnation", "Threat"))
    assert vow.actors == said.actors != []


def test_the_side_clashed_with_is_an_actor_of_the_clash():
    doc = extract_document("Kenyan troops clashed with al-Shabaab fighters near the border town of Mandera.", lang="en")
    clash = next(e for e in doc.events if e.type == "ArmedClash")
    assert "al-shabaab" in clash.actors and len(clash.actors) == 2


def test_the_target_of_tarrada_may_stand_far_before_the_event_noun():
    doc = extract_document("تعرضت قاعدة عسكرية تابعة لقوات حفظ السلام في مدينة كيدال بشمال مالي لقصف بقذائف الهاون.",
                           lang="ar")
    shelling = next(e for e in doc.events if e.type == "Shelling")
    assert any(t.startswith("site/") for t in shelling.targets)


def test_raids_by_aircraft_are_airstrikes():
    assert _types("Pakistani warplanes carried out raids on TTP hideouts in Khost province.", "en") == ["Airstrike"]


def test_coming_under_fire_is_an_attack_of_the_weapon_named():
    doc = extract_document("Two tankers came under Houthi missile fire off Mokha, a maritime security firm said.",
                           lang="en")
    assert [e.type for e in doc.events] == ["RocketAttack"] and doc.events[0].targets


def test_a_hyphenated_adjective_after_and_keeps_both_sides_of_a_clash():
    doc = extract_document("Heavy fighting erupted between the Sudanese army and the well-armed RSF near Omdurman.",
                           lang="en")
    clash = next(e for e in doc.events if e.type == "ArmedClash")
    assert len(clash.actors) == 2 and not clash.targets


def test_the_subject_stands_before_an_aside_that_opens_with_a_possessive():
    doc = extract_document("The Houthis, Iran's allies in Yemen, fired a barrage of missiles at Eilat.", lang="en")
    assert [(e.actors, e.instruments) for e in doc.events] == [(["houthis"], ["missiles"])]


@pytest.mark.parametrize("text, kind", [
    ("Two tankers came under Houthi drone and missile fire off Mokha.", "Attack"),
    ("Kataib Hezbollah attacked the base with drones and rockets on Monday.", "Attack"),
    ("هاجمت حركة الشباب القاعدة بطائرات مسيرة وصواريخ.", "Attack"),
    ("Kataib Hezbollah attacked the base with drones on Monday.", "DroneAttack"),
    ("Israeli jets struck missile production sites in Iran.", "Airstrike"),  # a missile site is no second weapon
])
def test_weapons_of_two_kinds_leave_an_attack_of_no_one_kind(text, kind):
    assert [e.type for e in extract_document(text).events] == [kind]


def test_a_weapon_joined_to_a_marked_one_is_an_instrument_too():
    doc = extract_document("هاجمت حركة الشباب القاعدة بطائرات مسيرة وصواريخ.", lang="ar")
    assert doc.events[0].instruments == ["طائرات مسيرة", "صواريخ"]


@pytest.mark.parametrize("text, kind", [
    ("Two rockets fell on Kiryat Shmona on Monday.", "RocketAttack"),
    ("Mortar shells reportedly landed near a market in Goma.", "Shelling"),
    ("سقطت قذائف هاون على حي الشيخ مقصود في حلب.", "Shelling"),
    ("وقال المحافظ إن إحدى المسيرات سقطت على مستودع للذخيرة في بلدة سودجا.", "DroneAttack"),
])
def test_a_weapon_that_lands_or_falls_is_an_attack_of_its_kind(text, kind):
    assert [e.type for e in extract_document(text).events] == [kind]


def test_landing_without_a_weapon_is_no_event():
    assert _types("The plane landed in Kabul on Monday.", "en") == []


@pytest.mark.parametrize("text, place", [
    ("Bandits killed nine villagers in a raid on the village of Kauru on Sunday.", "kauru"),
    ("قتل مسلحون خمسة مزارعين خلال هجوم على قرية كورا.", "كورا"),
])
def test_a_killing_in_an_attack_on_a_place_happened_there(text, place):
    doc = extract_document(text)
    killing = next(e for e in doc.events if e.type == "Killing")
    assert any(place in key or place in doc.entities[key].labels.get(doc.lang, "") for key in killing.locations)


def test_the_event_answered_is_a_clause_of_its_own_with_its_toll_and_place():
    doc = extract_document("Israeli jets struck Hezbollah sites in Lebanon in response to a rocket attack that killed "
                           "two civilians in Metula.", lang="en")
    strike, rockets = doc.events
    assert strike.in_response_to == 1 and "israel" in strike.actors
    assert rockets.type == "RocketAttack" and not rockets.actors and rockets.fatalities == 2
    assert [doc.entities[k].labels["en"] for k in rockets.locations] == ["Metula"]


def test_attack_drones_are_a_weapon_not_a_second_attack():
    doc = extract_document("Russia launched 40 attack drones at Kyiv overnight.", lang="en")
    assert [(e.type, e.targets, e.instruments) for e in doc.events] == [("DroneAttack", ["kyiv"], ["attack drones"])]


def test_a_place_after_at_is_where_once_the_target_is_named():
    doc = extract_document("Al-Shabaab fighters attacked Kenyan troops at the Baure military base.", lang="en")
    attack = doc.events[0]
    assert attack.targets == ["kenya-defence-forces"] and len(attack.locations) == 1


def test_a_place_after_a_distance_and_direction_of_a_port_is_where():
    doc = extract_document("A tanker was hit by a drone 30 nautical miles north of the Libyan port of Misrata.",
                           lang="en")
    assert "misrata" in doc.events[0].locations


@pytest.mark.parametrize("text, types", [
    ("Ukrainian drones destroyed a fuel depot near Belgorod on Sunday.", ["DroneAttack"]),
    ("دمرت طائرة مسيرة تركية مستودعا للذخيرة قرب القامشلي.", ["DroneAttack"]),
    ("وصلت قوات الحكومة إلى مدينة تدمر الأحد.", []),  # تدمر is also Palmyra
])
def test_destroying_is_an_attack(text, types):
    assert [e.type for e in extract_document(text).events] == types


@pytest.mark.parametrize("text", [
    "Militias supported by Iran attacked the base.",
    "Iran-supported militias attacked the base.",
])
def test_an_event_word_inside_a_name_is_no_event(text):
    assert _types(text, "en") == ["Attack"]


@pytest.mark.parametrize("text, types", [
    ("The Iran-backed Houthis attacked a ship.", ["Attack"]),
    ("The Houthis, backed by Iran, fired missiles at Eilat.", ["RocketAttack"]),
    ("UN Secretary-General Antonio Guterres backed the ceasefire proposal.", ["Endorsement"]),
    ("The proposal was backed by Egypt.", ["Endorsement"]),
    ("Wagner mercenaries, fighting alongside Malian troops, killed 20 civilians in Moura.", ["Killing"]),
])
def test_backing_and_alliance_words_are_acts_only_as_verbs_of_their_own(text, types):
    assert [e.type for e in extract_document(text).events] == types


def test_the_subject_stands_before_an_aside_that_names_its_backer():
    doc = extract_document("The Houthis, backed by Iran, fired missiles at Eilat.", lang="en")
    assert doc.events[0].actors == ["houthis"]


@pytest.mark.parametrize("text, killed, injured", [
    ("انفجرت عبوة ناسفة قرب مقر للشرطة في بنغازي دون أن يسفر الانفجار عن إصابات.", None, 0),
    ("Gunmen attacked a checkpoint in Kauru, and officials did not say how many were killed.", None, None),
    ("قتل جنديان وأصيب خمسة آخرون في هجوم بطائرة مسيرة على قاعدة في كيدال.", 2, 5),
])
def test_tolls_read_without_and_a_conjunction_on_the_casualty_word(text, killed, injured):
    event = next(e for e in extract_document(text).events if e.type != "Killing")
    assert (event.fatalities, event.injuries) == (killed, injured)


@pytest.mark.parametrize("text, killed, injured", [
    # one more: "another", "آخر", "ثالث"
    ("A roadside bomb killed one soldier and wounded another near Kidal.", 1, 1),
    ("قتل شرطي وأصيب آخر بجروح في انفجار عبوة ناسفة في الموصل.", 1, 1),
    ("قُتل عنصران من الشرطة وأصيب ثالث في انفجار سيارة مفخخة في كركوك.", 2, 1),
    ("أسفرت الغارة عن مقتل طفل وإصابة آخرين في خان يونس.", 1, None),  # "others": no count
    # counts joined after the first are the same toll, up to the next casualty word
    ("Clashes erupted in Aleppo, killing two members of the security forces and a civilian.", 3, None),
    ("أسفر القصف عن مقتل خمسة جنود وثلاثة مدنيين في درعا.", 8, None),
    ("أسفر القصف عن مقتل خمسة جنود وإصابة ثلاثة مدنيين في درعا.", 5, 3),
    ("The shelling of Kherson killed 12 people and 3 others were wounded.", 12, 3),
])
def test_one_more_and_joined_counts_add_to_the_toll(text, killed, injured):
    event = extract_document(text).events[0]
    assert (event.fatalities, event.injuries) == (killed, injured)


def test_a_place_after_a_word_for_its_part_is_where():
    doc = extract_document("استهدفت مسيرة سيارة على طريق بلدة الخيام صباح الأحد.", lang="ar")
    attack = doc.events[0]
    assert attack.locations and not any("الخيام" in doc.entities[t].labels.get("ar", "") for t in attack.targets)


@pytest.mark.parametrize("text, kind", [
    ("Shells hit a market in El Geneina on Monday.", "Shelling"),
    ("Strikes hit the town of Sake on Monday.", "Attack"),
])
def test_a_plural_event_word_before_an_attack_verb_is_its_subject(text, kind):
    doc = extract_document(text, lang="en")
    assert [e.type for e in doc.events] == [kind] and doc.events[0].targets + doc.events[0].locations


def test_a_gapped_phrase_spans_a_long_verb_first_subject_but_not_a_comma():
    assert _types("وقعت حكومة جنوب السودان والحركة الشعبية لتحرير السودان في أديس أبابا الأسبوع الماضي اتفاقا لوقف "
                  "القتال.", "ar") == ["Cooperation"]
    assert _types("وقعت الحكومة في أديس أبابا، بعد أسابيع من المحادثات، اتفاقا.", "ar") == []


def test_a_weapon_that_slams_into_a_building_is_an_attack_not_a_condemnation():
    doc = extract_document("A Russian missile slammed into an apartment block in Dnipro on Friday.", lang="en")
    assert [e.type for e in doc.events] == ["RocketAttack"] and doc.events[0].actors == ["russia"]


@pytest.mark.parametrize("text, kind", [
    ("The two sides signed an agreement to halt the fighting in Khartoum.", "ArmedClash"),
    ("وقع الطرفان اتفاقا لوقف القتال في الخرطوم.", "ArmedClash"),
    ("The governor said reports of shelling in the town of Sumy were untrue.", "Shelling"),
    ("وقال المحافظ إن أنباء القصف على مدينة سومي عارية عن الصحة.", "Shelling"),
])
def test_an_end_to_fighting_or_an_event_called_untrue_is_not_asserted(text, kind):
    assert kind not in [e.type for e in extract_document(text).events]


def test_no_one_killed_or_injured_is_zero_of_both():
    doc = extract_document("A drone struck a fuel depot near Kursk overnight. No one was killed or injured, "
                           "the governor said.", lang="en")
    assert (doc.events[0].fatalities, doc.events[0].injuries) == (0, 0)


def test_a_participle_after_a_comma_takes_the_subject_of_the_main_clause():
    doc = extract_document("President William Ruto suspended the talks with the rebels, accusing al-Shabaab of "
                           "attacking a police convoy.", lang="en")
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert doc.entities[accusation.actors[0]].labels["en"] == "William Ruto"


def test_a_depot_hit_is_a_target_named_by_its_head_not_by_a_preposition():
    doc = extract_document("وقال المحافظ إن إحدى المسيرات سقطت على مستودع للذخيرة في بلدة سودجا.", lang="ar")
    assert [doc.entities[t].labels["ar"] for t in doc.events[0].targets] == ["مستودع"]


def test_an_arabic_dual_drone_is_the_instrument():
    doc = extract_document("وقع هجوم بطائرتين مسيرتين على قاعدة عين الأسد غربي العراق.", lang="ar")
    assert [(e.type, e.instruments) for e in doc.events] == [("DroneAttack", ["طائرتين مسيرتين"])]


@pytest.mark.parametrize("text, place", [
    ("شهدت مدينة غريان اشتباكات عنيفة بين فصائل مسلحة ليل الثلاثاء.", "غريان"),
    ("The town of Sake saw heavy fighting between M23 and the army on Monday.", "Sake"),
])
def test_the_place_that_saw_the_fighting_is_where(text, place):
    doc = extract_document(text)
    clash = next(e for e in doc.events if e.type == "ArmedClash")
    assert place in [doc.entities[k].labels.get(doc.lang) for k in clash.locations]


def test_the_month_aab_is_no_place():
    doc = extract_document("ويشهد الإقليم منذ أغسطس/آب 2023 مواجهات مسلحة بين الجيش وميليشيا فانو.", lang="ar")
    assert "ibb" not in doc.entities


@pytest.mark.parametrize("text", [
    "Russia's Defence Ministry said air defences had shot down 14 Ukrainian drones over the Belgorod region.",
    "قالت وزارة الدفاع الروسية إن دفاعاتها الجوية أسقطت 23 طائرة مسيرة أوكرانية فوق مقاطعة بريانسك.",
])
def test_weapons_shot_down_are_their_owners_attack_over_the_place(text):
    doc = extract_document(text)
    attack = next(e for e in doc.events if e.type == "DroneAttack")
    assert attack.actors == ["ukraine"] and attack.locations


@pytest.mark.parametrize("text, kind", [
    ("قتل ثلاثة مدنيين في غارة على قرية الطيبة شرقي درعا.", "Airstrike"),
    ("قتل عشرة جنود من الجيش في هجوم على نقطة تفتيش.", "Attack"),
    ("Four civilians were killed in an air strike on the village of Kafr Nabl.", "Airstrike"),
])
def test_those_killed_in_an_attack_are_its_targets_not_its_actors(text, kind):
    doc = extract_document(text)
    attack = next(e for e in doc.events if e.type == kind)
    assert not attack.actors and len(attack.targets) == 2
    assert not [e for e in doc.events if e.type == "Killing"]


def test_an_arabic_killer_named_before_the_counted_victims_stays_the_actor():
    doc = extract_document("قتلت القوات الإسرائيلية ثلاثة فلسطينيين في مدينة جنين.", lang="ar")
    assert [(e.type, e.actors) for e in doc.events] == [("Killing", ["israel-defense-forces"])]


def test_the_owner_of_the_weapon_after_an_arabic_verb_is_the_actor_and_its_object_the_target():
    doc = extract_document("قصفت مسيرات الدعم السريع محطة كهرباء في مدينة عطبرة.", lang="ar")
    ev = doc.events[0]
    assert ev.actors == ["rapid-support-forces"] and ev.targets and "محطة" in doc.entities[ev.targets[0]].labels["ar"]


def test_an_arabic_event_noun_owned_by_an_actor_with_a_target_after_it_is_that_actors():
    doc = extract_document("أسفر قصف مدفعي لقوات الدعم السريع على حي كرري عن مقتل 12 مدنيا.", lang="ar")
    assert [(e.type, e.actors) for e in doc.events] == [("Shelling", ["rapid-support-forces"])]


@pytest.mark.parametrize("text, holder", [
    ("شنت الطائرات غارات على مواقع الحوثيين في صعدة.", "houthis"),
    ("استهدفت المدفعية تجمعات لقوات الدعم السريع شرق الفاشر.", "rapid-support-forces"),
    ("قصفت المدفعية مواقع الحوثيين قرب الحدود.", "houthis"),
    ("US jets struck Houthi positions near the port of Hodeidah.", "houthis"),
])
def test_the_holder_of_positions_hit_is_the_target_not_the_actor(text, holder):
    ev = extract_document(text).events[0]
    assert ev.targets == [holder] and holder not in ev.actors


@pytest.mark.parametrize("text", [
    "Gunmen on motorcycles killed 20 villagers in an attack on a village in Zamfara state.",
    "Fighters from the Allied Democratic Forces killed 38 people in an attack on a church in Komanda.",
    "تبنت حركة الشباب هجوما شنه مقاتلوها على معسكر للجيش في بلدة مهاس.",
])
def test_an_attack_by_gunmen_or_fighters_is_a_ground_assault(text):
    assert "ArmedAssault" in _types(text, "ar" if text[0] > "z" else "en")


def test_the_bombs_own_verb_names_what_it_hit_not_who_set_it_and_the_dead_are_its_targets():
    doc = extract_document("قتل جنديان بانفجار عبوة ناسفة استهدفت دوريتهم.", lang="ar")
    assert [(e.type, e.actors, len(e.targets)) for e in doc.events] == [("Bombing", [], 1)]


def test_a_weapon_used_by_a_named_actor_is_the_subject_across_the_by_phrase():
    doc = extract_document("Drones operated by the Tripoli-based Government of National Unity (GNU) struck "
                           "hideouts in the city of Zawiya on Thursday.", lang="en")
    assert [(e.type, e.instruments) for e in doc.events] == [("DroneAttack", ["Drones"])]


@pytest.mark.parametrize("text, actor, place", [
    ("A Hezbollah commander was killed in an Israeli drone strike near Tyre on Monday.", "israel", "tyre"),
    ("Two soldiers died in a Russian missile strike on a base near Kharkiv.", "russia", "kharkiv"),
])
def test_a_nationality_before_an_event_noun_after_in_is_the_actor_not_a_place(text, actor, place):
    ev = extract_document(text, lang="en").events[0]
    assert ev.actors == [actor] and actor not in ev.locations and place in ev.locations + ev.targets


@pytest.mark.parametrize("text, lang, target", [
    ('Defence Minister Yoav Gallant vowed that Hezbollah would "pay a heavy price" for the escalation.', "en",
     ["hezbollah"]),
    ('The Houthis vowed that the attack "will not go unanswered".', "en", []),
    ("وحذر المتحدث باسم الجيش الإسرائيلي من أن حزب الله سيدفع الثمن غاليا.", "ar", ["hezbollah"]),
    ("وتوعدت حركة الشباب بأن الهجوم لن يمر دون عقاب.", "ar", []),
])
def test_a_vow_that_the_other_side_will_pay_is_one_threat_against_it(text, lang, target):
    assert [(e.type, e.targets) for e in extract_document(text, lang=lang).events] == [("Threat", target)]


@pytest.mark.parametrize("text, lang", [
    ("Police defused a car bomb near the Interior Ministry hours later.", "en"),
    ("Security forces foiled a suicide bombing in Kabul on Monday.", "en"),
    ("وأحبطت قوات الأمن هجوما انتحاريا في مدينة كركوك.", "ar"),
    ("فككت الشرطة عبوة ناسفة قرب مبنى الوزارة.", "ar"),
])
def test_a_foiled_or_defused_attack_did_not_happen(text, lang):
    assert _types(text, lang) == []


@pytest.mark.parametrize("text, lang", [
    ("Fighters from JNIM overran a military base in Djibo on Sunday.", "en"),
    ("اجتاح مقاتلو حركة الشباب قاعدة عسكرية في بلدة عيل بور.", "ar"),
])
def test_overrunning_a_base_is_a_ground_assault(text, lang):
    assert _types(text, lang) == ["ArmedAssault"]


@pytest.mark.parametrize("text, lang, place", [
    ("هاجم مستوطنون إسرائيليون، مساء الجمعة، قرية كفر مالك شمال شرقي رام الله.", "ar", "كفر مالك"),
    ("Gunmen killed 20 villagers in an attack on Kairu village in Zamfara state.", "en", "Kairu village"),
])
def test_an_attack_on_a_village_happened_there(text, lang, place):
    doc = extract_document(text, lang=lang)
    ev = next(e for e in doc.events if e.type != "Killing")
    assert place in [doc.entities[k].labels[lang] for k in ev.locations]


def test_a_spaced_hyphen_between_two_names_does_not_end_the_clause():
    doc = extract_document("قتل ٢٢ مدنيا في هجوم شنه مسلحون من تنظيم داعش - ولاية الساحل على قرية داراي داي.",
                           lang="ar")
    assert [doc.entities[k].labels["ar"] for k in doc.events[0].targets] == ["داراي داي"]


@pytest.mark.parametrize("text, lang, kind", [
    ('Ten soldiers were killed when their patrol came under fire from "terrorists" near Tassia.', "en", "ArmedAssault"),
    ("The convoy came under fire from drones near Kursk.", "en", "DroneAttack"),
    ("تعرضت دورية للجيش لإطلاق نار قرب بلدة الحسكة.", "ar", "ArmedAssault"),
])
def test_fire_with_no_weapon_named_is_gunfire_and_a_weapon_after_it_gives_its_kind(text, lang, kind):
    assert _types(text, lang) == [kind]


def test_bombing_with_aircraft_is_an_airstrike():
    assert _types("The rebels accused the army of bombing their positions with helicopter gunships.", "en") == [
        "Accusation", "Airstrike"]


def test_a_description_fenced_by_commas_after_the_subject_leaves_the_clause_whole():
    doc = extract_document("هاجم مسلحون من جماعة نصرة الإسلام والمسلمين، فرع تنظيم القاعدة في منطقة الساحل، "
                           "معسكرا للجيش المالي في بلدة بولكيسي.", lang="ar")
    ev = doc.events[0]
    assert "malian-armed-forces" in ev.targets and [doc.entities[k].labels["ar"] for k in ev.locations] == ["بولكيسي"]


def test_an_air_raid_carried_out_by_a_drone_is_a_drone_attack():
    assert _types("قُتل عنصران من حزب الله في غارة نفذتها طائرة مسيرة إسرائيلية على سيارة في بلدة الناقورة.",
                  "ar")[-1] == "DroneAttack"


def test_a_passive_killing_in_a_raid_by_a_nations_drone_is_the_raids_toll():
    doc = extract_document("قُتل عنصران من حزب الله مساء الثلاثاء في غارة نفذتها طائرة مسيرة إسرائيلية على سيارة.",
                           lang="ar")
    assert [(e.type, e.actors, e.fatalities) for e in doc.events] == [("DroneAttack", ["israel"], 2)]


@pytest.mark.parametrize("text, lang", [
    ("وكانت وسائل إعلام محلية قد تحدثت عن سماع دوي انفجارات في محيط المدينة فجر الجمعة.", "ar"),
    ("Loud explosions were heard in the city overnight.", "en"),
    ("Witnesses heard a loud explosion near the airport.", "en"),
])
def test_explosions_only_heard_are_no_attack(text, lang):
    assert _types(text, lang) == []


def test_the_victims_count_is_the_number_nearest_before_the_verb():
    doc = extract_document("وأشار أحد المصدرين إلى أن ٥ جنود قُتلوا بينهم ضابط برتبة نقيب.", lang="ar")
    assert [e.fatalities for e in doc.events] == [5]


def test_a_long_toll_before_the_bomb_is_the_bombings():
    doc = extract_document("أعلنت خلية الإعلام الأمني مقتل ضابط وجنديين من الجيش العراقي وإصابة ثلاثة آخرين "
                           "بانفجار عبوة ناسفة استهدفت دوريتهم.", lang="ar")
    assert [(e.type, e.fatalities, e.injuries) for e in doc.events] == [("Bombing", 3, 3)]


@pytest.mark.parametrize("text, lang", [
    ("أعلن الجيش اليمني صد هجوم بري شنته جماعة الحوثي على مواقعه في منطقة رغوان.", "ar"),
    ("The army said it had repelled a ground attack by the Houthis near Marib.", "en"),
])
def test_a_ground_attack_is_an_assault(text, lang):
    assert _types(text, lang) == ["ArmedAssault"]


def test_a_report_of_raids_names_no_raider_and_no_details_on_casualties_is_no_toll():
    doc = extract_document("Al-Masirah TV reported a series of raids on the Jabal Nuqum area but gave no details on "
                           "casualties.", lang="en")
    assert [(e.actors, e.fatalities, e.injuries) for e in doc.events] == [([], None, None)]
    assert _types("ولم ترد معلومات عن إصابات في الغارة.", "ar") == ["Airstrike"]
    assert extract_document("ولم ترد معلومات عن إصابات في الغارة.", lang="ar").events[0].injuries is None


@pytest.mark.parametrize("text, target", [
    ("ما أسفر عن مقتل ستة عناصر من الجيش السوري.", "syrian-arab-army"),
    ("قُتل عنصران من حزب الله مساء الثلاثاء في غارة نفذتها طائرة مسيرة إسرائيلية.", "hezbollah"),
])
def test_the_body_whose_counted_members_were_killed_is_the_target(text, target):
    assert target in extract_document(text, lang="ar").events[-1].targets


def test_a_vow_to_keep_up_fire_is_a_threat():
    assert _types('"Every attack on our people will be met with a response," Naim Qassem said on Monday, '
                  "vowing to keep up fire on northern Israel.", "en") == ["Threat"]


@pytest.mark.parametrize("text, lang, side", [
    ("سيطر الجيش الصومالي على بلدة عيل بور في إقليم غلمدغ، بعد معارك عنيفة مع حركة الشباب.", "ar", "somali"),
    ("استعادت قوات الجيش المالي السيطرة على بلدة ليري إثر اشتباكات مع مسلحي جماعة نصرة الإسلام والمسلمين.", "ar",
     "mali"),
    ("Malian troops retook the town of Lere after heavy fighting with JNIM militants.", "en", "mali"),
    ("Somali forces recaptured El Bur on Tuesday following clashes with al-Shabaab, officials said.", "en", "somali"),
])
def test_a_clash_told_with_one_side_was_fought_by_the_subject_of_the_clause_it_follows(text, lang, side):
    clash = next(e for e in extract_document(text, lang=lang).events if e.type == "ArmedClash")
    assert len(clash.actors) == 2 and any(side in a for a in clash.actors)


def test_a_speaker_is_no_side_of_the_clash_it_reports():
    doc = extract_document("قال مسؤول محلي إن اشتباكات عنيفة مع حركة الشباب اندلعت في بلدة عيل بور.", lang="ar")
    assert doc.events[0].actors == ["al-shabaab"]


@pytest.mark.parametrize("text, lang, target", [
    ("اتهمت الحكومة السودانية، في بيان مساء الأحد، الإمارات بتسليح قوات الدعم السريع.", "ar", "united-arab-emirates"),
    ("اتهم وزير الخارجية الأوكراني أندريه سيبيها، خلال مؤتمر صحفي في كييف، روسيا بقصف محطات الطاقة.", "ar", "russia"),
    ("The Sudanese government, in a statement on Sunday, accused the UAE of arming the RSF.", "en",
     "united-arab-emirates"),
])
def test_an_aside_naming_the_medium_does_not_end_the_clause_of_an_accusation(text, lang, target):
    accusation = next(e for e in extract_document(text, lang=lang).events if e.type == "Accusation")
    assert target in accusation.targets and accusation.actors


def test_an_arabic_description_opened_by_wahuwa_does_not_end_the_clause():
    doc = extract_document("اتهمت جبهة تحرير أزواد، وهي تحالف يضم حركات مسلحة في شمال مالي، الجيش المالي بقصف "
                           "سوق في بلدة تينزاواتين.", lang="ar")
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert accusation.targets == ["malian-armed-forces"]


@pytest.mark.parametrize("text, lang, places", [
    ("قصفت مسيرة إسرائيلية سيارة على الطريق بين بلدتي عيتا الشعب ورميش في جنوب لبنان.", "ar", {"عيتا الشعب", "رميش"}),
    ("An Israeli drone struck a car on the road between the towns of Aita al-Shaab and Rmeish.", "en",
     {"Aita al-Shaab", "Rmeish"}),
])
def test_the_places_an_attack_happened_between_are_its_locations(text, lang, places):
    doc = extract_document(text, lang=lang)
    assert places <= {doc.entities[k].labels[lang] for k in doc.events[0].locations}


@pytest.mark.parametrize("text, lang, accuser, accused", [
    ("قال الجيش السوداني إن دفاعاته الجوية أسقطت ثلاث مسيرات، متهما قوات الدعم السريع بقصف محطة كهرباء.", "ar",
     "sudanese-armed-forces", "rapid-support-forces"),
    ("ونفت حركة حماس ذلك، متهمة الجيش الإسرائيلي بقتل المدنيين.", "ar", "hamas", "israel-defense-forces"),
    ("Hamas denied the report, accusing Israel of killing civilians.", "en", "hamas", "israel"),
    ("وأصدرت الحركة بيانا، محملة الحكومة السورية المسؤولية الكاملة عن مقتل الأسرى.", "ar", None,
     "governmentbody/syria"),
    ("Kenya held al-Shabaab fully responsible for the attack.", "en", "kenya", "al-shabaab"),
])
def test_an_accusing_participle_or_holding_responsible_is_an_accusation_even_after_a_denial(text, lang, accuser,
                                                                                         accused):
    accusation = next(e for e in extract_document(text, lang=lang).events if e.type == "Accusation")
    assert accused in accusation.targets and (accuser is None or accusation.actors == [accuser])


def test_a_weapon_that_hits_is_an_attack_of_its_kind_and_the_speaker_is_not_its_subject():
    doc = extract_document("وقال رئيس بلدية كييف فيتالي كليتشكو إن صاروخا أصاب مبنى سكنيا.", lang="ar")
    assert [e.type for e in doc.events] == ["RocketAttack"]
    doc = extract_document("Belgorod governor Vyacheslav Gladkov said a drone hit a car.", lang="en")
    assert [e.type for e in doc.events] == ["DroneAttack"] and doc.events[0].actors == []


def test_the_side_whose_positions_were_hit_is_the_target():
    doc = extract_document("أعلن الجيش اليمني صد هجوم بري شنته جماعة الحوثي على مواقعه في منطقة رغوان.", lang="ar")
    assert doc.events[0].actors == ["houthis"] and len(doc.events[0].targets) == 1


def test_the_body_whose_members_an_attack_killed_is_its_target():
    doc = extract_document("شن الطيران الإسرائيلي غارات على مواقع قرب بلدة الكسوة، ما أسفر عن مقتل ستة عناصر من "
                           "الجيش السوري.", lang="ar")
    assert doc.events[0].targets == ["syrian-arab-army"] and doc.events[0].fatalities == 6


@pytest.mark.parametrize("text, lang, place", [
    ("سيطر الجيش الصومالي على بلدة عيل بور في إقليم غلمدغ، بعد معارك عنيفة مع حركة الشباب.", "ar", "el-buur"),
    ("Malian troops retook the town of Lere after heavy fighting with JNIM militants.", "en", "lere"),
])
def test_a_clash_before_a_town_was_taken_was_fought_there(text, lang, place):
    clash = next(e for e in extract_document(text, lang=lang).events if e.type == "ArmedClash")
    assert clash.locations == [place]


def test_the_town_taken_comes_before_the_province_the_clash_is_placed_in():
    doc = extract_document("قال الجيش إن قواته استعادت السيطرة على مدينة الخوي في ولاية غرب كردفان بعد معارك عنيفة "
                           "مع قوات الدعم السريع.", lang="ar")
    clash = next(e for e in doc.events if e.type == "ArmedClash")
    assert clash.locations[0] == "al-khuwei"


@pytest.mark.parametrize("text, lang, accused", [
    ("Gunmen raided the village of Tchoma Bangou on Saturday, killing 21 villagers, the Defence Ministry said. "
     "The ministry blamed the attack on Islamic State Sahel Province.", "en", "islamic-state-sahel-province"),
    ("A car bomb exploded outside a military base in Tame on Tuesday, killing three soldiers, the army said, "
     "blaming the ELN guerrilla group.", "en", "national-liberation-army-colombia"),
    ("انفجرت سيارة مفخخة قرب قاعدة عسكرية في بلدة تام، ما أسفر عن مقتل ثلاثة جنود، بحسب الجيش، متهما جيش التحرير "
     "الوطني بالوقوف وراء الهجوم.", "ar", "national-liberation-army-colombia"),
])
def test_the_one_blamed_for_an_attack_no_one_named_did_is_its_actor(text, lang, accused):
    doc = extract_document(text, lang=lang)
    attacks = [e for e in doc.events if e.type not in ("Accusation", "Killing")]
    assert len(attacks) == 1 and accused in attacks[0].actors


@pytest.mark.parametrize("text, lang", [
    ("Rebels of the Arakan Army have been fighting junta troops across Rakhine state since 2023.", "en"),
    ("تقاتل قوات الدعم السريع الجيش السوداني في ولاية الجزيرة منذ أشهر.", "ar"),
])
def test_whom_a_side_fights_is_the_other_side_not_a_target(text, lang):
    clash = next(e for e in extract_document(text, lang=lang).events if e.type == "ArmedClash")
    assert len(clash.actors) == 2 and clash.targets == []


@pytest.mark.parametrize("text, lang, kind, actor", [
    ("استهدفت إسرائيل بلدة الخيام بغارة جوية فجر الأحد.", "ar", "Airstrike", "israel"),
    ("استُهدفت مواقع لحزب العمال الكردستاني في منطقة متينا بغارات جوية تركية.", "ar", "Airstrike", "turkey"),
    ("Israel targeted the town of Khiam with an air strike on Sunday.", "en", "Airstrike", "israel"),
    ("Russian forces hit a fuel depot near Odesa with a drone strike overnight.", "en", "DroneAttack", None),
])
def test_an_event_noun_telling_the_means_of_an_attack_is_that_attack(text, lang, kind, actor):
    events = extract_document(text, lang=lang).events
    assert [e.type for e in events] == [kind]
    assert actor is None or events[0].actors == [actor]


def test_an_unnamed_body_after_the_verb_is_its_subject_and_the_name_after_it_the_object():
    # no government was named before, so "الحكومة" is no mention; RSF stays the one held responsible
    doc = extract_document("وحمّلت الحكومة قوات الدعم السريع المسؤولية عن قصف السوق.", lang="ar")
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert "rapid-support-forces" not in accusation.actors
    assert accusation.targets == ["rapid-support-forces"]


@pytest.mark.parametrize("text", [
    "أدانت وزارة الخارجية الفلسطينية الهجوم، وحملت الحكومة الإسرائيلية المسؤولية الكاملة.",
    "أدانت وزارة الخارجية الفلسطينية الهجوم، وحملت الحكومة الإسرائيلية «المسؤولية الكاملة» عن الاعتداءات.",
], ids=["plain", "quoted"])
def test_the_one_name_held_responsible_is_the_object_and_the_speaker_before_holds_it(text):
    doc = extract_document(text, lang="ar")
    accusation = next(e for e in doc.events if e.type == "Accusation")
    assert accusation.actors == ["palestinian-ministry-of-foreign-affairs"]
    assert accusation.targets == ["israeli-government"]


def test_the_one_name_inside_a_phrase_that_encloses_the_subject_stays_the_subject():
    doc = extract_document("أطلق الحوثيون صاروخا على ناقلة النفط في البحر الأحمر.", lang="ar")
    assert doc.events[0].actors == ["houthis"]


@pytest.mark.parametrize("text, lang", [
    ("قالت الشرطة إن عصابات تحالف «فيف أنسانم» هاجمت بلدة ميريباليه.", "ar"),
    ("Gangs attacked the town of Mirebalais on Sunday night, police said.", "en"),
], ids=["arabic named gangs", "english gangs"])
def test_an_attack_by_gangs_is_a_ground_assault(text, lang):
    assert _types(text, lang)[0] == "ArmedAssault"


def test_the_subject_before_a_descriptive_aside_does_the_act_after_it():
    doc = extract_document("قالت الشرطة إن عصابات تحالف «فيف أنسانم» بقيادة جيمي شيريزييه، المعروف بلقب «باربيكيو»، "
                           "هاجمت بلدة ميريباليه.", lang="ar")
    assert [doc.entities[k].labels["ar"] for k in doc.events[0].actors] == ["فيف أنسانم"]


@pytest.mark.parametrize("text, lang", [
    ("Hamas denied any involvement in the rocket attack on Ashkelon.", "en"),
    ("نفت كتائب القسام أي علاقة لها بإطلاق صاروخ باتجاه مدينة عسقلان.", "ar"),
], ids=["english", "arabic"])
def test_denying_a_part_in_an_attack_does_not_deny_the_attack_nor_make_the_denier_its_actor(text, lang):
    doc = extract_document(text, lang=lang)
    assert [(e.type, e.actors) for e in doc.events] == [("RocketAttack", [])]


def test_denying_the_act_itself_still_denies_it():
    assert _types("The army denied shelling the village.", "en") == []


@pytest.mark.parametrize("text, toll", [
    ("A Russian drone hit a minibus in the Kherson region, killing the driver and injuring four passengers.", (1, 4)),
    ("An Israeli strike on a building in Beirut killed a senior Hezbollah commander and four other people.",
     (5, None)),
], ids=["the driver", "one and four more"])
def test_one_person_named_by_the_or_a_counts_one_with_the_counts_joined_to_it(text, toll):
    event = extract_document(text, lang="en").events[0]
    assert (event.fatalities, event.injuries) == toll


def test_the_subject_stands_before_several_asides_in_a_row():
    doc = extract_document("Jimmy Chérizier, the coalition's leader, known as Barbecue, threatened in a video to take "
                           "the fight to Pétion-Ville.", lang="en")
    assert [doc.entities[k].labels["en"] for k in doc.events[0].actors] == ["Jimmy Chérizier"]


def test_a_weapon_right_after_the_verb_is_its_subject_and_a_counted_person_joins_the_toll():
    doc = extract_document("قصفت طائرات باكستانية منازل مدنيين في ولاية بكتيكا، ما أسفر عن مقتل تسعة أطفال وامرأة.",
                           lang="ar")
    event = doc.events[0]
    assert (event.actors, event.fatalities) == (["pakistan"], 10)


@pytest.mark.parametrize("text, lang, actor", [
    ("وحذر المتحدث من أن الإمارة الإسلامية «سترد بشكل مناسب» على أي هجوم.", "ar", "afghanistan"),
    ("Iran's foreign minister said Tehran would respond to any attack.", "en", "iran"),
], ids=["arabic", "english"])
def test_a_response_foretold_is_a_threat_by_who_will_respond(text, lang, actor):
    doc = extract_document(text, lang=lang)
    assert [(e.type, e.actors) for e in doc.events] == [("Threat", [actor])]


def test_a_participle_before_an_event_noun_describes_it_and_a_bracketed_name_before_an_aside_speaks():
    doc = extract_document("Jama'at Nusrat al-Islam wal-Muslimin (JNIM), al-Qaeda's affiliate in the Sahel, claimed "
                           "responsibility for coordinated attacks on military camps in Kayes.", lang="en")
    assert [e.type for e in doc.events] == ["Attack"]  # no Cooperation from "coordinated"
    assert [c.claimant for c in doc.claims] == ["jamaat-nusrat-al-islam-wal-muslimin"]


@pytest.mark.parametrize("text, lang", [
    ("قصفت روسيا العاصمة الأوكرانية كييف فجر الجمعة بعشرات الصواريخ الباليستية.", "ar"),
    ("Russia shelled Kharkiv with missiles overnight.", "en"),
], ids=["arabic", "english"])
def test_bombardment_with_missiles_is_a_rocket_attack(text, lang):
    assert _types(text, lang) == ["RocketAttack"]


@pytest.mark.parametrize("text, lang", [
    ("وقال الجيش إنه قتل قياديا كان يخطط لهجمات ضد إسرائيل.", "ar"),
    ("The army said it killed a commander who was planning attacks on Israel.", "en"),
], ids=["arabic", "english"])
def test_attacks_planned_are_not_attacks(text, lang):
    assert _types(text, lang) == ["Killing"]


def test_what_an_army_calls_eliminating_someone_is_a_killing():
    assert _types("وقال الجيش الإسرائيلي إنه قضى على قيادي في قوة الرضوان.", "ar") == ["Killing"]


def test_the_third_such_attack_is_no_new_attack():
    assert _types("Yemen's Houthis said they had fired a ballistic missile at Ben Gurion Airport near Tel Aviv, the "
                  "third such attack on the airport in a week.", "en") == ["RocketAttack"]


def test_beheading_is_a_killing_and_an_observatory_speaks():
    doc = extract_document("هاجم مسلحون قرية ناكولو، وقطعوا رؤوس أربعة مدنيين، بحسب ما ذكر مرصد «كابو ليغادو».",
                           lang="ar")
    assert ("Killing", 4) in [(e.type, e.fatalities) for e in doc.events]
    assert [doc.entities[c.claimant].labels["ar"] for c in doc.claims] == ["مرصد «كابو ليغادو»"]
