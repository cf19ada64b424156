// SPDX-License-Identifier: GPL-3.0-or-later
// The cluster of stored devices on a stored model, with the model's row maps: what `plan
// --cluster`, `report --cluster-run` and the workbench's Cluster tab plan on.
#pragma once

#include "core/plan/fromstore.h"

#include <string>
#include <vector>

namespace cleave {

/// Opens `model` at `record`'s input (its row maps need LibTorch) and rebuilds the cluster of
/// `devices` from `db` (plan::clusterFromStore, with the rounds of a chain from every
/// roundFirsts cut); the request's output bytes are the model's.
plan::StoredCluster storedCluster(store::Store &db, const std::string &model,
                                  const store::ModelRecord &record,
                                  const std::vector<std::string> &devices,
                                  const plan::NetworkProfile &link);

} // namespace cleave
