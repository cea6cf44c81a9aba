# ruff: noqa: E501  (the groups' notes are kept one per line)
"""Regenerate sessions/community-health-workshop.json from the built-in deck and board.

Run from the repository: uv run python tests/tools/make_example.py. The groups' placements,
marks and notes are below; the deck (with the facilitator's key) comes from resources/,
so run this again after changing the deck. Do not edit the session file by hand.
"""

import json
import sys

sys.path.insert(0, ".")
from coprod_desktop.domain.model import Card  # noqa: E402
from coprod_desktop.files import builtin as content  # noqa: E402
from coprod_desktop.files.session_schema import session_to_dict  # noqa: E402

old = json.load(open("sessions/community-health-workshop.json"))
s = content.new_session(old["title"], [g["name"] for g in old["groups"]])
s.created, s.venue, s.facilitator = old["created"], old["venue"], old["facilitator"]
for g, og in zip(s.groups, old["groups"], strict=True):
    g.id, g.colour = og["id"], og["colour"]
harbour = s.groups[1]
harbour.cards.append(Card(**old["groups"][1]["cards"][0]))

M = {
    "trad": "matrix-traditional",
    "pc": "matrix-prof-design-co-deliver",
    "pp": "matrix-prof-design-people-deliver",
    "cp": "matrix-co-design-prof-deliver",
    "full": "matrix-full-coproduction",
    "cpe": "matrix-co-design-people-deliver",
    "pep": "matrix-people-design-prof-deliver",
    "pec": "matrix-people-design-co-deliver",
    "self": "matrix-self-organised",
    "not": "not-coproduction",
}
L = {
    1: "ladder-coercion",
    2: "ladder-educating",
    3: "ladder-informing",
    4: "ladder-consultation",
    5: "ladder-engagement",
    6: "ladder-co-design",
    7: "ladder-co-production",
}
# card: (Tŷ Ffynnon, Harbour, Oak), each (matrix cell or None, rung or None); "not" stands alone
A = {
    "fast-sessions": (("pc", 7), ("pc", 6), ("full", 7)),
    "fast-peer-groups": (("self", 7), ("pec", 7), ("cpe", 6)),
    "fast-graduate-volunteers": (("pc", 5), ("pc", 6), ("pc", 6)),
    "student-action-groups": (("pec", 6), ("pec", 7), ("cpe", 6)),
    "student-school-plan": (("cp", 6), ("pep", 6), ("cp", 6)),
    "youth-court-peer-jury": (("full", 7), ("pc", 5), ("full", 7)),
    "youth-court-offenders-join-jury": (("full", 7), ("pc", 6), ("full", 7)),
    "youth-court-time-credits": (("pp", 1), ("pp", 5), ("cpe", 7)),
    "school-attendance-order": (("trad", 1), ("trad", 1), ("trad", 1)),
    "court-ordered-parenting": (("trad", 1), ("trad", 2), ("trad", 1)),
    "health-leaflet-campaign": (("trad", 2), ("trad", 3), ("trad", 2)),
    "bin-collection-letter": (("trad", 3), ("trad", 3), ("trad", 3)),
    "library-hours-survey": (("trad", 4), ("trad", 4), ("trad", 4)),
    "school-council-suggestions": (("trad", 4), ("cp", 5), ("trad", 5)),
    "gp-patient-group": (("trad", 5), ("cp", 5), ("trad", 5)),
    "volunteer-run-library": (("not", None), ("pp", 5), ("pp", 5)),
    "travel-training-buddies": (("pc", 6), ("pc", 6), ("pc", 7)),
    "shared-care-plan": (("cp", 6), ("cp", 6), ("full", 7)),
    "park-redesign-workshops": (("cp", 6), ("cp", 6), ("cp", 6)),
    "tenants-commission-repairs": (("pep", 6), ("pep", 7), ("pep", 6)),
    "friends-of-the-park": (("cpe", 5), ("cpe", 6), ("cpe", 6)),
    "recovery-college-course": (("full", 7), ("full", 7), ("full", 7)),
    "parent-led-baby-group": (("pec", 7), ("pec", 7), ("pec", None)),
    "gp-time-bank": (("full", 7), ("full", 7), ("pc", 6)),
    "community-food-coop": (("self", 7), None, ("self", None)),
    "youth-grants-panel": (("cp", 6), ("pep", 6), ("cp", 5)),
    "tenant-inspectors": (("pc", 5), ("pc", 6), ("pp", 5)),
    "experts-by-experience": (("pc", 5), ("pc", 6), None),
    "sorting-recycling": (("pp", 3), ("pp", 3), ("pp", 2)),
    "diabetes-at-home": (("pp", 5), ("pc", 6), ("pp", 3)),
    "peer-supporter-expenses": (("pc", 6), ("pec", 7), None),
    "shared-board": (("cp", 6), ("full", 7), ("cp", 6)),
    "self-directed-support": (("cp", 6), ("cp", 7), ("cpe", 6)),
    "day-centre-handover": (("pp", 1), ("pp", 4), ("pp", 2)),
    "online-design-group": (("cp", 6), ("cp", 4), None),
    "one-patient-seat": (("trad", 4), ("cp", 5), ("trad", 3)),
}
NOT = {
    "user-involvement": (("not", None), (None, 5), ("not", None)),
    "civil-society": (("not", None), None, ("not", None)),
    "engagement-consultation": (("not", None), (None, 4), ("not", None)),
    "volunteering": (("not", None), ("not", None), ("pp", None)),
    "personal-budgets": (("not", None), ("not", None), None),
}
for table, prefix in ((A, "activity-"), (NOT, "not-")):
    for name, per_group in table.items():
        for g, where in zip(s.groups, per_group, strict=True):
            if where is None:
                continue
            cell, rung = where
            if cell:
                s.place(g.id, prefix + name, M[cell])
            if rung:
                s.place(g.id, prefix + name, L[rung])
s.place(harbour.id, "custom-harbour-walk", M["self"])
s.place(harbour.id, "custom-harbour-walk", L[7])
s.place(harbour.id, "principle-facilitating", L[7])  # a group may still place a principle

P = "principle-"
MARKS = {
    0: {
        "recovery-college-course": ["assets", "blurring-distinctions", "capabilities"],
        "gp-time-bank": ["reciprocity", "assets"],
        "youth-court-peer-jury": ["peer-support", "blurring-distinctions"],
        "fast-sessions": ["peer-support", "facilitating"],
        "tenants-commission-repairs": ["capabilities"],
        "fast-peer-groups": ["peer-support"],
    },
    1: {
        "gp-time-bank": ["reciprocity", "peer-support"],
        "recovery-college-course": ["blurring-distinctions", "capabilities"],
        "shared-care-plan": ["assets"],
        "youth-court-offenders-join-jury": ["assets", "reciprocity"],
        "travel-training-buddies": ["peer-support"],
        "fast-sessions": ["facilitating"],
    },
    2: {
        "recovery-college-course": ["blurring-distinctions", "assets"],
        "youth-court-time-credits": ["reciprocity"],
        "gp-time-bank": ["reciprocity", "facilitating"],
        "shared-care-plan": ["assets", "peer-support"],
        "fast-peer-groups": ["peer-support", "facilitating"],
    },
}
for gi, marks in MARKS.items():
    for card, principles in marks.items():
        for p in principles:
            s.mark(s.groups[gi].id, "activity-" + card, P + p)
s.mark(harbour.id, "custom-harbour-walk", P + "peer-support")
s.mark(harbour.id, "custom-harbour-walk", P + "assets")

NOTES = {
    0: {
        "principle-assets": "We kept coming back to this one: if people are assets they have to be in the planning AND the doing. We only got round to marking it on two cards.",
        "activity-recovery-college-course": "Clinician and peer trainer plan and teach as equals — the clearest example of co-production on the table.",
        "activity-volunteer-run-library": "The council keeps every decision; the volunteers just staff it. That's the 'volunteering' card, not co-production.",
        "not-civil-society": "Two of us work for charities and admitted our own services are often 'traditional' with a third-sector badge.",
        "activity-court-ordered-parenting": "Compulsory, and the course is about changing the parents. Coercion rather than educating because of the court order.",
        "activity-youth-court-time-credits": "If the hours are part of the sentence it is doing TO young people, whatever the time bank calls it. We disagreed with Harbour on this.",
        "activity-gp-patient-group": "Our own practice has one. People are listened to for years, but the partners still decide — engagement, not co-design.",
    },
    1: {
        "principle-facilitating": "Facilitating, not delivering is what the top rung looks like from the staff side.",
        "activity-gp-time-bank": "Our table has a time bank at the Butetown surgery in mind: patients and staff both give hours, so it is co-delivered.",
        "custom-harbour-walk": "Our own card: the harbour walking group started at the surgery but the walkers run it now. Nobody has to ask permission.",
        "not-user-involvement": "We think involvement is a rung on the ladder (engagement), not 'not co-production' — it is a step towards it. We could not agree on a cell.",
        "not-personal-budgets": "A budget on its own changes who pays, not who designs. Good for choice, but none of the six principles come with it.",
        "activity-court-ordered-parenting": "It is compulsory, but the point is teaching; we put it at Educating, not Coercion.",
        "activity-shared-care-plan": "She, her family and the social worker plan together; paid carers deliver. Textbook co-design delivered by professionals.",
        "activity-fast-sessions": "The programme format is fixed nationally, so professionals design it, even though families help run each week.",
        "activity-youth-court-time-credits": "The court set the scheme up and young people do the work in the community.",
        "activity-day-centre-handover": "Hard one. The group could still say no to taking it on, so we said consultation at least.",
    },
    2: {
        "activity-shared-care-plan": "Her neighbours do the shopping and her daughter does the evenings, so the family is part of delivering care too.",
        "activity-youth-court-time-credits": "If the young people choose how to give back, it is co-production. Tŷ Ffynnon put this at the bottom — a good argument.",
        "not-volunteering": "Volunteering isn't co-production on its own, but on the matrix it is exactly 'professionals design, people deliver'.",
        "activity-school-council-suggestions": "The pupils meet the head every term, so it is more than a one-off survey — but the head still picks.",
        "activity-fast-peer-groups": "The programme sets the groups up and encourages them, so it was co-designed, but the parents run them.",
        "activity-community-food-coop": "No professionals at all, so it sits on the matrix and not the ladder: there is no power to share. We left the rung empty on purpose.",
        "activity-parent-led-baby-group": "Still arguing about the rung when time ran out.",
        "activity-day-centre-handover": "'Run it or it closes' is not a free choice. People deliver, but the council decided everything that mattered.",
    },
}
for gi, notes in NOTES.items():
    for card, text in notes.items():
        s.set_note(s.groups[gi].id, card, text)
text = json.dumps(session_to_dict(s), ensure_ascii=False, indent=2) + "\n"
open("sessions/community-health-workshop.json", "w", encoding="utf-8").write(text)
print("written", len(text))
