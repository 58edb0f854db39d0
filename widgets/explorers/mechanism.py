"""The mechanism explorer: change BCL-2, MCL-1 and BCL-XL, choose a treatment and a dose,
and see where BIM goes, whether BAX/BAK activate and how many cells die.

On the static site every combination of treatment and levels is precomputed and the
controls switch between views in the browser; the dose moves a marker over the
figure. In a live kernel the sliders are continuous and the figure is recomputed.
"""

from __future__ import annotations

import math

import ipywidgets

from widgets import model
from widgets.explorers import runtime, static_views
from widgets.presentation.figures.mechanism import SCAN_DOSES_NM, MechanismFigure
from widgets.presentation.text import dose_label, level_label

# Levels relative to the profile, on a doubling scale; the static site embeds one view
# per combination, so five steps per protein (125 combinations per treatment).
LEVEL_STEPS = (0.25, 0.5, 1.0, 2.0, 4.0)
# The live sliders, continuous because a kernel recomputes each view: x0.25 to x8, one doubling beyond the static steps.
LEVEL_RANGE = (0.25, 8.0)
DOSE_STEPS_NM = (0.01, 0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0)
TREATMENTS = (
    "venetoclax",
    "venetoclax_asparaginase",
    "venetoclax_homoharringtonine",
    "venetoclax_s63845",
    "venetoclax_mdm2",
    "venetoclax_azacitidine",
    "venetoclax_dexamethasone",
    "navitoclax",
    "azd4320",
)
PROTEINS = ("bcl2", "mcl1", "bclxl")
EXPLORER_CELLS = 1000
TEACHING_NOTE = (
    "A teaching model: protein levels are assumptions on a realistic scale, not measurements of "
    "patients' cells; the chapters explain each choice."
)


def levels_title(levels: dict[str, float]) -> str:
    """The data layer's title: the levels it was computed at (``BCL-2 ×1, MCL-1 ×4, BCL-XL ×1``)."""
    return ", ".join(f"{model.LEVEL_NAMES[name]} {level_label(levels[name])}" for name in PROTEINS)


class _Views:
    """Data layers, computed once per distinct model input: two partners with the same
    effect on the profile share a data layer. The treatment's name is not in it but in its
    own layer, one per menu entry (``name_view``), so each entry is titled with its own name."""

    def __init__(self, profile, figure, cells):
        self.profile, self.figure, self.cells = profile, figure, cells
        self.layers, self.widgets, self.names = {}, {}, {}

    def _key(self, regimen_key: str, levels: dict[str, float]):
        regimen = model.REGIMENS[regimen_key]
        treated = model.with_partners(self.profile.scaled(**levels), regimen.partners)
        return regimen.drug, tuple(sorted(regimen.background.items())), tuple(treated.levels().items())

    def layer(self, regimen_key: str, levels: dict[str, float]) -> str:
        """The SVG data layer for this treatment and these levels."""
        key = self._key(regimen_key, levels)
        if key not in self.layers:
            regimen = model.REGIMENS[regimen_key]
            scan = model.dose_scan(
                self.profile.scaled(**levels), regimen.drug, SCAN_DOSES_NM, cells=self.cells, **regimen.options()
            )
            self.layers[key] = self.figure.data_layer(scan, levels_title(levels))
        return self.layers[key]

    def name_layer(self, regimen_key: str) -> str:
        """The title layer: the treatment's own name."""
        return self.figure.name_layer(model.REGIMENS[regimen_key].name)

    def name_view(self, regimen_key: str) -> ipywidgets.Widget:
        """The title layer as a widget, one per menu entry."""
        if regimen_key not in self.names:
            self.names[regimen_key] = static_views.html_view(self.name_layer(regimen_key))
        return self.names[regimen_key]

    def view(self, regimen_key: str, levels: dict[str, float]) -> ipywidgets.Widget:
        """The same layer as a widget, one widget per distinct layer (shared between stacks)."""
        key = self._key(regimen_key, levels)
        if key not in self.widgets:
            self.widgets[key] = static_views.html_view(self.layer(regimen_key, levels))
        return self.widgets[key]


def mechanism_explorer(profile_key: str = "b_all", *, cells: int = EXPLORER_CELLS) -> ipywidgets.Widget:
    """The explorer for one named profile (a key of ``model.PROFILES``)."""
    if profile_key not in model.PROFILES:
        raise ValueError(
            f"profile_key: {profile_key!r} is not a named profile; choose one of {', '.join(model.PROFILES)}"
        )
    named = model.NAMED_PROFILES[profile_key]
    figure = MechanismFigure(named.profile.bax_bak, model.MOMP_THRESHOLD_NM.value)
    views = _Views(named.profile, figure, cells)
    build = _static if runtime.is_static_site() else _live
    return build(named, figure, views)


def _background(named, figure) -> ipywidgets.Widget:
    return static_views.html_view(
        figure.background_html(
            f"Empty axes of the mechanism figure for the {named.name} profile: where BIM sits (percent), active "
            "BAX/BAK (nM) with the MOMP threshold, and cells apoptotic (percent), each against the dose from 1 pM "
            "to 100 µM on a log scale. The drawn data are described in the layer above."
        )
    )


def _modelled_change(regimen) -> tuple:
    """What a regimen's partners do to the profile in the model, as sorted (level, change) pairs."""
    partners = [model.PARTNERS[key] for key in regimen.partners]
    scaled = [(name, f"×{factor:g}") for partner in partners for name, factor in partner.scale.items()]
    added = [(name, f"+{amount:g} nM") for partner in partners for name, amount in partner.add.items()]
    return tuple(sorted(scaled + added))


def alike_note() -> str:
    """A sentence naming the menu's partners that the model cannot tell apart: partners with
    the same modelled effect on the profile give the same view, so the reader knows why."""
    groups: dict[tuple, list[str]] = {}
    for key in TREATMENTS:
        regimen = model.REGIMENS[key]
        if regimen.partners:
            groups.setdefault((regimen.drug, _modelled_change(regimen)), []).append(regimen.name.split(" + ", 1)[1])
    return " ".join(
        f"With venetoclax, {', '.join(names[:-1])} and {names[-1]} are modelled alike "
        f"({', '.join(f'{model.LEVEL_NAMES[level]} {change}' for level, change in change_pairs)}, an assumed size), "
        "so they show the same curves."
        for (_, change_pairs), names in groups.items()
        if len(names) > 1
    )


def _caption(named) -> str:
    return f"Profile: {named.name}, levels relative to it. {alike_note()} {TEACHING_NOTE}".replace("  ", " ")


def _static(named, figure, views) -> ipywidgets.Widget:
    treatment = static_views.dropdown("Treatment:", [model.REGIMENS[key].name for key in TREATMENTS])
    sliders = [
        static_views.slider(
            f"{model.LEVEL_NAMES[name]}:", [level_label(step) for step in LEVEL_STEPS], LEVEL_STEPS.index(1.0)
        )
        for name in PROTEINS
    ]
    dose = static_views.slider("Dose:", [dose_label(step) for step in DOSE_STEPS_NM], DOSE_STEPS_NM.index(100.0))

    def data_view(treatment_index, *level_indices):
        levels = {name: LEVEL_STEPS[index] for name, index in zip(PROTEINS, level_indices)}
        return views.view(TREATMENTS[treatment_index], levels)

    data = static_views.linked_views([treatment, *sliders], data_view)
    name = static_views.linked_views([treatment], lambda index: views.name_view(TREATMENTS[index]))
    line = static_views.linked_views(
        [dose], lambda index: static_views.html_view(figure.dose_line_layer(DOSE_STEPS_NM[index]))
    )
    marker = static_views.linked_views(
        [dose], lambda index: static_views.html_view(figure.dose_layer(DOSE_STEPS_NM[index]))
    )
    background = _background(named, figure)
    return static_views.explorer(
        [treatment, *sliders, dose],
        static_views.overlay([background, line, data, name, marker]),
        caption=_caption(named),
    )


def _live(named, figure, views) -> ipywidgets.Widget:
    treatment = ipywidgets.Dropdown(
        options=[(model.REGIMENS[key].name, key) for key in TREATMENTS],
        description="Treatment:",
        style={"description_width": "initial"},
    )
    low, high = (math.log2(level) for level in LEVEL_RANGE)
    sliders = {
        name: ipywidgets.FloatLogSlider(
            value=1.0,
            base=2,
            min=low,
            max=high,
            step=0.1,
            description=f"{model.LEVEL_NAMES[name]} ×",
            continuous_update=False,
            readout_format=".2f",
        )
        for name in PROTEINS
    }
    dose = ipywidgets.FloatLogSlider(
        value=100.0,
        base=10,
        min=-2,
        max=4,
        step=0.1,
        description="Dose (nM):",
        continuous_update=False,
        readout_format=".3g",
    )
    data = static_views.html_view("")
    title = static_views.html_view("")
    line = static_views.html_view("")
    marker = static_views.html_view("")

    def redraw(_change=None):
        levels = {name: slider.value for name, slider in sliders.items()}
        data.value = views.layer(treatment.value, levels)
        title.value = views.name_layer(treatment.value)

    def move_marker(_change=None):
        line.value = figure.dose_line_layer(dose.value)
        marker.value = figure.dose_layer(dose.value)

    treatment.observe(redraw, "value")
    for slider in sliders.values():
        slider.observe(redraw, "value")
    dose.observe(move_marker, "value")
    redraw()
    move_marker()
    background = _background(named, figure)
    return static_views.explorer(
        [treatment, *sliders.values(), dose],
        static_views.overlay([background, line, data, title, marker]),
        caption=_caption(named),
    )
