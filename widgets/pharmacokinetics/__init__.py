"""Pharmacokinetics: a one-compartment teaching model of oral venetoclax (``one_compartment``),
built on the prescribing information's numbers, and the label's schedules and inhibitor
adjustments run through it (``dosing``)."""
