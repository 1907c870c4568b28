"""Tab labels drawn whole.

Qt's styles draw an unselected tab 2 px lower than the selected one but clip its
label to the unshifted rectangle: with the default font the dots of "Ä" and the
tails of "g" were cut off ("Vorgemerkte Anderungen" in the German Folders
window, "Flags chanqed" in the Report's tabs). Without the shift the label fits;
the selected tab still stands out by its colour and border.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget


class _UnshiftedTabs(QProxyStyle):
    def pixelMetric(  # noqa: N802 - Qt's name
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric is QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def keep_tab_labels_whole(app: QApplication) -> None:
    """Wrap the app's style once (before the first window: not on the way to the icon)."""
    if not isinstance(app.style(), _UnshiftedTabs):
        app.setStyle(_UnshiftedTabs(app.style().name()))
