"""The handout's accessible twin (issue 16): the same session as one HTML page, the
format screen readers handle best, for a participant who receives the handout by email.

Real headings (h1 the session, h2 each part, h3 within a group, h4 each lens), lists and
tables with header cells, `lang`, and each group's board as a figure: a drawing with a
text alternative and, below it, every region's cards lens by lens. What it holds: the
cover (date, venue, facilitator, groups, how to read it, the card kinds), per group the
board, the cards on it with their places, principles and notes, the group's own cards,
notes on cards left in the tray and the deck cards left there; with two or more groups
the comparison across them (per lens what all agreed on and what they disagreed on
most, the principles seen in each card, every card group by group); the debrief (the
facilitator's key unless it is left out, what moved since the last round, the dot
votes) when the PDF has one; the reference pages; the questions to take away. In the
PDF's order and under the same conditions; the words are the PDF's (handout/wording.py,
the place texts of handout/sections.py). No ReportLab is drawn here."""

from __future__ import annotations

from html import escape
from pathlib import Path

from coprod_desktop.domain.compare import CardComparison, Comparison, compare, compare_marks
from coprod_desktop.domain.debrief import votes
from coprod_desktop.domain.decisions import principle_numbers
from coprod_desktop.domain.kinds import KIND_LABELS, KINDS
from coprod_desktop.domain.model import Card, Group, Session
from coprod_desktop.handout.document import LANGUAGE
from coprod_desktop.handout.reference_data import (
    Item,
    Part,
    ReferenceText,
    reference_pack,
    reference_text,
)
from coprod_desktop.handout.sections import (
    marks_text,
    places_text,
    region_title,
    short_region_title,
)
from coprod_desktop.handout.text import brief, clean, format_date, one_line
from coprod_desktop.handout.wording import (
    ACROSS_TITLE,
    AGREED_TITLE,
    DEBRIEF_TITLE,
    DISPUTED_TITLE,
    EVERY_CARD_HEADS,
    EVERY_CARD_INTRO,
    EVERY_CARD_NONE,
    EVERY_CARD_TITLE,
    KEY_INTRO,
    KEY_TITLE,
    LEFT_IN_TRAY,
    LEFT_IN_TRAY_BY,
    NO_MOVES,
    ONE_REGION_INTRO,
    ONE_REGION_NONE,
    PLACED_ELSEWHERE_BY,
    PLAIN_WORDS,
    PRINCIPLES_INTRO,
    PRINCIPLES_NONE,
    PRINCIPLES_TITLE,
    PUT_HERE_BY,
    REFERENCE_TITLE,
    SOURCE,
    SOURCES_INTRO,
    SOURCES_TITLE,
    VOTES_TITLE,
    WHY_COPRODUCTION,
    across_intro,
    agreed_intro,
    apart,
    band_item,
    disagreement_rule,
    has_comparison,
    has_debrief,
    heading_over,
    key_places,
    keyed_cards,
    ladder_rungs,
    lens_title,
    matrix_cells,
    matrix_grid,
    moved_title,
    moves_by_group,
    never_placed_title,
    no_place_yet,
    none_agreed,
    none_disputed,
    reference_sources,
    shows_votes,
    unit_phrase,
    unlisted,
    vote_titles,
    votes_intro,
)

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
.source { font-size: 0.95rem; }
blockquote { margin: 0.3rem 0 0.3rem 1.5rem; }
"""


def _t(text: str) -> str:
    """User text as HTML text: control characters dropped, escaped, line breaks kept
    (the .note class keeps them visible)."""
    return escape(clean(text), quote=True)


def _kind(card: Card) -> str:
    return KIND_LABELS.get(card.kind, "Card").lower()


def handout_html(session: Session, packs: tuple[str, ...] = (), key: bool = True) -> str:
    """The whole handout as one HTML page. packs: reference packs, as for the PDF; key:
    the facilitator's key in the debrief (HandoutOptions.key)."""
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
    out += _cover(session, title, key)
    for i, group in enumerate(session.groups):
        out += _group(session, group, i)
    out += _across(session)
    out += _debrief(session, key)
    out += _reference(session, packs)
    out += _questions(packs)
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def write_handout_html(
    session: Session, path: str | Path, packs: tuple[str, ...] = (), key: bool = True
) -> None:
    """Write the HTML handout atomically (on failure the file at path is untouched)."""
    from coprod_desktop.files.atomic_write import atomic_write_bytes

    atomic_write_bytes(Path(path), handout_html(session, packs, key).encode("utf-8"))


def _cover(session: Session, title: str, key: bool) -> list[str]:
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
        "group's notes, the cards it wrote itself and the cards it left in the tray. "
        + _after_groups(session, key)
        + "</p>",
        "<h2>Card kinds</h2>",
        "<dl>",
    ]
    for info in KINDS.values():
        out.append(f"<dt>{_t(info.label)}</dt><dd>{_t(info.explanation)}</dd>")
    out.append("</dl>")
    return out


def _after_groups(session: Session, key: bool) -> str:
    """What follows the groups' sections, each part a link to its heading."""
    parts = []
    if has_comparison(session):
        parts.append(f'<a href="#across">{_t(ACROSS_TITLE.lower())}</a>')
    if has_debrief(session, key):
        parts.append(f'<a href="#debrief">{_t(DEBRIEF_TITLE.lower())}</a>')
    parts.append(f'<a href="#reference">{_t(REFERENCE_TITLE)}</a>')
    questions = reference_text().questions.title
    parts.append(f'<a href="#questions">{_t(questions[:1].lower() + questions[1:])}</a>')
    return "Then: " + ", ".join(parts) + "."


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


def _questions(packs: tuple[str, ...]) -> list[str]:
    part = reference_text().questions
    items = [i.text for i in part.items] + [q for p in packs for q in reference_pack(p).questions]
    out = [f'<h2 id="questions">{_t(part.title)}</h2>']
    if part.intro:
        out.append(f"<p>{_t(part.intro)}</p>")
    out.append("<ol>")
    out += [f"<li>{_t(q)}</li>" for q in items]
    out.append("</ol>")
    return out


# --- across the groups (the PDF's handout/comparison.py) -------------------------------


def _card(card: Card) -> str:
    """A card where the PDF prints its kind's marker and its title: the title, its kind."""
    return f"{_t(brief(card.title))} ({_t(_kind(card))})"


def _names(names: tuple[str, ...], indexes: tuple[int, ...]) -> str:
    return _t(", ".join(brief(names[i]) for i in indexes))


def _item(label: str, text: str, below: str = "") -> str:
    """A list item 'label: text' (text is markup already), with below (a list) in it."""
    return f"<li><strong>{_t(label)}:</strong> {text}{below}</li>"


def _across(session: Session) -> list[str]:
    """The comparison across groups, as the PDF prints it: per lens what every group agreed
    on and what they disagreed on most; the principles seen; every card, group by group."""
    if not has_comparison(session):
        return []
    out = [
        '<section aria-labelledby="across">',
        f'<h2 id="across">{_t(ACROSS_TITLE)}</h2>',
        f"<p>{_t(across_intro(session))}</p>",
    ]
    results = [compare(session, lens.id) for lens in session.board.lenses]
    for result in results:
        out.append(f"<h3>{_t(lens_title(result))}</h3>")
        if len(result.regions) == 1:  # one region ("not"): who put a card there, no dispute
            out += _one_region(result)
            continue
        out += _agreed(result)
        out += _disputed(result)
    out += _principles_seen(session)
    out += _every_card(results)
    out.append("</section>")
    return out


def _agreed(result: Comparison) -> list[str]:
    rows = result.agreed()
    out = [f"<h4>{_t(AGREED_TITLE)}</h4>"]
    if not rows:
        return [*out, f"<p>{_t(none_agreed(result.unit))}</p>"]
    out += [f"<p>{_t(agreed_intro(result.unit))}</p>", "<ul>"]
    for row in rows:
        place = region_title(result.places(row)[0].region, short=True)
        out.append(f"<li>{_card(row.card)} \u2192 {_t(place)}</li>")
    return [*out, "</ul>"]


def _disputed(result: Comparison) -> list[str]:
    contested = result.contested()
    names = result.group_names
    out = [f"<h4>{_t(DISPUTED_TITLE)}</h4>", f"<p>{_t(disagreement_rule(result))}</p>"]
    if not contested.listed and not contested.two_places:
        return [*out, f"<p>{_t(none_disputed(result.unit))}</p>"]
    if contested.listed:
        out.append("<ul>")
        for row in contested.listed:
            how = unit_phrase(result.unit, row.disagreement) + apart(result, row.spread)
            lines = []
            for p in result.places(row):
                lines.append(
                    _item(
                        region_title(p.region, short=True),
                        _names(names, p.groups),
                        _notes(result, row, p.groups),
                    )
                )
            if row.other_lens_only_by:
                lines.append(
                    _item(
                        no_place_yet(result.unit),
                        _names(names, row.other_lens_only_by),
                        _notes(result, row, row.other_lens_only_by),
                    )
                )
            if row.in_tray_by:
                lines.append(_item(LEFT_IN_TRAY, _names(names, row.in_tray_by)))
            out.append(f"<li>{_card(row.card)} \u2014 {_t(how)}<ul>{''.join(lines)}</ul></li>")
        out.append("</ul>")
    left_out = unlisted(result.unit, contested.more, contested.two_places)
    out += [f"<p>{_t(text)}</p>" for text in left_out]
    return out


def _notes(result: Comparison, row: CardComparison, groups: tuple[int, ...]) -> str:
    """The groups' notes on why they put the card there, as a list under the place."""
    notes = [
        f'<li><em>{_names(result.group_names, (g,))}:</em> <span class="note">'
        f"\u201c{_t(brief(row.note(g)))}\u201d</span></li>"
        for g in groups
        if row.note(g)
    ]
    return f"<ul>{''.join(notes)}</ul>" if notes else ""


def _one_region(result: Comparison) -> list[str]:
    rows = result.placed()
    if not rows:
        return [f"<p>{_t(ONE_REGION_NONE)}</p>"]
    names = result.group_names
    out = [f"<p>{_t(ONE_REGION_INTRO)}</p>", "<ul>"]
    for row in rows:
        here = tuple(i for i, r in enumerate(row.regions) if r is not None)
        lines = [_item(PUT_HERE_BY, _names(names, here))]
        if row.other_lens_only_by:
            lines.append(_item(PLACED_ELSEWHERE_BY, _names(names, row.other_lens_only_by)))
        if row.in_tray_by:
            lines.append(_item(LEFT_IN_TRAY_BY, _names(names, row.in_tray_by)))
        out.append(f"<li>{_card(row.card)}<ul>{''.join(lines)}</ul></li>")
    return [*out, "</ul>"]


def _principles_seen(session: Session) -> list[str]:
    rows = compare_marks(session)
    out = [f"<h3>{_t(PRINCIPLES_TITLE)}</h3>"]
    if not rows:
        return [*out, f"<p>{_t(PRINCIPLES_NONE)}</p>"]
    out += [f"<p>{_t(PRINCIPLES_INTRO)}</p>", "<ul>"]
    names = tuple(g.name for g in session.groups)
    numbers = principle_numbers(session.deck)
    for row in rows:
        lines = "".join(
            _item(
                f"{numbers.get(seen.principle.id, '')} {seen.principle.title}".strip(),
                _names(names, seen.groups),
            )
            for seen in row.principles
        )
        out.append(f"<li>{_card(row.card)}<ul>{lines}</ul></li>")
    return [*out, "</ul>"]


def _every_card(results: list[Comparison]) -> list[str]:
    """Every card some group placed, with the groups in each of its places (a table with
    a header row and each card's row header), then the cards no group placed."""
    out = [f"<h3>{_t(EVERY_CARD_TITLE)}</h3>", f"<p>{_t(EVERY_CARD_INTRO)}</p>"]
    first = results[0]
    names = first.group_names
    rows: list[str] = []
    for i, row in enumerate(first.cards):
        per_lens = [result.cards[i] for result in results]
        if not any(r.placed_by for r in per_lens):
            continue
        lines = [
            _item(region_title(p.region, short=True), _names(names, p.groups))
            for result, r in zip(results, per_lens, strict=True)
            for p in result.places(r)
        ]
        if row.in_tray_by:
            lines.append(_item(LEFT_IN_TRAY, _names(names, row.in_tray_by)))
        rows.append(
            f'<tr><th scope="row">{_card(row.card)}</th><td><ul>{"".join(lines)}</ul></td></tr>'
        )
    if rows:
        card_head, where_head = EVERY_CARD_HEADS
        out += [
            "<table>",
            f"<caption>{_t(EVERY_CARD_TITLE)}</caption>",
            f'<thead><tr><th scope="col">{_t(card_head)}</th>'
            f'<th scope="col">{_t(where_head)}</th></tr></thead>',
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
        ]
    else:
        out.append(f"<p>{_t(EVERY_CARD_NONE)}</p>")
    placed = {row.card.id for result in results for row in result.placed()}
    never = [row.card for row in first.cards if row.card.id not in placed]
    if never:
        out += [f"<h4>{_t(never_placed_title(len(never)))}</h4>", "<ul>"]
        out += [f"<li>{_card(c)}</li>" for c in never]
        out.append("</ul>")
    return out


# --- debrief (the PDF's handout/debrief.py) -------------------------------------------


def _debrief(session: Session, key: bool) -> list[str]:
    """The facilitator's key (unless key is off), what moved since the last round and the
    dot votes; nothing when the PDF has no debrief pages."""
    if not has_debrief(session, key):
        return []
    out = ['<section aria-labelledby="debrief">', f'<h2 id="debrief">{_t(DEBRIEF_TITLE)}</h2>']
    keyed = keyed_cards(session, key)
    if keyed:
        out += [f"<h3>{_t(KEY_TITLE)}</h3>", f"<p>{_t(KEY_INTRO)}</p>", "<dl>"]
        for card in keyed:
            lines = [
                f"<li><strong>{_t(where)}</strong> ({_t(confidence)}): {_t(why)}</li>"
                for where, confidence, why in key_places(session, card, short_region_title)
            ]
            out.append(f"<dt>{_card(card)}</dt><dd><ul>{''.join(lines)}</ul></dd>")
        out.append("</dl>")
    if session.rounds:
        out += _moves(session)
    if shows_votes(session):
        titles = vote_titles(session)
        out += [f"<h3>{_t(VOTES_TITLE)}</h3>", f"<p>{_t(votes_intro(session.dots))}</p>", "<ol>"]
        out += [
            f"<li>{_t(brief(titles.get(t.card, t.card)))}: {t.votes}</li>" for t in votes(session)
        ]
        out.append("</ol>")
    out.append("</section>")
    return out


def _moves(session: Session) -> list[str]:
    closed = session.rounds[-1]
    out = [f"<h3>{_t(moved_title(closed.name))}</h3>"]
    moved = moves_by_group(session, closed, brief, short_region_title)
    for group, lines in moved:
        out += [f"<h4>{_t(group.name)}</h4>", "<ul>"]
        out += [f"<li>{_t(line)}</li>" for line in lines]
        out.append("</ul>")
    if not moved:
        out.append(f"<p>{_t(NO_MOVES)}</p>")
    return out


# --- reference (the PDF's handout/reference.py) ---------------------------------------


def _reference(session: Session, packs: tuple[str, ...]) -> list[str]:
    """The reference pages, part by part as the PDF prints them; the ladder and the
    matrix from the session's board (left out when it has none), the sources of the
    deck, the board, every group's own cards and the reference."""
    ref = reference_text()
    extra = [reference_pack(p).part for p in packs]
    out = [
        '<section aria-labelledby="reference">',
        f'<h2 id="reference">{_t(REFERENCE_TITLE)}</h2>',
    ]
    out += _definitions(ref.definitions)
    out += _listed(ref.principles, numbered=True)
    out += _ladder(session, ref)
    out += _matrix(session, ref.matrix)
    out += _listed(ref.degrees)
    if ref.wellbeing is not None:
        item = ref.wellbeing
        out += [f"<h3>{_t(item.title)}</h3>", f"<p>{_t(item.text)}</p>", _source(item.source)]
    out += _listed(ref.non_examples)
    out += _stories(ref.stories)
    for part in extra:
        out += _listed(part)
    out += [f"<h3>{_t(SOURCES_TITLE)}</h3>", f"<p>{_t(SOURCES_INTRO)}</p>", "<ul>"]
    out += [f"<li>{_t(s)}</li>" for s in reference_sources(session, ref, session.groups, extra)]
    out += ["</ul>", "</section>"]
    return out


def _source(text: str) -> str:
    return f'<p class="source"><strong>{_t(SOURCE)}</strong> {_t(text)}</p>' if text else ""


def _part_head(part: Part) -> list[str]:
    out = [f"<h3>{_t(part.title)}</h3>"]
    if part.intro:
        out.append(f"<p>{_t(part.intro)}</p>")
    return out


def _definitions(part: Part) -> list[str]:
    out = [*_part_head(part), "<dl>"]
    for item in part.items:
        out.append(
            f"<dt>{_t(item.title)}</dt><dd><blockquote><p>\u201c{_t(item.quote)}\u201d</p>"
            f"</blockquote><p>{_t(PLAIN_WORDS + item.text)}</p>{_source(item.source)}</dd>"
        )
    return [*out, "</dl>"]


def _listed(part: Part, numbered: bool = False) -> list[str]:
    """A part's items (numbered, or a list), each with its source, then the part's."""
    tag = "ol" if numbered else "ul"
    out = [*_part_head(part), f"<{tag}>"]
    for item in part.items:
        text = f"<p>{_t(item.text)}</p>" if item.text.strip() else ""
        out.append(f"<li><strong>{_t(item.title)}</strong>{text}{_source(item.source)}</li>")
    out.append(f"</{tag}>")
    if part.source:
        out.append(_source(part.source))
    return out


def _ladder(session: Session, ref: ReferenceText) -> list[str]:
    """The rungs, top first as on the board, grouped in their bands (a row group each)."""
    rungs = ladder_rungs(session)
    if not rungs:
        return []
    out = [
        f"<h3>{_t(ref.ladder.title)}</h3>",
        f"<p>{_t(ref.ladder.intro)}</p>",
        "<table>",
        f"<caption>{_t(ref.ladder.title)}: the rungs, top first, in their bands</caption>",
        '<thead><tr><th scope="col">Band</th><th scope="col">Rung</th>'
        '<th scope="col">What it means</th></tr></thead>',
    ]
    bands: list[tuple[Item, list[str]]] = []  # each band, and its rungs' rows
    for i, rung in enumerate(rungs):
        if i == 0 or rungs[i - 1].band != rung.band:
            bands.append((band_item(ref, rung.band), []))
        bands[-1][1].append(
            f'<th scope="row">{_t(rung.label)}</th><td>{_t(rung.description)}</td></tr>'
        )
    for band, rows in bands:
        text = f"<br>{_t(band.text)}" if band.text else ""
        head = (
            f'<tr><th scope="rowgroup" rowspan="{len(rows)}">'
            f"<strong>{_t(band.title)}</strong>{text}</th>"
        )
        out.append("<tbody>")
        out += [(head if i == 0 else "<tr>") + row for i, row in enumerate(rows)]
        out.append("</tbody>")
    return [*out, "</table>", _source(ref.ladder.source)]


def _matrix(session: Session, text: Item) -> list[str]:
    """The matrix as a table of the board's rows and columns under their headings; a list
    row by row when the cells do not make a full grid (as the PDF does)."""
    cells = matrix_cells(session)
    if not cells:
        return []
    board = session.board
    layout = matrix_grid(cells)
    headings = [d for d in board.decorations if d.kind == "heading"]
    out = [f"<h3>{_t(text.title)}</h3>", f"<p>{_t(text.text)}</p>"]
    if not layout.full:
        for y in layout.ys:
            row = [layout.grid[(y, x)] for x in layout.xs if (y, x) in layout.grid]
            if not row:
                continue
            head = heading_over(headings, cells, y, axis=1)
            if head:
                out.append(f"<h4>{_t(head)}</h4>")
            out.append("<ul>")
            out += [
                f"<li><strong>{_t(r.label)}</strong><p>{_t(r.description)}</p></li>" for r in row
            ]
            out.append("</ul>")
        listed = {id(r) for r in layout.grid.values()}
        rest = [r for r in cells if id(r) not in listed]  # two cells in one place
        if rest:
            out.append("<ul>")
            out += [
                f"<li><strong>{_t(r.label)}</strong><p>{_t(r.description)}</p></li>" for r in rest
            ]
            out.append("</ul>")
        return [*out, _source(text.source)]
    axis = " ".join(d.text for d in board.decorations if d.kind == "axis")
    cols = [
        heading_over(headings, cells, x, axis=0) or f"Column {i + 1}"
        for i, x in enumerate(layout.xs)
    ]
    out += [
        "<table>",
        f"<caption>{_t(text.title)}</caption>",
        f'<thead><tr><th scope="col">{_t(axis) or "Who plans, who delivers"}</th>'
        + "".join(f'<th scope="col">{_t(c)}</th>' for c in cols)
        + "</tr></thead>",
        "<tbody>",
    ]
    for i, y in enumerate(layout.ys):
        head = heading_over(headings, cells, y, axis=1) or f"Row {i + 1}"
        row_cells = "".join(
            f"<td><strong>{_t(r.label)}</strong><br>{_t(r.description)}</td>"
            for r in (layout.grid[(y, x)] for x in layout.xs)
        )
        out.append(f'<tr><th scope="row">{_t(head)}</th>{row_cells}</tr>')
    return [*out, "</tbody>", "</table>", _source(text.source)]


def _stories(part: Part) -> list[str]:
    out = _part_head(part)
    last = len(part.items) - 1
    for i, item in enumerate(part.items):
        out += [
            f"<h4>{_t(item.title)}</h4>",
            f"<p>{_t(item.text)}</p>",
            f"<p><strong>{_t(WHY_COPRODUCTION)}</strong></p>",
            "<ul>",
            *[f"<li>{_t(why)}</li>" for why in item.why],
            "</ul>",
            _source(item.source),
        ]
        if i == last and part.source:
            out.append(_source(part.source))
    return [line for line in out if line]
