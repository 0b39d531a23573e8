"""Sentence and headline templates for the synthetic benchmark corpus (written for this benchmark).

Slots, filled by corpus.py from the shipped gazetteer:
  {actor} {target}  armed groups and military forces (never the same one twice in a sentence)
  {place} {region} {site} {state} {gov} {org} {person}  settlements, regions, sites, states,
                    government bodies, organisations, people
  {day}             a time expression ("on Sunday", "مساء الأحد")
  {n}               a casualty count; in Arabic {n:PLURAL|SINGULAR} also picks the counted noun's
                    form (3-10 take the plural, 11 and up the accusative singular)
Arabic verb agreement: [MASCULINE|FEMININE@slot] agrees with the gender of that slot's filler.
The templates cover the event and claim shapes the extractor is built for, plus some
background sentences with no event, as real reports have.
"""

from __future__ import annotations

EN_SENTENCES: tuple[str, ...] = (
    "{actor} fighters attacked {place} {day}, killing {n} civilians and wounding {n} others, local officials said.",
    "{actor} carried out an airstrike on {place} in {region} {day}, {state}'s foreign ministry said.",
    "Warplanes belonging to {actor} struck positions held by {target} near {place}, according to {org}.",
    "{actor} shelled residential neighbourhoods of {place} {day}, killing at least {n} people.",
    "A drone launched by {actor} hit {site} {day}, causing no casualties, {person} said.",
    "Heavy clashes broke out between {actor} and {target} on the outskirts of {place} {day}.",
    "At least {n} soldiers were killed when {actor} ambushed a convoy of {target} near {place}.",
    "{actor} killed {n} members of {target} in a raid on {place}, a security source told Reuters.",
    "{gov} condemned the attack on {place} and called for an independent investigation.",
    "{org} condemned the shelling of {place}, saying that civilians must never be a target.",
    "{person} accused {actor} of deliberately targeting civilians in {region}.",
    "{actor} threatened to strike {site} if {target} did not withdraw from {place}.",
    "{actor} said in a statement that its fighters had destroyed {n} vehicles belonging to {target} near {place}.",
    "According to {org}, {n} civilians were killed and {n} injured in the bombardment of {place} {day}.",
    "{target} said {actor} had fired rockets at {place}, wounding {n} people.",
    "A car bomb exploded in a crowded market in {place} {day}, killing {n} people.",
    "{actor} claimed responsibility for a suicide bombing that killed {n} people at a checkpoint in {place}.",
    "{gov} denied that its forces had shelled {place}, blaming {actor} for the attack.",
    "Residents of {place} said drones hit the main market {day}, killing {n} civilians.",
    "{state} accused {actor} of carrying out the drone attack on {site}.",
    "{person} warned that {state} would respond to any attack by {actor}.",
    "{actor} and {target} exchanged artillery fire across the front line near {place} {day}.",
    "{state}'s military said it had intercepted {n} drones launched by {actor} toward {place}.",
    "Gunmen believed to be members of {actor} killed {n} villagers in {place} in {region}, the governor said.",
    "Medical sources in {place} said {n} people were killed and {n} wounded in an airstrike carried out by {actor}.",
    "{org} said it had documented {n} attacks on health facilities in {region} since the start of the year.",
    "In a statement on Telegram, {actor} said it had targeted a base of {target} near {place} with rockets.",
    "{person} told reporters that {actor} had used drones to attack {site} {day}.",
    "{gov} said {n} of its soldiers were killed in clashes with {actor} in {region}.",
    "Troops from {actor} stormed {place} {day} after days of fighting with {target}, witnesses said.",
    "{org} called on all parties to stop the fighting in {region} and allow humanitarian access.",
    "Thousands of people have fled {place} since the fighting began, according to {org}.",
)

EN_HEADLINES: tuple[str, ...] = (
    "{n} killed in shelling of {place}",
    "{actor} clashes with {target} near {place}",
    "Drone attack hits {site}",
    "Airstrikes pound {place} as fighting spreads in {region}",
    "{org} warns of rising civilian toll in {region}",
)

AR_SENTENCES: tuple[str, ...] = (
    "[شن|شنت@actor] {actor} هجوما على مدينة {place} {day}، ما أسفر عن مقتل {n:مدنيين|مدنيا} وإصابة {n:آخرين|آخرين}.",
    "وقال {person} في بيان إن {actor} [قصف|قصفت@actor] أحياء سكنية في {place} بالمدفعية الثقيلة.",
    "وأفادت مصادر محلية بأن طائرات {actor} الحربية شنت غارات على مواقع {target} قرب {place}.",
    "[قتل|قتلت@actor] {actor} {n:عناصر|عنصرا} من {target} في كمين [نصبه|نصبته@actor] قرب {place}.",
    "واندلعت اشتباكات عنيفة بين {actor} و{target} في محيط مدينة {place} {day}.",
    "[أعلن|أعلنت@actor] {actor} في بيان [أنه|أنها@actor] [استهدف|استهدفت@actor] {site} بطائرات مسيرة {day}.",
    "وبحسب {org}، قتل {n:مدنيين|مدنيا} وأصيب {n:آخرين|آخرين} في القصف الذي تعرضت له مدينة {place} {day}.",
    "[أدان|أدانت@gov] {gov} الهجوم على {place}، [داعيا|داعية@gov] إلى فتح تحقيق مستقل.",
    "واتهم {person} {actor} بارتكاب جرائم حرب بحق المدنيين في {region}.",
    "[هدد|هددت@actor] {actor} باستهداف {site} إذا لم [ينسحب|تنسحب@target] {target} من {place}.",
    "وقال مصدر أمني إن طائرة مسيرة أطلقت من مناطق سيطرة {actor} استهدفت {site} {day}.",
    "وأفادت مصادر طبية في {place} بأن حصيلة القصف ارتفعت إلى {n:قتلى|قتيلا}.",
    "[نفى|نفت@gov] {gov} أن تكون [قواته|قواتها@gov] قد قصفت {place}، [متهما|متهمة@gov] {actor} بالوقوف وراء الهجوم.",
    "[تبنى|تبنت@actor] {actor} تفجيرا انتحاريا استهدف حاجزا أمنيا في {place}، ما أدى إلى مقتل {n:أشخاص|شخصا}.",
    "وانفجرت سيارة مفخخة في سوق شعبي بمدينة {place} {day}، ما أسفر عن سقوط {n:قتلى|قتيلا}.",
    "[دعا|دعت@org] {org} جميع الأطراف إلى وقف القتال في {region} والسماح بوصول المساعدات الإنسانية.",
    "وقصفت مدفعية {actor} مواقع {target} قرب {place}، بحسب ما [أفاد|أفادت@org] {org}.",
    "وأدانت وزارة خارجية {state} الغارات الجوية التي [شنها|شنتها@actor] {actor} على {place}.",
    "وقال شهود عيان إن مسيرات {actor} قصفت سوقا في {place} {day}، ما أدى إلى مقتل {n:مدنيين|مدنيا}.",
    "واتهمت حكومة {state} {actor} بتنفيذ الهجوم بالطائرات المسيرة على {site}.",
    "وحذر {person} من أن بلاده سترد على أي هجوم [يشنه|تشنه@actor] {actor}.",
    "وتبادل {actor} و{target} القصف المدفعي على خطوط التماس قرب {place} {day}.",
    "واقتحم مسلحون من {actor} قرية في {region} {day} وقتلوا {n:من سكانها|من سكانها}.",
    "[أعلن|أعلنت@actor] {actor} [أنه|أنها@actor] [اعترض|اعترضت@actor] {n:طائرات مسيرة|طائرة مسيرة} "
    "[أطلقها|أطلقتها@target] {target} باتجاه {place}.",
    "وذكرت وكالة الأنباء الرسمية أن {n:جنود|جنديا} قتلوا في هجوم [شنه|شنته@actor] {actor} على نقطة عسكرية قرب {place}.",
    "[وقال|وقالت@org] {org} [إنه|إنها@org] [وثق|وثقت@org] {n:هجمات|هجوما} على منشآت صحية في {region} منذ بداية العام.",
    "ونزح آلاف السكان من {place} منذ اندلاع المعارك، بحسب {org}.",
    "ونقلت وكالة رويترز عن {person} قوله إن {actor} [استخدم|استخدمت@actor] طائرات مسيرة في الهجوم على {site}.",
    "ومن جهته، [اتهم|اتهمت@target] {target} {actor} بخرق وقف إطلاق النار في {region}.",
    "وأفادت مصادر محلية بأن {actor} [سيطر|سيطرت@actor] على {place} بعد معارك عنيفة مع {target}.",
)

AR_HEADLINES: tuple[str, ...] = (
    "مقتل {n:مدنيين|مدنيا} في قصف على {place}",
    "اشتباكات بين {actor} و{target} في {region}",
    "هجوم بطائرة مسيرة يستهدف {site}",
    "غارات جوية على {place} مع اتساع رقعة القتال في {region}",
    "{org} [يحذر|تحذر@org] من ارتفاع عدد الضحايا المدنيين في {region}",
)

EN_DAYS: tuple[str, ...] = ("on Sunday", "on Monday night", "early on Tuesday", "on Wednesday", "late on Thursday",
                            "on Friday morning", "on Saturday", "overnight")
AR_DAYS: tuple[str, ...] = ("يوم الأحد", "مساء الاثنين", "فجر الثلاثاء", "صباح الأربعاء", "ليل الخميس",
                            "يوم الجمعة", "مساء السبت", "اليوم")
