"""The handout's accessible twin (issue 16): the same session as one HTML page, the
format screen readers handle best, for a participant who receives the handout by email.

Real headings (h1 the session, h2 each part, h3 within a group, h4 each lens), lists and
tables with header cells, `lang`, and each group's board as a figure: a drawing with a
text alternative and, below it, every region's cards lens by lens. What it holds: the
cover (date, venue, facilitator, groups, how to read it, the card kinds), per group the
board, the cards on it with their places, principles and notes, the group's own cards,
notes on cards left in the tray and the deck cards left there; with two or more groups
where each group put each card; the questions to take away. Not (yet) in it: the
comparison's agreement analysis, the debrief pages and the reference pages of the PDF.
No ReportLab is drawn here; the place texts are the PDF's (handout/sections.py)."""

from __future__ import annotations

from html import escape
from pathlib import Path

from coprod_desktop.domain.kinds import KIND_LABELS, KINDS
from coprod_desktop.domain.model import Card, Group, Session
from coprod_desktop.handout.document import LANGUAGE
from coprod_desktop.handout.reference_data import reference_pack, reference_text
from coprod_desktop.handout.sections import marks_text, places_text, region_title
from coprod_desktop.handout.text import clean, format_date, one_line

STYLE = """
body { font-family: sans-serif; font-size: 1.1rem; line-height: 1.5; color: #1a1a1a;
  background: #ffffff; max-width: 60rem; margin: 0 auto; padding: 1rem; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #6b6b6b; padding: 0.3rem 0.5rem; text-align: left;
  vertical-align: top; }
caption { text-align: left; font-weight: bold; }
figure { margin: 0.5rem 0 1rem; }
figcaption { font-weight: bold; }
svg text { font-family: sans-serif; }
.muted { color: #4a4a4a; }
.note { white-space: pre-wrap; }
"""


def _t(text: str) -> str:
    """User text as HTML text: control characters dropped, escaped, line breaks kept
    (the .note class keeps them visible)."""
    return escape(clean(text), quote=True)


def _kind(card: Card) -> str:
    return KIND_LABELS.get(card.kind, "Card").lower()


def handout_html(session: Session, packs: tuple[str, ...] = ()) -> str:
    title = one_line(session.title) or "Co-production workshop"
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{LANGUAGE}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_t(title)}: handout</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<main>",
    ]
    out += _cover(session, title)
    for i, group in enumerate(session.groups):
        out += _group(session, group, i)
    if len(session.groups) > 1:
        out += _every_card(session)
    out += _questions(packs)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def write_handout_html(session: Session, path: str | Path, packs: tuple[str, ...] = ()) -> None:
    """Write the HTML handout atomically (on failure the file at path is untouched)."""
    from coprod_desktop.files.atomic_write import atomic_write_bytes

    atomic_write_bytes(Path(path), handout_html(session, packs).encode("utf-8"))


def _cover(session: Session, title: str) -> list[str]:
    out = [f"<h1>{_t(title)}</h1>", f"<p>{_t(format_date(session.created))}</p>"]
    if session.venue.strip():
        out.append(f"<p>{_t(session.venue)}</p>")
    if session.facilitator.strip():
        out.append(f"<p>Facilitated by {_t(session.facilitator)}</p>")
    out.append('<h2 id="groups">Groups</h2>')
    out.append("<ul>")
    out += [
        f'<li><a href="#group-{i + 1}">{_t(g.name)}</a></li>' for i, g in enumerate(session.groups)
    ]
    out.append("</ul>")
    out += [
        "<h2>About this handout</h2>",
        "<p>In this workshop each table group sorted cards onto a board. The board has "
        f"{len(session.board.lenses)} parts (lenses): "
        + ", ".join(_t(lens.label) for lens in session.board.lenses)
        + ". A card can have one place on each. For each group you will find its board, "
        "described region by region, then every card it placed with its places and the "
        "group's notes, the cards it wrote itself and the cards it left in the tray.</p>",
        "<h2>Card kinds</h2>",
        "<dl>",
    ]
    for info in KINDS.values():
        out.append(f"<dt>{_t(info.label)}</dt><dd>{_t(info.explanation)}</dd>")
    out.append("</dl>")
    return out


def _placed(session: Session, group: Group) -> list[Card]:
    seen: dict[str, Card] = {}
    for _region, placed in session.iter_placed(group):
        for card, _placement in placed:
            seen.setdefault(card.id, card)
    return list(seen.values())


def _group(session: Session, group: Group, index: int) -> list[str]:
    anchor = f"group-{index + 1}"
    name = _t(group.name)
    cards = _placed(session, group)
    out = [
        f'<section aria-labelledby="{anchor}">',
        f'<h2 id="{anchor}">{name}</h2>',
        f"<h3>{name}: the board</h3>",
    ]
    out += _board_figure(session, group, index, len(cards))
    out.append(f"<h3>Cards on the board ({len(cards)})</h3>")
    if cards:
        out += [
            "<table>",
            f"<caption>{name}: every card on the board, its places and the group's note</caption>",
            '<thead><tr><th scope="col">Card</th><th scope="col">Kind</th>'
            '<th scope="col">Where</th><th scope="col">Principles we saw</th>'
            '<th scope="col">Our note</th></tr></thead>',
            "<tbody>",
        ]
        for card in cards:
            text = f'<br><span class="muted">{_t(card.text)}</span>' if card.text.strip() else ""
            out.append(
                f'<tr><th scope="row">{_t(card.title)}{text}</th><td>{_t(_kind(card))}</td>'
                f"<td>{_t(places_text(session, group, card.id))}</td>"
                f"<td>{_t(marks_text(session, group, card.id)) or 'none'}</td>"
                f'<td class="note">{_t(group.note(card.id)) or "no note"}</td></tr>'
            )
        out += ["</tbody>", "</table>"]
    else:
        out.append("<p>This group did not place any cards on the board.</p>")
    if group.cards:
        out.append(f"<h3>Cards this group wrote ({len(group.cards)})</h3>")
        out.append("<ul>")
        for card in group.cards:
            where = places_text(session, group, card.id) or "left in the tray"
            out.append(f"<li>{_t(card.title)} ({_t(_kind(card))}): {_t(where)}</li>")
        out.append("</ul>")
    noted = [c for c in session.unplaced(group) if group.note(c.id).strip()]
    if noted:
        out.append(f"<h3>Notes on cards left in the tray ({len(noted)})</h3>")
        out.append("<dl>")
        for card in noted:
            out.append(f'<dt>{_t(card.title)}</dt><dd class="note">{_t(group.note(card.id))}</dd>')
        out.append("</dl>")
    own = {c.id for c in group.cards}
    left = [c for c in session.unplaced(group) if c.id not in own]
    if left:
        out.append(f"<h3>Deck cards left in the tray ({len(left)})</h3>")
        out.append("<ul>")
        out += [f"<li>{_t(c.title)} ({_t(_kind(c))})</li>" for c in left]
        out.append("</ul>")
    out.append("</section>")
    return out


def _board_figure(session: Session, group: Group, index: int, placed: int) -> list[str]:
    """The board as a figure: a drawing (its regions, with how many cards each holds)
    named by the caption, and the text alternative: each lens, each region, its cards."""
    board = session.board
    caption_id = f"board-{index + 1}-caption"
    width, height = board.size
    out = [
        f'<figure aria-labelledby="{caption_id}">',
        f'<figcaption id="{caption_id}">The board of {_t(group.name)}: {placed} card(s) '
        "placed. Below the drawing, every region's cards, lens by lens.</figcaption>",
        f'<svg role="img" aria-label="{_t(_drawing_alt(session, group))}" '
        f'viewBox="0 0 {width:g} {height:g}" width="100%" style="max-width: 48rem">',
    ]
    font = max(8.0, min(width, height) / 40)
    for region in board.regions:
        x, y, w, h = region.rect
        count = len(group.in_region(region.id))
        out.append(
            f'<rect x="{x:g}" y="{y:g}" width="{w:g}" height="{h:g}" fill="#ffffff" '
            'stroke="#6b6b6b" stroke-width="2"/>'
        )
        out.append(
            f'<text x="{x + 4:g}" y="{y + font + 2:g}" font-size="{font:g}" fill="#1a1a1a">'
            f"{_t(one_line(region.label))[:40]} ({count})</text>"
        )
    out.append("</svg>")
    for lens in board.lenses:
        out.append(f"<h4>{_t(lens.label)}</h4>")
        out.append("<ul>")
        for region in board.regions_of(lens.id):
            cards = [session.card(group, p.card) for p in group.in_region(region.id)]
            label = _t(region_title(region))
            if cards:
                items = "".join(f"<li>{_t(c.title)} ({_t(_kind(c))})</li>" for c in cards)
                out.append(f"<li>{label}: {len(cards)} card(s)<ul>{items}</ul></li>")
            else:
                out.append(f"<li>{label}: no cards</li>")
        out.append("</ul>")
    out.append("</figure>")
    return out


def _drawing_alt(session: Session, group: Group) -> str:
    counts = [
        f"{one_line(r.label)} {len(group.in_region(r.id))}"
        for r in session.board.regions
        if group.in_region(r.id)
    ]
    board = one_line(session.board.title) or "The board"
    said = "; ".join(counts) if counts else "no cards placed"
    return f"{board}, as {one_line(group.name)} left it. Cards per region: {said}."


def _every_card(session: Session) -> list[str]:
    groups = session.groups
    out = [
        "<h2>Where each group put each card</h2>",
        "<table>",
        "<caption>Each deck card, and where each group put it</caption>",
        '<thead><tr><th scope="col">Card</th>'
        + "".join(f'<th scope="col">{_t(g.name)}</th>' for g in groups)
        + "</tr></thead>",
        "<tbody>",
    ]
    for card in session.deck.cards:
        cells = "".join(
            f"<td>{_t(places_text(session, g, card.id)) or 'in the tray'}</td>" for g in groups
        )
        out.append(f'<tr><th scope="row">{_t(card.title)}</th>{cells}</tr>')
    out += ["</tbody>", "</table>"]
    return out


def _questions(packs: tuple[str, ...]) -> list[str]:
    part = reference_text().questions
    items = [i.text for i in part.items] + [q for p in packs for q in reference_pack(p).questions]
    out = [f"<h2>{_t(part.title)}</h2>"]
    if part.intro:
        out.append(f"<p>{_t(part.intro)}</p>")
    out.append("<ol>")
    out += [f"<li>{_t(q)}</li>" for q in items]
    out.append("</ol>")
    return out
