// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"
#include "core/store/store.h"

#include <optional>
#include <string>
#include <vector>

namespace cleave::store {

/// The store's records of the model `spec` means, newest first, found by content:
/// - a file: the records of its content, whatever the file was called or where it was when
///   benchmarked (records older than schema 5, which lack the content, by their id). When only
///   records under its name or path exist, the file changed since: Error(NotFound) saying when
///   it was benchmarked and both digests, never the old network's records;
/// - zoo:NAME: the records under that name;
/// - a digest recorded in the store (a model's id, or the hex of its content);
/// - any other text: the records under that name (a file benchmarked and since removed).
/// Of those, the records cut at `granularity` (a model's own id finds its record, whatever its
/// granularity). Empty when the store has none.
std::vector<ModelRecord> storedModels(Store &db, const std::string &spec,
                                      graph::Granularity granularity = graph::Granularity::Block);

/// The record of `model` (opened from `spec` with zoo weights of `seed` at `input`, as given:
/// none for the model's own): the store's, or added now.
ModelRecord recordOf(Store &db, const std::string &spec, uint64_t seed,
                     const std::optional<graph::Shape> &input, const graph::ModelGraph &model);

} // namespace cleave::store
