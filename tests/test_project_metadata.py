"""pyproject metadata a package index accepts (issue 10): an SPDX licence that is the one in
LICENSE, real classifiers, a readme and an author, no placeholder URLs. `uv build` writes
these fields into the wheel's METADATA (License-Expression, License-File, Classifier)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from trove_classifiers import classifiers as KNOWN_CLASSIFIERS

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_licence_is_an_spdx_expression_naming_the_licence_in_license():
    assert PROJECT["license"] == "MIT"  # a string: PEP 639's expression, not {text = ...}
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").splitlines()[0] == "MIT License"
    assert PROJECT["license-files"] == ["LICENSE"]


def test_every_classifier_is_a_known_trove_classifier_and_none_repeats_the_licence():
    found = PROJECT["classifiers"]
    assert found and len(found) == len(set(found))
    assert [c for c in found if c not in KNOWN_CLASSIFIERS] == []
    # PEP 639: with a licence expression, licence classifiers are refused by the index.
    assert [c for c in found if c.startswith("License ::")] == []


def test_the_python_classifiers_agree_with_requires_python():
    minimum = re.fullmatch(r">=3\.(\d+)", PROJECT["requires-python"])
    assert minimum is not None
    versions = [
        int(c.rsplit(".", 1)[1])
        for c in PROJECT["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    ]
    assert versions and min(versions) == int(minimum.group(1))


def test_the_author_is_the_copyright_holder_and_the_readme_exists():
    holder = re.search(
        r"Copyright \(c\) \d{4} (.+)", (ROOT / "LICENSE").read_text(encoding="utf-8")
    )
    assert holder is not None
    assert PROJECT["authors"] == [{"name": holder.group(1).strip()}]
    assert (ROOT / PROJECT["readme"]).is_file()


def test_no_project_url_is_a_placeholder():
    for url in PROJECT.get("urls", {}).values():
        assert url.startswith("https://") and "example." not in url, url
