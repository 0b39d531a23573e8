"""Groups of event classes the stages share (class names as in the ck: taxonomy)."""

from __future__ import annotations

__all__ = ["ATTACKS", "SPEECH_ACTS", "MUTUAL", "FROM_THE_AIR", "HARMLESS", "VIOLENT", "FIGHTING"]

ATTACKS = frozenset({"Attack", "Airstrike", "Shelling", "RocketAttack", "DroneAttack", "Bombing", "ArmedAssault"})
SPEECH_ACTS = frozenset({"Condemnation", "Accusation", "Threat", "Endorsement"})
MUTUAL = frozenset({"ArmedClash", "Cooperation"})  # both sides are actors
FROM_THE_AIR = frozenset({"Airstrike", "DroneAttack"})  # "قصفت طائرات مسيرة": a drone attack
HARMLESS = SPEECH_ACTS | {"Cooperation"}  # said or agreed: events that hurt nobody
VIOLENT = ATTACKS | {"Killing"}
FIGHTING = ATTACKS | {"ArmedClash"}  # an attack or a clash: what a toll told after it belongs to
