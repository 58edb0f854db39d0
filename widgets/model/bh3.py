"""BH3 profiling, simulated: which anti-apoptotic protein keeps a cell alive?

In BH3 profiling, permeabilized cells are exposed to synthetic BH3 peptides, each of
which binds a known subset of anti-apoptotic proteins, and loss of mitochondrial
membrane potential (or cytochrome c) is measured (Certo et al. 2006). A cell
*depends* on a protein if blocking that protein alone releases enough BIM to kill it:

- BIM binds all of them (and activates BAX/BAK itself): overall priming;
- BAD binds BCL-2, BCL-XL (and BCL-W): BCL-2/BCL-XL dependence;
- HRK binds BCL-XL: BCL-XL dependence;
- MS1 and NOXA bind MCL-1: MCL-1 dependence;
- BIM at a high dose is the assay's positive control: every cell with enough BAX/BAK
  responds, so a low reading with low-dose BIM means low priming, not a broken assay.

In the model each peptide is a clamped ligand at a fixed concentration, and the readout
is the percentage of cells of the population that reach MOMP: a stand-in for the
percentage depolarization the assay reports.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from widgets.model import binding
from widgets.model.cells import DEFAULT_CELLS, LIGAND_KD, SEED, momp_free_bim_nM, population
from widgets.model.constants import ANTI_APOPTOTICS, BIM_KD_NM, NO_BINDING, Constant, affinities, nanomolar
from widgets.model.profiles import Profile


@dataclass(frozen=True)
class Peptide:
    """A BH3 peptide of the profiling panel: what it reads out, its dose, its affinities."""

    key: str
    reads_out: str
    concentration_nM: Constant
    kd_nM: dict[str, Constant]
    activates_bax: bool = False


_EARM = "as coded from Certo et al. 2006 in the EARM model (Lopez et al. 2013), not read in the paper itself"


_PANEL_DOSE = Constant(
    10_000.0,
    "nM",
    "certo2006",
    "teaching assumption",
    "sensitizer peptides are used at micromolar concentrations in BH3 profiling",
)

PEPTIDES = {
    "BIM": Peptide(
        "BIM",
        "overall priming (binds every anti-apoptotic protein and activates BAX/BAK)",
        Constant(
            1.0,
            "nM",
            "certo2006",
            "teaching assumption",
            "a low BIM dose, so that only cells already close to MOMP respond",
        ),
        BIM_KD_NM,
        activates_bax=True,
    ),
    "BIM_control": Peptide(
        "BIM_control",
        "positive control (high-dose BIM: every cell able to undergo MOMP responds)",
        Constant(
            10_000.0,
            "nM",
            "certo2006",
            "teaching assumption",
            "a high BIM dose, the assay's positive control; the low dose above reads priming",
        ),
        BIM_KD_NM,
        activates_bax=True,
    ),
    "BAD": Peptide(
        "BAD",
        "dependence on BCL-2 or BCL-XL",
        _PANEL_DOSE,
        affinities(
            nanomolar(11.0, "certo2006", note=_EARM, verified=False),
            nanomolar(10.0, "certo2006", note=_EARM, verified=False),
            nanomolar(NO_BINDING, "chen2005", note="BAD does not bind MCL-1"),
        ),
    ),
    "HRK": Peptide(
        "HRK",
        "dependence on BCL-XL",
        _PANEL_DOSE,
        affinities(
            nanomolar(
                NO_BINDING,
                "certo2006",
                "teaching assumption",
                "HRK is the panel's BCL-XL-selective peptide; its weak BCL-2 binding is left out",
            ),
            nanomolar(
                10.0,
                "certo2006",
                "teaching assumption",
                "HRK reads out BCL-XL dependence (Certo et al. 2006); its affinity was not read, "
                "BAD's BCL-XL value stands in",
            ),
            nanomolar(NO_BINDING, "certo2006", "teaching assumption", "HRK does not read out MCL-1"),
        ),
    ),
    "MS1": Peptide(
        "MS1",
        "dependence on MCL-1",
        _PANEL_DOSE,
        affinities(
            nanomolar(NO_BINDING, "foight2014", "teaching assumption", "MS1 is at least 40-fold selective for MCL-1"),
            nanomolar(NO_BINDING, "foight2014", "teaching assumption", "MS1 is at least 40-fold selective for MCL-1"),
            nanomolar(
                19.0,
                "foight2014",
                "teaching assumption",
                "MS1 binds MCL-1 tightly; its constant was not read, NOXA's value stands in",
            ),
        ),
    ),
    "NOXA": Peptide(
        "NOXA",
        "dependence on MCL-1",
        _PANEL_DOSE,
        affinities(
            nanomolar(NO_BINDING, "chen2005", note="NOXA binds only MCL-1 (and A1)"),
            nanomolar(NO_BINDING, "chen2005", note="NOXA binds only MCL-1 (and A1)"),
            nanomolar(19.0, "certo2006", note=_EARM, verified=False),
        ),
    ),
}


def bh3_profile(profile: Profile, *, cells: int = DEFAULT_CELLS, seed: int = SEED) -> dict[str, float]:
    """Percentage of cells (0 to 100) that reach MOMP with each peptide of the panel."""
    if not isinstance(profile, Profile):
        raise ValueError(f"profile: must be a widgets.model.Profile, not {type(profile).__name__}")
    cells_ = population(profile, cells=cells, seed=seed)
    threshold = momp_free_bim_nM(cells_.levels["bax_bak"])
    response = {}
    for key, peptide in PEPTIDES.items():
        dose = peptide.concentration_nM.value
        kd = np.array([[peptide.kd_nM[protein].value for protein in ANTI_APOPTOTICS]])
        equilibrium = binding.solve(
            cells_.anti_apoptotics(), cells_.ligands(), LIGAND_KD, np.full((cells_.size, 1), dose), kd
        )
        activator = equilibrium.free_ligands[:, 0] + (dose if peptide.activates_bax else 0.0)
        response[key] = 100.0 * float(np.mean(activator >= threshold))
    return response
