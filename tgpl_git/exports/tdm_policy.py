# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""``tdm-policy``: the TDM Reservation Protocol's policy, an ODRL 2.2 ``Offer`` in JSON-LD.

One permission to mine (``tdm:mine``) the repository. Under conditional
training its duties are the ODRL actions that carry part of the conditions:
``shareAlike`` (the model's weights, and models derived from it, under the
same terms) and ``attribute`` (cite the project). The profile defines only
``obtainConsent`` and ``compensate``, so a TDMRep reader may not know them;
where training is not allowed, the one duty is ``obtainConsent``.
"""

from __future__ import annotations

import json

from tgpl_git.errors import ConfigError
from tgpl_git.terms import Terms

CONTEXT = ["http://www.w3.org/ns/odrl.jsonld", "http://www.w3.org/ns/tdmrep.jsonld"]
PROFILE = "http://www.w3.org/ns/tdmrep"


def _duties(terms: Terms) -> list[dict[str, str]]:
    t = terms.terms
    if t.training == "disallowed":
        return [{"action": "obtainConsent"}]
    if t.training == "allowed" or t.conditions is None:
        return []
    duties = [{"action": "shareAlike"}]
    if t.conditions.attribution != "none":
        duties.append({"action": "attribute"})
    return duties


def _assigner(terms: Terms, repository: str) -> dict[str, str]:
    assigner = {
        "uid": repository,
        "vcard:fn": terms.headers.holder or terms.project.name,
    }
    contact = terms.project.contact or ""
    if contact.startswith("mailto:"):
        assigner["vcard:hasEmail"] = contact
    elif contact.startswith(("https:", "http:")):
        assigner["vcard:hasURL"] = contact
    return assigner


def render_tdm_policy(terms: Terms) -> str:
    """The policy; it names the repository, so ``[project] repository`` must be set."""
    repository = terms.project.repository
    if not repository:
        raise ConfigError(
            "the tdm-policy export names the repository: set repository in [project] "
            "of ai-training.toml"
        )
    permission: dict[str, object] = {"target": repository, "action": "tdm:mine"}
    duties = _duties(terms)
    if duties:
        permission["duty"] = duties
    policy = {
        "@context": CONTEXT,
        "@type": "Offer",
        "profile": PROFILE,
        "uid": f"{repository}#ai-training-terms",
        "assigner": _assigner(terms, repository),
        "permission": [permission],
    }
    return json.dumps(policy, indent=2, ensure_ascii=False) + "\n"
