"""The last pages: reflection questions to take away, each with lines to write on."""

from __future__ import annotations

from reportlab.platypus import Flowable, KeepTogether

from coprod_desktop.handout.flowables import SectionMarker, WritingLines
from coprod_desktop.handout.paragraph import Paragraph
from coprod_desktop.handout.reference_data import reference_pack, reference_text
from coprod_desktop.handout.styles import Styles
from coprod_desktop.handout.text import para

LINES_PER_QUESTION = 3


def questions(styles: Styles, width: float, packs: tuple[str, ...] = ()) -> list[Flowable]:
    part = reference_text().questions
    items = [i.text for i in part.items] + [q for p in packs for q in reference_pack(p).questions]
    story: list[Flowable] = [SectionMarker("Questions"), Paragraph(para(part.title), styles.h1)]
    if part.intro:
        story.append(Paragraph(para(part.intro), styles.body))
    numbered = styles.card.clone("question", fontName=styles.body.fontName)
    for i, question in enumerate(items, 1):
        story.append(
            KeepTogether(
                [
                    Paragraph(f"<b>{i}.</b>\u00a0\u00a0{para(question)}", numbered),
                    WritingLines(
                        LINES_PER_QUESTION, width, styles.base * 2.2, indent=styles.base * 1.4
                    ),
                ]
            )
        )
    return story
