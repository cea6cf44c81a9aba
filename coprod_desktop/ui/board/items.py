"""Graphics items on the board: regions, headings and cards. They paint and
report gestures; they never write the model."""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import QMimeData, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QDrag, QFont, QFontMetricsF, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsObject,
    QGraphicsSceneMouseEvent,
    QGraphicsView,
    QStyleOptionGraphicsItem,
    QWidget,
)

from coprod_desktop.domain.layout import CARD_HEIGHT, CARD_TITLE, label_insets
from coprod_desktop.domain.model import Card, Decoration, Region
from coprod_desktop.ui.style import fonts, theme
from coprod_desktop.ui.style.plain_text import plain_tooltip
from coprod_desktop.ui.style.text_fit import fit_text

CARD_TITLE_PX = CARD_TITLE  # board units at full card size
CARD_TITLE_MIN_PX = 12.0
REGION_LABEL_PX = 19.0
REGION_LABEL_MIN_PX = 11.0
MORE_LINE = 1.3  # a "+N" tile's height over its type size


def refresh(item: QGraphicsItem) -> None:
    """Repaint an item that changed: in the board's scene, which paints its items into the
    view's cached background (BoardScene.drawBackground), that part of the background."""
    scene = item.scene()
    repaint = getattr(scene, "repaint_board", None)
    if callable(repaint):
        repaint(item.sceneBoundingRect())
    else:
        item.update()


class DecorationItem(QGraphicsItem):
    """Axis titles, row and column headings, ladder bands."""

    def __init__(self, decoration: Decoration) -> None:
        super().__init__()
        self.decoration = decoration
        x, y, w, h = decoration.rect
        self._rect = QRectF(x, y, w, h)
        self.floor = 0.0  # presenting: the region labels' floor, board units
        self.setZValue(-1)

    def fitted_px(self) -> int:
        """The type size the decoration is painted at, board units."""
        return self._fit()[0].pixelSize()

    def _fit(self) -> tuple[QFont, list[str], bool]:
        """The font and lines as painted, and whether they run up the box (a band's tall,
        narrow strip, presenting: its text at the floor only fits turned)."""
        kind = self.decoration.kind
        size = max({"title": 26, "axis": 24, "band": 22}.get(kind, 18), self.floor)
        inner = self._rect.adjusted(6, 4, -6, -4)
        bold = kind != "heading"
        f, lines = fit_text(self.decoration.text, inner, size, 10, bold=bold)
        if kind == "band" and self.floor and f.pixelSize() < self.floor <= size:
            turned = QRectF(0, 0, inner.height(), inner.width())
            g, turned_lines = fit_text(self.decoration.text, turned, size, 10, bold=bold)
            if g.pixelSize() > f.pixelSize():
                return g, turned_lines, True
        return f, lines, False

    def set_rect(self, rect: QRectF) -> None:
        """Where the decoration is on a stretched board (presentation mode)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
            refresh(self)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        kind, r = self.decoration.kind, self._rect
        if kind == "band":
            words = self.decoration.text.split()  # a file may leave it empty
            band = words[-1].lower() if words else ""
            painter.fillRect(r, QColor(theme.BAND_FILLS.get(band, "#eeeeee")))
        # presenting: as large as the room's label floor where the box holds it
        inner = r.adjusted(6, 4, -6, -4)
        f, lines, turned = self._fit()
        painter.setFont(f)
        painter.setPen(QColor(theme.TEXT))
        align = Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag.AlignVCenter
        if kind == "title":
            align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        if turned:  # read bottom to top, as a book's spine
            painter.save()
            painter.translate(inner.bottomLeft())
            painter.rotate(-90)
            box = QRectF(0, 0, inner.height(), inner.width())
            painter.drawText(box, int(align), "\n".join(lines))
            painter.restore()
            return
        painter.drawText(inner, int(align), "\n".join(lines))


class RegionItem(QGraphicsItem):
    """A drop target: a matrix cell, a ladder rung or the "not" area."""

    def __init__(self, region: Region) -> None:
        super().__init__()
        self.region = region
        x, y, w, h = region.rect
        self._rect = QRectF(x, y, w, h)
        self.insets = label_insets(region.lens)  # (top strip, left column), board units
        self.label_px = (REGION_LABEL_PX, REGION_LABEL_MIN_PX)  # (largest, smallest)
        self.label_shown = True
        self._label_box = self._box_for(self._rect, self.insets)
        self.hidden_count = 0
        self.has_tile = False  # presenting: a "+N" strip (MoreItem) says what is hidden
        self._highlighted = False
        self._target = False
        self.setToolTip(plain_tooltip(f"{region.label}\n{region.description}".strip()))

    def set_rect(self, rect: QRectF) -> None:
        """Where the region is on a stretched board (presentation mode)."""
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = QRectF(rect)
            self._label_box = self._box_for(self._rect, self.insets)
            refresh(self)

    def set_label(
        self, insets: tuple[float, float], sizes: tuple[float, float], shown: bool = True
    ) -> None:
        """The label's room (a taller strip or a wider column for larger type), its type
        size's range, (largest, smallest) in board units, and whether it is painted (a
        crowded matrix cell while presenting leaves out what its headings say)."""
        if (insets, sizes, shown) != (self.insets, self.label_px, self.label_shown):
            self.insets, self.label_px, self.label_shown = insets, sizes, shown
            self._label_box = self._box_for(self._rect, insets)
            refresh(self)

    @staticmethod
    def _box_for(rect: QRectF, insets: tuple[float, float]) -> QRectF:
        """The box a region's label is drawn in (domain/layout.py label_rect's shape)."""
        top, left = insets
        if left:
            return QRectF(rect.x() + 8, rect.y() + 4, left - 12, rect.height() - 8)
        return QRectF(rect.x() + 8, rect.y() + 3, rect.width() - 16, top - 9)

    @property
    def label_box(self) -> QRectF:
        return QRectF(self._label_box)

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-3, -3, 3, 3)

    @property
    def rect(self) -> QRectF:
        return self._rect

    def set_highlighted(self, on: bool) -> None:
        if on != self._highlighted:
            self._highlighted = on
            refresh(self)

    @property
    def highlighted(self) -> bool:
        return self._highlighted

    def set_target(self, on: bool) -> None:
        """Tap-tap: the waiting card can go here (a thick dashed outline)."""
        if on != self._target:
            self._target = on
            refresh(self)

    @property
    def target(self) -> bool:
        return self._target

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        contrast = bool(getattr(self.scene(), "high_contrast", False))
        fill = QColor(
            "#ffffff"
            if contrast and self.region.lens != "not"
            else theme.ZONE_FILLS.get(self.region.lens, "#ffffff")
        )
        if self._highlighted:
            fill = QColor(theme.REGION_HIGHLIGHT_FILL)
        edge = (
            theme.HIGHLIGHT if self._highlighted else ("#1a1a1a" if contrast else theme.REGION_EDGE)
        )
        pen = QPen(QColor(edge), 4 if self._highlighted else (2.5 if contrast else 1.5))
        if self._target and not self._highlighted:
            pen = QPen(QColor(theme.HIGHLIGHT), 5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(self._rect, 6, 6)
        painter.setPen(QColor(theme.TEXT if contrast else theme.MUTED_TEXT))
        self._paint_label(painter)
        if self.hidden_count and not self.has_tile:  # the window's layout: no "+N" strip
            painter.setFont(fonts.font(13, bold=True))
            painter.setPen(QColor(theme.TEXT))
            painter.drawText(
                self._rect.adjusted(0, 0, -10, -4),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                f"+{self.hidden_count} more",
            )

    def _label_fit(self) -> tuple[QFont, list[str], str]:
        """The label's font and lines as painted, and the text they came from (a rung's
        name without its number)."""
        box = self._label_box
        largest, smallest = self.label_px
        number, _, name = self.region.label.partition(" ")
        if self.insets[1] and number.isdigit() and name:  # a rung's label column
            name_box = QRectF(box.x(), 0, box.width(), box.height() * 0.55)
            f, lines = fit_text(name, name_box, largest, smallest, bold=True)
            return f, lines, name
        f, lines = fit_text(self.region.label, box, largest, smallest, bold=True)
        return f, lines, self.region.label

    def label_line_rects(self) -> list[QRectF]:
        """Where the label's text is painted, one box per line (a rung's number first)."""
        box = self._label_box
        number, _, name = self.region.label.partition(" ")
        rects: list[QRectF] = []
        if not self.label_shown:
            return rects
        f, lines, _text = self._label_fit()
        metrics = QFontMetricsF(f)
        area = box
        if self.insets[1] and number.isdigit() and name:
            number_box = QRectF(box.x(), box.y(), box.width(), box.height() * 0.45)
            number_metrics = QFontMetricsF(fonts.font(self._number_px(number_box), bold=True))
            rects.append(
                QRectF(
                    box.x(),
                    number_box.bottom() - number_metrics.height(),
                    number_metrics.horizontalAdvance(number),
                    number_metrics.height(),
                )
            )
            area = QRectF(box.x(), number_box.bottom(), box.width(), box.height() * 0.55)
            top = area.y()
        else:
            top = area.y() + (area.height() - len(lines) * metrics.lineSpacing()) / 2
        for i, line in enumerate(lines):
            y = top + i * metrics.lineSpacing()
            rects.append(QRectF(area.x(), y, metrics.horizontalAdvance(line), metrics.height()))
        return rects

    def _number_px(self, number_box: QRectF) -> float:
        return min(max(34.0, self.label_px[0] * 1.4), number_box.height() * 0.8)

    def label_pixel_size(self) -> float:
        """The label's type size in board units, as painted (a rung's name, not its
        larger number)."""
        return float(self._label_fit()[0].pixelSize())

    def label_elided(self) -> bool:
        if not self.label_shown:
            return False
        f, lines, text = self._label_fit()
        return _elided(text, lines)

    def _paint_label(self, painter: QPainter) -> None:
        if not self.label_shown:
            return
        box = self._label_box
        left_middle = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        number, _, name = self.region.label.partition(" ")
        if self.insets[1] and number.isdigit() and name:
            # A rung: its number large on one line, its name below, the same on every rung.
            number_box = QRectF(box.x(), box.y(), box.width(), box.height() * 0.45)
            name_box = QRectF(box.x(), number_box.bottom(), box.width(), box.height() * 0.55)
            painter.setFont(fonts.font(self._number_px(number_box), bold=True))
            painter.drawText(
                number_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom), number
            )
            f, lines, _name = self._label_fit()
            painter.setFont(f)
            painter.drawText(
                name_box,
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
                "\n".join(lines),
            )
            return
        f, lines, _label = self._label_fit()
        painter.setFont(f)
        painter.drawText(box, left_middle, "\n".join(lines))


def _elided(text: str, lines: list[str]) -> bool:
    """Fitted lines that dropped words (an ellipsis the text did not have)."""
    return "\u2026" in "".join(lines) and "\u2026" not in text


@dataclass(frozen=True, slots=True)
class CardLook:
    """What a card shows besides its face: a note corner, what the group has not
    decided yet ("no rung yet"), the principles marked on it (their numbers), and
    whether it is the twin of the selected card (the same card on another lens)."""

    has_note: bool = False
    missing: str = ""
    badges: tuple[str, ...] = ()
    twin: bool = False
    dots: int = 0  # the group's dot votes on the card


class CardItem(QGraphicsObject):
    """A card's place on one lens. Press selects it; dragging it starts a card drag
    that the board (another region) or the tray (off this lens) receives."""

    def __init__(
        self,
        card: Card,
        rect: QRectF,
        look: CardLook | None = None,
        scale: float = 1.0,
        lens: str = "",
        title_px: float = 0.0,
        compact: bool = False,
    ) -> None:
        super().__init__()
        self.card = card
        self.lens = lens
        self.compact = compact  # a crowded region, presenting: title only (compact_text_box)
        self.scale_factor = scale  # the layout's card scale: sets the markers' sizes
        self.title_px = title_px  # the region's one title size (0: fitted from scale)
        self._size = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.look = look or CardLook()
        self._press_pos: QPointF | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsFocusable, True)
        self.setCursor(Qt.CursorShape.OpenHandCursor)
        self.setToolTip(plain_tooltip(f"{card.title}\n{card.text}"))
        self.setZValue(1)
        # Painted once into a pixmap, then blitted: a drag repaints every card each frame.
        # (Caching the big region and heading items too made frames slower, not faster.)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    @property
    def card_id(self) -> str:
        return self.card.id

    @property
    def key(self) -> tuple[str, str]:
        return (self.card.id, self.lens)

    @property
    def has_note(self) -> bool:
        return self.look.has_note

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: object) -> object:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            refresh(self)  # the thick outline on (or off)
        return super().itemChange(change, value)

    def set_twin(self, twin: bool) -> None:
        if twin != self.look.twin:
            self.look = replace(self.look, twin=twin)
            refresh(self)

    def boundingRect(self) -> QRectF:
        return self._size.adjusted(-3, -3, 3, 3)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if self.compact:
            paint_compact_card(
                painter, self._size, self.card, self.isSelected(), self.look, self.title_px
            )
            return
        paint_card(
            painter,
            self._size,
            self.card,
            self.isSelected(),
            self.look,
            self.scale_factor,
            self.title_px,
        )

    def _title_fit(self) -> tuple[QFont, list[str]]:
        if self.compact:
            box = compact_text_box(self._size, self.title_px, compact_marked(self.look))
            return fit_text(self.card.title, box, self.title_px, self.title_px)
        largest, smallest = title_sizes(self.scale_factor, self.title_px)
        return fit_text(
            self.card.title,
            card_text_box(
                self._size, self.scale_factor, bool(self.look.missing or self.look.badges)
            ),
            largest,
            smallest,
        )

    def title_pixel_size(self) -> float:
        """The title's type size in board units, as painted (after fitting)."""
        return float(self._title_fit()[0].pixelSize())

    def title_elided(self) -> bool:
        """True when the painted title lost words to an ellipsis."""
        return _elided(self.card.title, self._title_fit()[1])

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press_pos = QPointF(event.screenPos())
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._press_pos is None or not (event.buttons() & Qt.MouseButton.LeftButton):
            return
        moved = QPointF(event.screenPos()) - self._press_pos
        if moved.manhattanLength() < 8:
            return
        self._press_pos = None
        view = event.widget()
        drag = QDrag(view)
        drag.setMimeData(card_mime(self.card.id, self.lens))
        pixmap = self._drag_pixmap(view)
        drag.setPixmap(pixmap)
        drag.setHotSpot(pixmap.rect().center())
        drag.exec(Qt.DropAction.MoveAction)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self._press_pos = None
        super().mouseReleaseEvent(event)

    def _drag_pixmap(self, view: QWidget | None) -> QPixmap:
        # The viewport's parent is the QGraphicsView: draw the pixmap at its zoom.
        graphics_view = view.parent() if view is not None else None
        scale = graphics_view.transform().m11() if isinstance(graphics_view, QGraphicsView) else 1.0
        size = self._size.size() * scale
        pixmap = QPixmap(max(1, int(size.width())), max(1, int(size.height())))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        painter.scale(scale, scale)
        if self.compact:
            paint_compact_card(painter, self._size, self.card, True, self.look, self.title_px)
        else:
            paint_card(
                painter, self._size, self.card, True, self.look, self.scale_factor, self.title_px
            )
        painter.end()
        return pixmap


def title_sizes(scale: float, title_px: float = 0.0) -> tuple[float, float]:
    """(largest, smallest) type size of a card's title: the region's one size when the
    layout chose it, else shrinking from the card's scale."""
    if title_px > 0:
        return (title_px, title_px)
    return (CARD_TITLE_PX * scale, CARD_TITLE_MIN_PX * scale)


class MoreItem(QGraphicsObject):
    """The "+N" tile of a region too full for its cards at the legible size: a tap opens
    the region zoomed (BoardScene.zoom_requested), where every card fits."""

    def __init__(self, region_id: str, hidden: int, rect: QRectF) -> None:
        super().__init__()
        self.region_id = region_id
        self.hidden = hidden
        self._size = QRectF(0, 0, rect.width(), rect.height())
        self.setPos(rect.topLeft())
        self.setZValue(1)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(f"{hidden} more card(s) here: tap to see them all")

    @property
    def text(self) -> str:
        return f"+{self.hidden}"

    @staticmethod
    def texts(hidden: int) -> tuple[str, str]:
        """What the tile says, in full and when narrow."""
        return (f"+{hidden} more \u203a", f"+{hidden} \u203a")

    @staticmethod
    def width_needed(hidden: int, height: float) -> float:
        """The narrowest tile of height that says "+N" (its short form)."""
        metrics = QFontMetricsF(fonts.font(height / MORE_LINE, bold=True))
        return metrics.horizontalAdvance(MoreItem.texts(hidden)[1]) + 18

    def shown_text(self) -> str:
        full, short = self.texts(self.hidden)
        metrics = QFontMetricsF(fonts.font(self.text_px(), bold=True))
        return full if metrics.horizontalAdvance(full) + 18 <= self._size.width() else short

    def boundingRect(self) -> QRectF:
        return self._size.adjusted(-2, -2, 2, 2)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.TEXT), 2.5, Qt.PenStyle.DashLine))
        painter.setBrush(QColor("#ffffff"))
        painter.drawRoundedRect(self._size.adjusted(1, 1, -1, -1), 5, 5)
        painter.setPen(QColor(theme.TEXT))
        box = self._size.adjusted(8, 1, -8, -1)
        painter.setFont(fonts.font(self.text_px(), bold=True))
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(box, int(align), self.shown_text())

    def text_px(self) -> float:
        """The strip's type size in board units: as large as its height allows (one line
        of MORE_LINE times the type size: the labels' floor)."""
        return self._size.height() / MORE_LINE


def card_mime(card_id: str, lens: str = "") -> QMimeData:
    """A dragged card; lens: the lens its place is on ("" from the tray)."""
    mime = QMimeData()
    mime.setData(theme.CARD_MIME, card_id.encode("utf-8"))
    if lens:
        mime.setData(theme.LENS_MIME, lens.encode("utf-8"))
    return mime


def lens_from_mime(mime: QMimeData) -> str:
    """The lens a dragged card left ("" when it came from the tray)."""
    if not mime.hasFormat(theme.LENS_MIME):
        return ""
    return bytes(mime.data(theme.LENS_MIME).data()).decode("utf-8", "replace")


def card_id_from_mime(mime: QMimeData) -> str | None:
    if not mime.hasFormat(theme.CARD_MIME):
        return None
    return bytes(mime.data(theme.CARD_MIME).data()).decode("utf-8", "replace") or None


def _stripe_width(rect: QRectF, scale: float) -> float:
    return min(22.0 * max(scale, 1.0), rect.width() * 0.18)


def card_text_box(rect: QRectF, scale: float, marked: bool = False) -> QRectF:
    """Where the title goes; marked: leave the bottom strip to the markers and badges."""
    stripe_w = _stripe_width(rect, scale)
    # the markers sit in the bottom padding and a little above it
    strip = max(0.0, _marker_height(rect, scale) - 2) if marked else 0.0
    return QRectF(
        rect.x() + stripe_w + 5,
        rect.y() + 2,
        rect.width() - stripe_w - 9,
        rect.height() - 5 - strip,
    )


def _marker_height(rect: QRectF, scale: float) -> float:
    return min(14.0 * max(scale, 1.0), rect.height() * 0.24)


def _paint_markers(painter: QPainter, rect: QRectF, look: CardLook, scale: float) -> None:
    """Along the bottom: "no rung yet" on the left, the marked principles' numbered
    badges (the principle kind's colour, white digits) on the right."""
    h = _marker_height(rect, scale)
    left = rect.x() + _stripe_width(rect, scale) + 4
    strip = QRectF(left, rect.bottom() - h - 1, rect.right() - left - 4, h)
    x = strip.right()
    principle = theme.KIND_STYLES["principle"].colour
    badge_font = fonts.font(h * 0.72, bold=True)
    painter.setFont(badge_font)
    for number in reversed(look.badges):
        x -= h
        badge = QRectF(x, strip.y(), h, h)
        painter.setPen(QPen(QColor("#ffffff"), 1.0))
        painter.setBrush(QColor(principle))
        painter.drawEllipse(badge)
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), number)
        x -= 2
    if look.missing:  # an orange bar along the bottom: visible however small the card is
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.MISSING_BAR))
        bar = max(2.5, h * 0.22)
        painter.drawRect(QRectF(left, rect.bottom() - bar - 0.5, rect.right() - left - 1, bar))
        painter.setFont(fonts.font(h * 0.72, bold=True))
        painter.setPen(QColor(theme.MISSING_TEXT))
        box = QRectF(strip.x(), strip.y(), max(0.0, x - strip.x() - 2), h)
        text = painter.fontMetrics().elidedText(
            look.missing, Qt.TextElideMode.ElideRight, int(box.width())
        )
        painter.drawText(box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), text)


def paint_card(
    painter: QPainter,
    rect: QRectF,
    card: Card,
    selected: bool,
    look: CardLook | None = None,
    scale: float | None = None,
    title_px: float = 0.0,
) -> None:
    """A card: white face, coloured stripe with the kind's shape, the title in bold,
    and what look adds. scale sets the type size (default: from the card's height);
    title_px, when given, is the title's one size (the region's)."""
    look = look or CardLook()
    style = theme.KIND_STYLES.get(card.kind, theme.KIND_STYLES["custom"])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # Selected: a thick dark outline and a tinted face, visible in greyscale too. Its
    # twin (the same card on the other lens) gets a thick dashed outline.
    if selected:
        pen = QPen(QColor(theme.SELECTED), 4.0)
    elif look.twin:
        pen = QPen(QColor(theme.SELECTED), 4.0, Qt.PenStyle.DashLine)
    else:
        pen = QPen(QColor("#6b6b6b"), 1.2)
    painter.setPen(pen)
    painter.setBrush(QColor(theme.SELECTED_FILL if selected else theme.CARD_FILL))
    painter.drawRoundedRect(rect, 5, 5)
    if scale is None:
        scale = rect.height() / CARD_HEIGHT
    stripe_w = _stripe_width(rect, scale)
    stripe = QRectF(rect.x(), rect.y(), stripe_w, rect.height())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.colour))
    painter.drawRoundedRect(stripe, 5, 5)
    painter.drawRect(stripe.adjusted(stripe_w / 2, 0, 0, 0))
    theme.paint_kind_shape(
        painter,
        card.kind,
        QPointF(stripe.center().x(), rect.y() + stripe_w / 2 + 2),
        stripe_w * 0.28,
    )
    marked = bool(look.missing or look.badges)
    text_box = card_text_box(rect, scale, marked)
    largest, smallest = title_sizes(scale, title_px)
    f, lines = fit_text(card.title, text_box, largest, smallest, bold=True)
    painter.setFont(f)
    painter.setPen(QColor(theme.TEXT))
    painter.drawText(
        text_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "\n".join(lines)
    )
    if marked:
        _paint_markers(painter, rect, look, scale)
    if look.dots:  # the group's dots: a dark pill at the top right, "●●" or "●5"
        pill_h = min(18.0 * max(scale, 1.0), rect.height() * 0.3)
        text = "\u25cf" * look.dots if look.dots <= 3 else f"\u25cf{look.dots}"
        painter.setFont(fonts.font(pill_h * 0.7, bold=True))
        pill_w = painter.fontMetrics().horizontalAdvance(text) + pill_h * 0.6
        pill = QRectF(rect.right() - pill_w - 3, rect.y() + 3, pill_w, pill_h)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.TEXT))
        painter.drawRoundedRect(pill, pill_h / 2, pill_h / 2)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
    if look.has_note:
        paint_note_corner(painter, rect, 10 * scale)
    painter.restore()


def paint_note_corner(painter: QPainter, rect: QRectF, corner: float) -> None:
    """A small folded corner, bottom right: "this card has a note" (in the painter's pen)."""
    painter.setBrush(QColor(theme.HIGHLIGHT))
    painter.drawPolygon(
        [
            QPointF(rect.right() - corner, rect.bottom()),
            QPointF(rect.right(), rect.bottom() - corner),
            QPointF(rect.right(), rect.bottom()),
        ]
    )


# --- compact cards: a crowded region, presenting ------------------------------------
# Title only, as wide as the region's column: the kind is a coloured bar with its shape
# on the left, principle badges and dots in a narrow column on the right, "not decided
# yet" an orange line along the bottom. Sizes follow the title's px (board units).


def compact_bar(px: float) -> float:
    """The kind's bar's width."""
    return px * 0.45


def compact_pad(px: float) -> float:
    return px * 0.1


def compact_marked(look: CardLook) -> bool:
    """The right column is needed: badges or dots."""
    return bool(look.badges or look.dots)


def compact_text_box(rect: QRectF, px: float, marked: bool = False) -> QRectF:
    """Where a compact card's title goes."""
    bar, pad = compact_bar(px), compact_pad(px)
    right = px * 0.75 if marked else 0.0
    return QRectF(
        rect.x() + bar + pad * 1.5,
        rect.y() + pad,
        rect.width() - bar - pad * 3 - right,
        rect.height() - 2 * pad,
    )


def compact_height(lines: int, line_spacing: float, px: float) -> float:
    """A compact card's height for a title of lines lines."""
    return lines * line_spacing + 2 * compact_pad(px) + 1


def paint_compact_card(
    painter: QPainter,
    rect: QRectF,
    card: Card,
    selected: bool,
    look: CardLook | None = None,
    title_px: float = 18.0,
) -> None:
    look = look or CardLook()
    px = title_px
    style = theme.KIND_STYLES.get(card.kind, theme.KIND_STYLES["custom"])
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if selected:
        pen = QPen(QColor(theme.SELECTED), max(3.0, px * 0.14))
    elif look.twin:
        pen = QPen(QColor(theme.SELECTED), max(3.0, px * 0.14), Qt.PenStyle.DashLine)
    else:
        pen = QPen(QColor("#6b6b6b"), 1.2)
    painter.setPen(pen)
    painter.setBrush(QColor(theme.SELECTED_FILL if selected else theme.CARD_FILL))
    painter.drawRoundedRect(rect, 4, 4)
    bar_w = compact_bar(px)
    bar = QRectF(rect.x(), rect.y(), bar_w, rect.height())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(style.colour))
    painter.drawRoundedRect(bar, 4, 4)
    painter.drawRect(bar.adjusted(bar_w / 2, 0, 0, 0))
    theme.paint_kind_shape(
        painter, card.kind, QPointF(bar.center().x(), rect.y() + bar_w / 2 + 1), bar_w * 0.3
    )
    marked = compact_marked(look)
    box = compact_text_box(rect, px, marked)
    f, lines = fit_text(card.title, box, px, px, bold=True)
    painter.setFont(f)
    painter.setPen(QColor(theme.TEXT))
    painter.drawText(
        box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), "\n".join(lines)
    )
    if marked:  # badges stacked down the right column, then the dots
        d = px * 0.62
        x = rect.right() - compact_pad(px) - d
        y = rect.y() + compact_pad(px)
        painter.setFont(fonts.font(d * 0.72, bold=True))
        for number in look.badges:
            if y + d > rect.bottom() - 1:
                break
            badge = QRectF(x, y, d, d)
            painter.setPen(QPen(QColor("#ffffff"), 1.0))
            painter.setBrush(QColor(theme.KIND_STYLES["principle"].colour))
            painter.drawEllipse(badge)
            painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), number)
            y += d + 1
        if look.dots and y + d <= rect.bottom() - 1:
            painter.setPen(QColor(theme.TEXT))
            text = "\u25cf" * look.dots if look.dots <= 2 else f"\u25cf{look.dots}"
            dots_box = QRectF(x - d * 0.2, y, d * 1.4, d)
            painter.drawText(dots_box, int(Qt.AlignmentFlag.AlignCenter), text)
    if look.missing:  # an orange line along the bottom: not decided on the other lens yet
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(theme.MISSING_BAR))
        line = max(2.5, px * 0.12)
        width = rect.right() - bar.right()
        painter.drawRect(QRectF(bar.right(), rect.bottom() - line, width, line))
    if look.has_note:
        painter.setPen(Qt.PenStyle.NoPen)
        paint_note_corner(painter, rect, px * 0.45)
    painter.restore()
