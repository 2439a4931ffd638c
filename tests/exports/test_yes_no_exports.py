# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""aipref and robots, read back by independent parsers: the same verdict per path as the terms."""

from __future__ import annotations

import json
import urllib.robotparser
from pathlib import Path
from urllib.parse import quote

import http_sfv
import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from protego import Protego

from tests.conftest import MINIMAL_TERMS
from tgpl_git.exports import render
from tgpl_git.exports.yesno import allows, robots_pattern, spill_patterns
from tgpl_git.terms import Terms, load_terms
from tgpl_git.terms.globs import compile_globs

OVERRIDES = """
[[overrides]]
path = "assets/**"
training = "disallowed"

[[overrides]]
path = ["vendor/**", "**/*.min.js"]
search = "disallowed"
fallback = "deny"

[[overrides]]
path = "docs/*.md"
training = "allowed"

[crawlers]
block = ["GPTBot", "CCBot"]
"""
PATHS = [
    "src/main.c",
    "README.md",
    "assets/logo.png",
    "assets/deep/icon.svg",
    "vendor/lib/x.c",
    "web/app.min.js",
    "docs/guide.md",
    "docs/café/menu.md",
]
SPILLED = {"docs/café/menu.md"}  # "docs/*.md" does not match it; its location "/docs/*.md$" does
LABELS = {"train-ai": "training", "search": "search"}


def load(project: Path, fallback: str) -> Terms:
    text = MINIMAL_TERMS.replace(
        'training = "conditional"', f'training = "conditional"\nfallback = "{fallback}"'
    )
    (project / "ai-training.toml").write_text(text + OVERRIDES)
    return load_terms(project / "ai-training.toml")


def matches(pattern: str, path: str) -> bool:
    """Whether an RFC 9309 pattern matches ``path``, asked of protego's matcher."""
    return not Protego.parse(f"User-agent: *\nDisallow: {pattern}\n").can_fetch(path, "bot")


def read_usage(text: str, path: str) -> dict[str, bool]:
    """Every Content-Usage rule that matches ``path``, combined: a no wins over a yes."""
    verdict: dict[str, bool] = {}
    for line in text.splitlines():
        if not line.lower().startswith("content-usage:"):
            continue
        rule = line.split(":", 1)[1].strip()
        pattern, value = rule.split(" ", 1) if rule.startswith("/") else ("/", rule)
        if not matches(pattern, path):
            continue
        parsed = http_sfv.Dictionary()
        parsed.parse(value.encode())
        for label, item in parsed.items():
            yes = str(item.value) == "y"
            verdict[LABELS[label]] = verdict.get(LABELS[label], True) and yes
    return verdict


def expected(terms: Terms, path: str) -> dict[str, bool]:
    effective = terms.effective_terms(path)
    return {use: allows(getattr(effective, use), effective.fallback) for use in LABELS.values()}


def url_path(path: str) -> str:
    """The path a crawler requests for a file, percent-encoded."""
    return "/" + quote(path, safe="/")


def test_aipref_gives_every_path_its_verdict_when_conditional_means_yes(project: Path) -> None:
    terms = load(project, "allow")
    text = render("aipref", terms) or ""
    assert "Content-Usage: train-ai=y, search=y\n" in text
    assert "Content-Usage: /*.min.js$ train-ai=n, search=n\n" in text
    for path in PATHS:
        assert read_usage(text, url_path(path)) == expected(terms, path), path


def test_a_yes_under_a_site_wide_no_is_said_as_lost_not_stated(project: Path) -> None:
    terms = load(project, "deny")
    text = render("aipref", terms) or ""
    assert text.count("Content-Usage: train-ai=n, search=y\n") == 1
    assert "# not stated, a site-wide n wins: docs/*.md train-ai=y" in text
    assert read_usage(text, "/docs/guide.md")["training"] is False  # the safe side
    for path in PATHS:
        if not path.startswith("docs/"):
            assert read_usage(text, url_path(path)) == expected(terms, path), path


def test_robots_blocks_the_listed_crawlers_and_carries_the_usage_rules(project: Path) -> None:
    terms = load(project, "allow")
    text = render("robots", terms) or ""
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(text.splitlines())
    assert not parser.can_fetch("GPTBot", "/src/main.c")
    assert not parser.can_fetch("CCBot/2.0", "/")
    assert parser.can_fetch("Mozilla/5.0", "/src/main.c")
    for path in PATHS:
        assert read_usage(text, url_path(path)) == expected(terms, path), path


def test_without_a_block_list_every_agent_may_fetch(project: Path) -> None:
    (project / "ai-training.toml").write_text(MINIMAL_TERMS)
    text = render("robots", load_terms(project / "ai-training.toml")) or ""
    assert "Disallow" not in text and text.count("User-Agent:") == 1


def read_tdmrep(text: str, path: str) -> bool | None:
    """Whether training is free of reservation at ``path``: the first matching rule decides."""
    for rule in json.loads(text):
        if matches(rule["location"], path):
            return bool(rule["tdm-reservation"] == 0)
    return None


@pytest.mark.parametrize("fallback", ["allow", "deny"])
def test_tdmrep_gives_every_path_its_training_verdict(project: Path, fallback: str) -> None:
    terms = load(project, fallback)
    text = render("tdmrep", terms) or ""
    rules = json.loads(text)
    assert rules[-1]["location"] == "/"
    assert all(set(rule) == {"location", "tdm-reservation"} for rule in rules)
    for path in PATHS:
        said, meant = read_tdmrep(text, url_path(path)), expected(terms, path)["training"]
        if path in SPILLED:  # past the glob, kept reserved whatever the rules below say
            assert said is False or said == meant, path
        else:
            assert said == meant, path


def test_tdmrep_keeps_the_reservation_where_a_pattern_reaches_past_its_glob(project: Path) -> None:
    text = render("tdmrep", load(project, "deny")) or ""
    locations = [rule["location"] for rule in json.loads(text)]
    assert locations[:2] == ["/docs/*/*.md$", "/docs/*.md$"]  # the later override comes first
    assert read_tdmrep(text, "/docs/caf%C3%A9/menu.md") is False


# No '$' in paths: protego lets "/a$" match "/a$b".
SEGMENT = st.sampled_from(["a", "b", "src", "x.c", "y.min.js", "é", "c*d", "e\\x/y"])


@example(["e\\\\*"], ["e\\x/y"])  # a literal backslash, then a lone star
@given(
    st.lists(
        st.sampled_from(["a", "src", "*", "**", "*.c", "x.c", "é", "a$b", "c\\*d", "e\\\\*"]),
        min_size=1,
        max_size=4,
    ),
    st.lists(SEGMENT, min_size=1, max_size=4),
)
def test_a_robots_pattern_is_never_narrower_than_its_glob(
    glob_parts: list[str], parts: list[str]
) -> None:
    glob, path = "/".join(glob_parts), "/".join(parts)
    if compile_globs([glob]).match(path):
        assert matches(robots_pattern(glob), url_path(path)), (glob, path)
    elif matches(robots_pattern(glob), url_path(path)):
        assert any(matches(p, url_path(path)) for p in spill_patterns(glob)), (glob, path)


def test_a_website_roots_every_path_and_links_the_policy(project: Path) -> None:
    text = MINIMAL_TERMS.replace(
        'name = "example"',
        'name = "example"\nrepository = "https://e.org/x.git"\nwebsite = "https://e.org/code"',
    )
    export = '\n[export]\n"site/tdm policy.json" = "tdm-policy"\n'
    (project / "ai-training.toml").write_text(text + OVERRIDES + export)
    terms = load_terms(project / "ai-training.toml")
    tdmrep = json.loads(render("tdmrep", terms) or "")
    assert all(rule["location"].startswith("/code/") for rule in tdmrep)
    policy = "https://e.org/code/site/tdm%20policy.json"
    reserved = [r for r in tdmrep if r["tdm-reservation"] == 1]
    assert reserved and all(r["tdm-policy"] == policy for r in reserved)
    assert all("tdm-policy" not in r for r in tdmrep if r["tdm-reservation"] == 0)
    robots = render("robots", terms) or ""
    assert "Disallow: /code/\n" in robots and "Content-Usage: /code/ train-ai=n" not in robots
    assert "Content-Usage: /code/ train-ai=y, search=y\n" in robots
    for path in PATHS:
        where = "/code" + url_path(path)
        assert read_usage(robots, where) == expected(terms, path), path
        assert read_tdmrep(json.dumps(tdmrep), where) in (expected(terms, path)["training"], False)
    assert (
        read_usage(robots, "/elsewhere") == {}
    )  # the site's other pages are not ours to speak for
