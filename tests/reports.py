"""Short reports shared by several tests (written for this project)."""

EN_REPORT = (
    "Houthi forces launched a drone attack on a commercial ship in the Red Sea on Tuesday, "
    "the U.S. military said in a statement.\n"
    "Israeli air strikes killed at least 12 people in Rafah, according to the Gaza health ministry.\n"
)
AR_REPORT = "وقال الجيش الإسرائيلي في بيان إن طائراته قصفت مواقع لحزب الله في جنوب لبنان مساء الأحد.\n"
