"""The debrief page: on the left the lens (matrix, ladder, "not"), its cards most contested
first with their agreement, the figures, and for the chosen card each group's place and
note; on the right the board with every group's places of that card. The facilitator's
key stays hidden until revealed, card by card or all at once."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPainter, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain.agreement import LensFigures
from coprod_desktop.domain.debrief import figures, moves_since, votes
from coprod_desktop.ui.debrief.scene import DebriefScene
from coprod_desktop.ui.document.document import SessionDocument
from coprod_desktop.ui.style import fonts
from coprod_desktop.ui.style.plain_text import one_line

CARD_ROLE = Qt.ItemDataRole.UserRole + 1


def _percent(value: object) -> str:
    return "" if value is None else f"{float(value) * 100:.0f}%"  # type: ignore[arg-type]


class _FittedView(QGraphicsView):
    """The whole board, scaled to fit."""

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class DebriefView(QWidget):
    closed = Signal()

    def __init__(self, document: SessionDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.revealed: set[str] = set()  # card ids whose key is shown
        self.card_id = ""
        self.scene = DebriefScene(self)
        self.view = _FittedView(self.scene)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setAccessibleName("Debrief board: every group's places of the chosen card")

        self.lenses = QTabBar()
        self.lenses.setFont(fonts.font(14, bold=True))
        self.lenses.setElideMode(Qt.TextElideMode.ElideRight)
        self.lenses.setAccessibleName("Part of the board")
        self.lenses.currentChanged.connect(self._fill)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setFont(fonts.font(14))
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.cards = QListWidget()
        self.cards.setFont(fonts.font(16))
        self.cards.setWordWrap(True)
        self.cards.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.cards.setAccessibleName("Cards, most contested first")
        self.cards.currentItemChanged.connect(self._on_card)
        self.places = QLabel()
        self.places.setObjectName("debrief-places")
        self.places.setWordWrap(True)
        self.places.setFont(fonts.font(16))
        self.places.setTextFormat(Qt.TextFormat.PlainText)
        self.places.setAlignment(Qt.AlignmentFlag.AlignTop)
        places_scroll = QScrollArea()
        places_scroll.setWidgetResizable(True)
        places_scroll.setWidget(self.places)
        self.reveal_button = QPushButton("Reveal the key for this card")
        self.reveal_all_button = QPushButton("Reveal the whole key")
        self.back_button = QPushButton("Back to the boards")
        for button in (self.reveal_button, self.reveal_all_button, self.back_button):
            button.setMinimumHeight(44)
            button.setFont(fonts.font(15, bold=True))
        self.reveal_button.clicked.connect(self.reveal_card)
        self.reveal_all_button.clicked.connect(self.reveal_all)
        self.back_button.clicked.connect(self.closed.emit)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(6, 6, 6, 6)
        column.addWidget(self.lenses)
        column.addWidget(self.summary)
        column.addWidget(self.cards, 3)
        column.addWidget(places_scroll, 2)
        # one above the other: the page never asks the window to be wider than the board does
        for button in (self.reveal_button, self.reveal_all_button, self.back_button):
            column.addWidget(button)
        self.view.setMinimumSize(120, 120)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(side)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([420, 1500])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.setAccessibleName("Debrief")

    # --- filling ------------------------------------------------------------------
    def open(self) -> None:
        """Rebuild from the session as it is now (the groups may have moved cards)."""
        session = self.document.session
        self.scene.build(session)
        self.lenses.blockSignals(True)
        while self.lenses.count():
            self.lenses.removeTab(0)
        for lens in session.board.lenses:
            self.lenses.addTab(lens.label)
        self.lenses.blockSignals(False)
        self._fill()

    @property
    def lens_id(self) -> str:
        lenses = self.document.session.board.lenses
        index = self.lenses.currentIndex()
        return lenses[index].id if 0 <= index < len(lenses) else ""

    def lens_figures(self) -> LensFigures:
        return figures(self.document.session, self.lens_id)

    def _fill(self, *_args: object) -> None:
        session = self.document.session
        lens = session.board.lens(self.lens_id)
        if lens is None:
            return
        fig = self.lens_figures()
        titles = {c.id: c.title for c in session.deck.cards}
        keep = self.card_id
        self.cards.blockSignals(True)
        self.cards.clear()
        order = [c.card for c in fig.contested]
        order += [cid for cid, c in fig.cards.items() if c.placed_by and cid not in order]
        for card_id in order:
            agreement = fig.cards[card_id]
            spread = next((c.spread for c in fig.contested if c.card == card_id), None)
            words = [f"{agreement.places} {lens.unit}{'s' if agreement.places != 1 else ''}"]
            if spread:
                words.append(f"{spread} apart")
            words.append(f"agreement {_percent(agreement.agreement)}")
            item = QListWidgetItem(f"{one_line(titles.get(card_id, card_id))} — {', '.join(words)}")
            item.setData(CARD_ROLE, card_id)
            self.cards.addItem(item)
        self.cards.blockSignals(False)
        kappa = fig.kappa
        kappa_text = (
            f"Fleiss' kappa {float(kappa.value):.2f}"
            if kappa.value is not None
            else f"Fleiss' kappa: none ({kappa.reason})"
        )
        contested = len(fig.contested)
        lines = [
            f"{lens.label}: {len(order)} card(s) placed, {contested} in more than one "
            f"{lens.unit}. {kappa_text}."
        ]
        if fig.scores and self._all_revealed(fig):
            names = {g.id: g.name for g in session.groups}
            for group, score in fig.scores.items():
                line = f"{names.get(group, group)}: {score.hits} of {score.compared} on the key"
                if score.distance is not None:
                    line += f", {float(score.distance):.1f} {lens.unit}s from it on average"
                lines.append(line)
        lines += self._round_lines(lens.id, lens.unit)
        lines += self._vote_lines(titles)
        self.summary.setText("\n".join(lines))
        rows = [self.cards.item(i).data(CARD_ROLE) for i in range(self.cards.count())]
        if rows:
            self.cards.setCurrentRow(rows.index(keep) if keep in rows else 0)
        self._on_card()

    def _round_lines(self, lens_id: str, unit: str) -> list[str]:
        """What moved on this lens since the last closed round, group by group."""
        session = self.document.session
        if not session.rounds:
            return []
        closed = session.rounds[-1]
        moved = moves_since(session, closed, lens_id)
        counts = ", ".join(f"{g.name} {len(moved.by_group.get(g.id, ()))}" for g in session.groups)
        return [f"Since {closed.name}: {moved.total} card(s) moved to another {unit} ({counts})."]

    def _vote_lines(self, titles: dict[str, str]) -> list[str]:
        session = self.document.session
        if not session.dots:
            return []
        totals = votes(session)
        if not totals:
            return [f"Dot voting: {session.dots} dots a group, none put yet."]
        top = "; ".join(f"{one_line(titles.get(t.card, t.card))} {t.votes}" for t in totals[:5])
        return [f"Dots ({session.dots} a group): {top}"]

    def _all_revealed(self, fig: LensFigures) -> bool:
        keyed = {c.id for c in self.document.session.deck.cards if c.reference}
        return bool(keyed) and keyed <= self.revealed

    def _on_card(self, *_args: object) -> None:
        item = self.cards.currentItem()
        self.card_id = str(item.data(CARD_ROLE)) if item is not None else ""
        self.show_card(self.card_id)

    def show_card(self, card_id: str) -> None:
        session = self.document.session
        self.scene.show_card(session, card_id, card_id in self.revealed)
        card = session.deck.card(card_id) if card_id else None
        has_key = card is not None and bool(card.reference)
        self.reveal_button.setEnabled(has_key and card_id not in self.revealed)
        self.reveal_all_button.setEnabled(
            any(c.reference and c.id not in self.revealed for c in session.deck.cards)
        )
        if card is None:
            self.places.setText("Choose a card to see where every group put it.")
            return
        lines = [card.title, ""]
        if session.rounds:
            closed = session.rounds[-1]
            moved = [
                g.name
                for g in session.groups
                for lens in session.board.lenses
                if any(
                    m.card == card.id
                    for m in moves_since(session, closed, lens.id).by_group.get(g.id, ())
                )
            ]
            if moved:
                lines += [f"Moved since {closed.name} by: {', '.join(dict.fromkeys(moved))}", ""]
        for group in session.groups:
            places = []
            for lens in session.board.lenses:
                placement = session.place_on(group, card.id, lens.id)
                region = session.board.region(placement.region) if placement else None
                if region is not None:
                    places.append(f"{lens.label}: {region.label}")
            lines.append(f"{group.name}: {'; '.join(places) or 'left in the tray'}")
            if group.votes.get(card.id):
                lines.append(f"    {group.votes[card.id]} dot(s)")
            if group.note(card.id):
                lines.append(f"    \u201c{group.note(card.id)}\u201d")
        if card.id in self.revealed and card.reference:
            lines += ["", "The facilitator's key (a reading of the sources, not a verdict):"]
            for place in card.reference:
                region = session.board.region(place.region)
                label = region.label if region else place.region
                lines.append(f"{label} ({place.confidence}): {place.why}")
        self.places.setText("\n".join(lines))

    # --- the key -------------------------------------------------------------------
    def reveal_card(self) -> None:
        if self.card_id:
            self.revealed.add(self.card_id)
            self._fill()

    def reveal_all(self) -> None:
        self.revealed |= {c.id for c in self.document.session.deck.cards if c.reference}
        self._fill()
