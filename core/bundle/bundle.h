// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/shape.h"

#include <nlohmann/json.hpp>
#include <torch/script.h>

#include <optional>
#include <string>
#include <vector>

namespace cleave::bundle {

/// What a deployment bundle says about itself in manifest.json.
struct BundleInfo
{
    std::string model;       ///< as given: a path or zoo:NAME
    std::string modelSha256; ///< the model's id, as the agents and the store name it
    std::string name;        ///< a short name for the Triton model ("inspectnet")
    graph::Shape inputShape;
    /// What the head sends, after DeviceTL if any: one tensor, or each of a cut of several (a
    /// tuple, in the cut's order).
    std::vector<graph::Shape> wireShapes;
    graph::Shape outputShape;
    std::string dtype = "float32";
    int split = 0;
    std::string tl; ///< empty: none
    std::string codec = "fp32";
    std::optional<double> predictedLatency_s;
    std::string predictedOn; ///< "4g, local-device@host -> local-edge@host"
    nlohmann::json training; ///< accuracies when the TL was fine-tuned; null otherwise
    std::string cleaveVersion;
};

/// What the head sends: "1x64x56x56", or "(1x64x56x56, 1x256x56x56)" for a cut of several.
std::string formatWire(const BundleInfo &info);

/// The Triton model configuration for the tail (platform pytorch_libtorch; INPUT__0, INPUT__1,
/// ... for the tensors of the cut and OUTPUT__0, as that backend names a TorchScript model's
/// arguments).
std::string tritonConfig(const BundleInfo &info);

/// Writes DIR/manifest.json, DIR/device/head.pt, DIR/edge/tail.pt,
/// DIR/triton/<name>_tail/{config.pbtxt,1/model.pt} and DIR/README.md. Everything goes to a
/// temporary folder beside DIR that is renamed at the end, so a failure (a full disk) leaves no
/// half-written bundle. A DIR that exists and is not empty is refused unless `force`.
void writeBundle(const std::string &dir, const torch::jit::Module &head,
                 const torch::jit::Module &tail, const BundleInfo &info, bool force);

/// DIR/manifest.json as written by writeBundle. Error(NotFound) when DIR or its manifest is
/// missing; Error(InvalidInput) naming the file when it is not a Cleave bundle's manifest or a
/// field is missing or of the wrong type.
BundleInfo readBundleInfo(const std::string &dir);

/// How a TL was fine-tuned, as the store names it: "1 epoch, lr 0.001, 60000 images" (and ",
/// after the cut" when only the layers after it were trained). The same training makes the same
/// name, in a bundle's manifest (`training`; empty when null) as in `accuracy --fine-tune-top`.
std::string fineTuningText(int epochs, double learningRate, int64_t trainImages, bool afterCutOnly);
std::string fineTuningText(const nlohmann::json &training);

} // namespace cleave::bundle
