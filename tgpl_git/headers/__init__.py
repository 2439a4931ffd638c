# SPDX-FileCopyrightText: 2026 The tgpl-git Authors
# SPDX-License-Identifier: GPL-3.0-or-later AND LicenseRef-TGPL-1.0
# AI training: permitted only if trained models are released as free software; see ai-training.toml.

"""Licence headers: comment styles and file types (data), prolog rules (data), the pure
engine that decides and splices, and the file layer that reads heads and writes atomically."""

# The .gitattributes that take a file out of the header rules, and how a skip names them.
# (Here, where a command can read them before the engine loads: git is asked about them
# while it does.)
SKIP_ATTRIBUTES = {"linguist-generated": "generated", "linguist-vendored": "vendored"}
