"""pyproject.toml: every dependency is bounded below its next major version and admits what is installed.

A new major release of a library may change what the application relies on; it is admitted by
raising the bound here once the suite has passed with it.
"""

from __future__ import annotations

import tomllib
from importlib import metadata

import pytest
from packaging.requirements import Requirement

from conftest import REPO

PROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
REQUIREMENTS = [Requirement(text) for text in (
    PROJECT["build-system"]["requires"] + PROJECT["project"]["dependencies"]
    + [text for extra in PROJECT["project"]["optional-dependencies"].values() for text in extra])]

# Tools whose minor releases are their breaking ones stop below their next minor instead:
# ruff (0.x) stabilises rules into the selected prefixes and changes its formatting style in
# minors, which would fail the test command on a fresh machine.
BELOW_NEXT_MINOR = {"ruff"}


def _upper_bound(requirement: Requirement) -> str:
    upper = [s.version for s in requirement.specifier if s.operator == "<"]
    assert len(upper) == 1, f"{requirement}: no upper bound"
    return upper[0]


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=str)
def test_every_dependency_stops_below_a_major_version(requirement):
    if requirement.name in BELOW_NEXT_MINOR:
        assert _upper_bound(requirement).count(".") == 1  # "<0.18": one minor
        return
    assert _upper_bound(requirement).isdigit()  # "<7", not "<6.13": a whole major is kept out


@pytest.mark.parametrize("requirement", REQUIREMENTS, ids=str)
def test_the_installed_version_is_admitted_up_to_its_next_major(requirement):
    try:
        installed = metadata.version(requirement.name)
    except metadata.PackageNotFoundError:
        pytest.skip(f"{requirement.name} is not installed here (a build tool)")
    assert requirement.specifier.contains(installed, prereleases=True), installed
    if requirement.name in BELOW_NEXT_MINOR:
        major, minor = installed.split(".")[:2]
        assert _upper_bound(requirement) == f"{major}.{int(minor) + 1}", installed
        return
    # 0.x versions count as major 0: they may break in any release, and stop below 1.
    assert int(_upper_bound(requirement)) == int(installed.split(".")[0]) + 1, installed
