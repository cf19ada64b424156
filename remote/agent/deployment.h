// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/graph/modelgraph.h"
#include "core/graph/shape.h"

#include <torch/script.h>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace cleave::remote {

/// One half of a split model installed on an agent: the blocks (`compute`, none at split 0)
/// and the Transfer Layer half (`tl`, none without a TL). A device runs compute then DeviceTL;
/// an edge or cloud agent runs EdgeTL then compute. Runs from several threads at once.
/// A half cut at node granularity takes and returns every tensor of its cuts, in their order;
/// a Transfer Layer only goes with one tensor.
class Deployment
{
public:
    enum class Order { ComputeThenTl, TlThenCompute };
    /// The most tensors a half takes (a DenseNet cut at node granularity carries dozens).
    static constexpr int kMaxTensors = 4096;

    /// Runs the half once on zeros to learn the output shapes; Error(InvalidInput) naming
    /// `name` when a module does not take the inputs or returns other than float32 tensors.
    Deployment(std::string name, std::vector<graph::Shape> inputs,
               std::optional<torch::jit::Module> compute, std::optional<torch::jit::Module> tl,
               Order order);

    struct Times
    {
        double compute_s = 0;
        double tl_s = 0;
    };
    graph::Tensors run(const graph::Tensors &inputs, Times *times) const;

    const std::string &name() const { return m_name; }
    const std::vector<graph::Shape> &inputShapes() const { return m_inputs; }
    const std::vector<graph::Shape> &outputShapes() const { return m_outputs; }

private:
    void learnOutputs();

    std::string m_name;
    std::vector<graph::Shape> m_inputs;
    std::vector<graph::Shape> m_outputs;
    // Module's methods are not const, though running one is safe from many threads.
    mutable std::optional<torch::jit::Module> m_compute;
    mutable std::optional<torch::jit::Module> m_tl;
    Order m_order;
};

/// Deployments by name; installing one replaces (and frees, once its last run ends) another
/// of the same name.
class Deployments
{
public:
    void install(std::shared_ptr<const Deployment> deployment);
    std::shared_ptr<const Deployment> find(const std::string &name) const;
    /// False when there was none by that name.
    bool remove(const std::string &name);

private:
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<const Deployment>> m_byName;
};

} // namespace cleave::remote
